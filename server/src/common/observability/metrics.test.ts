import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createMetrics } from './metrics.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const metricLine = (text: string, name: string, labels: Record<string, string>) =>
  text
    .split('\n')
    .find(
      (line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)),
    );

describe('Prometheus metrics', () => {
  it('times HTTP requests and GraphQL operations by name, counts errors by code, and shows the pool', async () => {
    await server.gql('query RatingsProbe { ratingParameters { priorReviews } }');
    await server.gql('query RatingsProbe { ratingParameters { priorReviews } }');
    await server.gql('mutation Nope { takeRatingSnapshot { userErrors { code } } }');
    await server.gql(`query ${'x'.repeat(100)} { ratingParameters { priorReviews } }`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(
      metricLine(text, 'otklik_graphql_operation_duration_seconds_count', { operation: 'RatingsProbe', type: 'query' }),
    ).toMatch(/ 2$/);
    expect(metricLine(text, 'otklik_graphql_operation_duration_seconds_count', { operation: 'other' })).toMatch(/ 1$/);
    expect(metricLine(text, 'otklik_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toMatch(/ 1$/);
    expect(
      metricLine(text, 'otklik_http_request_duration_seconds_count', {
        route: '/graphql',
        method: 'POST',
        status: '200',
      }),
    ).toMatch(/ [1-9]\d*$/);
    expect(metricLine(text, 'otklik_db_pool_connections', { state: 'idle' })).toMatch(/ \d+$/);
    expect(text).toContain('otklik_process_resident_memory_bytes');
  });

  it('has every metric the example Grafana dashboard charts', async () => {
    const dashboard = readFileSync(
      path.resolve(import.meta.dirname, '../../../../ops/grafana/otklik-dashboard.json'),
      'utf8',
    );
    const charted = new Set(dashboard.match(/otklik_[a-z0-9_]+/g));
    expect(charted.size).toBeGreaterThan(5);
    const exposed = await (await fetch(`${server.url}/metrics`)).text();
    expect([...charted].filter((name) => !new RegExp(`^${name}[{ ]`, 'm').test(exposed))).toEqual([]);
  });

  it('asks for the token when one is configured', async () => {
    const app = express();
    app.use(createMetrics(server.orm).router('a-long-metrics-token'));
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: 'Bearer a-long-metrics-token' } });
      expect(allowed.status).toBe(200);
    } finally {
      listener.close();
    }
  });
});
