import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess } from './test-support/api-process.js';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('the server process', () => {
  it('migrates, seeds, serves with the development identity provider, and stops cleanly on SIGTERM', async () => {
    const api = await startApiProcess(db, (port) => ({
      DATA_DIR: path.resolve(import.meta.dirname, '../../.data/main-test'),
      PUBLIC_URL: `http://localhost:${port}`,
    }));
    const { port, child, exited } = api;
    const output = api.output;
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const groups = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ thematicGroups { totalCount } organisations { totalCount } practices { totalCount } feedbackMethods { key } organisation(slug: "fond-semya") { compliance { score level { key } } } }',
        }),
      });
      const body = (await groups.json()) as {
        data: {
          thematicGroups: { totalCount: number };
          organisations: { totalCount: number };
          practices: { totalCount: number };
          feedbackMethods: unknown[];
          organisation: { compliance: { score: number; level: { key: string } | null } };
        };
      };
      expect(body.data.thematicGroups.totalCount).toBeGreaterThanOrEqual(4);
      expect(body.data.organisations.totalCount).toBeGreaterThanOrEqual(6);
      expect(body.data.practices.totalCount).toBeGreaterThanOrEqual(10);
      expect(body.data.feedbackMethods.length).toBeGreaterThanOrEqual(20);
      expect(body.data.organisation.compliance.level?.key).toBe('base');
      expect(body.data.organisation.compliance.score).toBeGreaterThan(0);
      const discovery = await fetch(`http://localhost:${port}/realms/otklik/.well-known/openid-configuration`);
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`http://localhost:${port}/realms/otklik`);

      // SIGTERM under load: what is in flight completes, what comes after is refused, the process exits 0.
      const page = JSON.stringify({
        query:
          '{ practices(first: 50) { totalCount edges { node { id title organisation { name } reviewSummary { count } } } } }',
      });
      const inFlight = Array.from({ length: 30 }, () =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: page,
        })
          .then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown } }))
          .catch((error: unknown) => ({ status: 0, body: { error: String(error) } as { data?: unknown } })),
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      child.kill('SIGTERM');
      const results = await Promise.all(inFlight);
      const sent = results.filter((r) => r.status !== 0);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((r) => r.status === 200 && r.body.data)).toBe(true);
      await expect
        .poll(async () =>
          fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.status,
            () => 0,
          ),
        )
        .not.toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output()).toContain('Stopped.');
  }, 90_000);
});
