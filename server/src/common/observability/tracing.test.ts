import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../test-support/api-process.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';

interface OtlpSpan {
  traceId: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: { stringValue?: string } }>;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

/** A collector on loopback: what the API exports over OTLP/HTTP (JSON). */
const exports: OtlpExport[] = [];
let collector: Server;
let collectorUrl: string;
let api: ApiProcess;
let db: TestDatabase;

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') exports.push(JSON.parse(body) as OtlpExport);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
  db = await createTestDatabase();
  api = await startApiProcess(
    db,
    {
      DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'otklik-tracing-')),
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_SERVICE_NAME: 'otklik-tracing-test',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    ['./src/tracing.ts'],
  );
}, 120_000);

afterAll(async () => {
  api?.child.kill('SIGTERM');
  await api?.exited;
  await db?.drop();
  await new Promise((resolve) => collector?.close(resolve));
});

const spans = () =>
  exports.flatMap((e) =>
    e.resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) =>
        s.spans.map((span) => ({
          ...span,
          service: r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
        })),
      ),
    ),
  );

describe('OpenTelemetry tracing switched on by environment variables', () => {
  it('exports one trace per request: the HTTP request, the GraphQL operation and its SQL statements', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query TracedGroups { thematicGroups(first: 3) { edges { node { title } } } }' }),
    });
    expect(response.status).toBe(200);
    await fetch(`${api.url}/healthz`);

    let server: (OtlpSpan & { service?: string }) | undefined;
    for (let waited = 0; waited < 15_000; waited += 100) {
      server = spans().find((s) => s.kind === 2 && s.name.startsWith('POST'));
      const sameTrace = server ? spans().filter((s) => s.traceId === server!.traceId) : [];
      if (sameTrace.some((s) => s.name.includes('TracedGroups')) && sameTrace.some(isSql)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(server?.service).toBe('otklik-tracing-test');
    const trace = spans().filter((s) => s.traceId === server!.traceId);
    expect(trace.some((s) => s.name.includes('TracedGroups'))).toBe(true);
    expect(trace.some(isSql)).toBe(true);
    // Probes are not traced: they would drown the requests that matter.
    expect(spans().some((s) => s.attributes?.some((a) => a.value.stringValue?.includes('/healthz')))).toBe(false);
  });
});

function isSql(span: OtlpSpan): boolean {
  return Boolean(
    span.attributes?.some(
      (a) => (a.key === 'db.system' || a.key === 'db.system.name') && a.value.stringValue === 'postgresql',
    ),
  );
}
