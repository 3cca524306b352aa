import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSchema, Kind, parse, print, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { countTokens, DEFAULT_QUERY_LIMITS, LimitCode, limitValidationRules, operationCost } from './limits.js';
import { CostRateLimiter } from './rate-limit.js';

const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const json = async (response: Response): Promise<any> => response.json();

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { perIpPerMinute: 0, perOrganisationPerMinute: 0 } });
});
afterAll(() => server?.close());

describe('GraphQL limits', () => {
  it('refuses a query deeper than 6 levels with QUERY_TOO_DEEP', async () => {
    const query = `{ practices(first: 1) { edges { node { organisation { practices(first: 1) { edges { node { id } } } } } } } }`;
    const response = await post(server, { query });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errors[0].extensions).toMatchObject({ code: LimitCode.DEPTH, limit: 6, found: 8 });
    const fine = await post(server, { query: `{ practices(first: 1) { edges { node { organisation { slug } } } } }` });
    expect(fine.status).toBe(200);
  });

  it("says why in the request's language: Russian by default, English when asked", async () => {
    const deep = `{ practices(first: 1) { edges { node { organisation { practices(first: 1) { edges { node { id } } } } } } } }`;
    const messages = async (headers: Record<string, string>) =>
      Promise.all(
        [
          { query: deep },
          { query: `{ practices(first: 100) { edges { node { comments(first: 100) { totalCount } } } } }` },
        ].map(async (body) => (await json(await post(server, body, headers))).errors[0].message),
      );
    expect(await messages({})).toEqual([
      'Запрос вложен глубже 6 уровней',
      expect.stringMatching(/^Запрос стоил бы \d+ баллов; предел — 5000$/),
    ]);
    expect(await messages({ 'accept-language': 'en-GB, ru;q=0.5' })).toEqual([
      'Query is nested deeper than 6 levels',
      expect.stringMatching(/^Query would cost \d+ points; the limit is 5000$/),
    ]);
  });

  it('counts fragments into the depth, not around it', async () => {
    const query = `query { practices(first: 1) { ...P } }
      fragment P on PracticeConnection { edges { node { organisation { practices(first: 1) { edges { node { id } } } } } } }`;
    const body = await json(await post(server, { query }));
    expect(body.errors[0].extensions.code).toBe(LimitCode.DEPTH);
  });

  it('refuses more than 15 aliases with TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: ratingParameters { priorReviews }`).join(' ')} }`;
    const response = await post(server, { query });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].extensions).toMatchObject({ code: LimitCode.ALIASES, limit: 15 });
  });

  it('refuses more than 10 directives with TOO_MANY_DIRECTIVES', async () => {
    const fields = Array.from({ length: 11 }, () => 'priorReviews @include(if: true)').join(' ');
    const response = await post(server, { query: `{ ratingParameters { ${fields} } }` });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].extensions).toMatchObject({ code: LimitCode.DIRECTIVES, limit: 10 });
  });

  it('refuses more than 1,000 tokens with QUERY_TOO_LARGE before parsing', async () => {
    const query = `{ ratingParameters { ${'priorReviews '.repeat(1001)} } }`;
    const response = await post(server, { query });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].extensions).toEqual({ code: LimitCode.TOKENS, limit: 1000 });
    expect(countTokens('{ a b c }', 1000)).toBe(5);
    expect(countTokens('{ a '.repeat(10_000), 10)).toBe(11);
  });

  it('refuses a query that would cost more than 5,000 points, with page sizes from literals or variables', async () => {
    const wide = `query($n: Int) { practices(first: $n) { edges { node { comments(first: $n) { totalCount } } } } }`;
    const refused = await post(server, { query: wide, variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors[0].extensions).toMatchObject({ code: LimitCode.COST, limit: 5000 });
    const literal = await post(server, {
      query: `{ practices(first: 100) { edges { node { comments(first: 100) { totalCount } } } } }`,
    });
    expect((await json(literal)).errors[0].extensions.code).toBe(LimitCode.COST);
    const small = await post(server, { query: wide, variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect((await json(small)).errors).toBeUndefined();
  });

  it('refuses batches, GET requests without a preflight header (CSRF) and bodies over 1 MB with clear errors', async () => {
    const batch = await post(server, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    const csrf = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toContain('CSRF');
    const simple = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simple.status).toBe(400);
    const huge = await post(server, { query: '{ __typename }', variables: { pad: 'я'.repeat(600_000) } });
    expect(huge.status).toBe(413);
    expect((await json(huge)).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await post(server, '{"query": ');
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('lets every dashboard operation through every limit', async () => {
    const dashboard = (await import(
      pathToFileURL(path.resolve(import.meta.dirname, '../../../../web/src/gql/graphql.ts')).href
    )) as Record<string, unknown>;
    const schema = buildSchema(
      readFileSync(path.resolve(import.meta.dirname, '../../../../schema/schema.graphql'), 'utf8'),
    );
    const documents = Object.entries(dashboard).filter(([name]) => name.endsWith('Document')) as Array<
      [string, DocumentNode]
    >;
    expect(documents.length).toBeGreaterThan(40);
    for (const [name, document] of documents) {
      const errors = validate(schema, document, limitValidationRules(DEFAULT_QUERY_LIMITS));
      expect(errors.map((e) => `${name}: ${e.message}`)).toEqual([]);
      expect(countTokens(print(document), DEFAULT_QUERY_LIMITS.tokens), name).toBeLessThanOrEqual(1000);
      const operation = document.definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode;
      expect(operationCost(schema, document, operation), name).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.cost);
    }
  });

  it('costs a document of nested repeated fragments in linear time, and counts declared defaults', () => {
    const schema = buildSchema(
      readFileSync(path.resolve(import.meta.dirname, '../../../../schema/schema.graphql'), 'utf8'),
    );
    // 2^45 paths if every spread were walked again; each fragment is costed once instead
    const levels = 45;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { ratingParameters { priorReviews } }`
        : `fragment F${i} on Query { ... on Query { ...F${i + 1} } ... on Query { ...F${i + 1} } }`,
    ).join('\n');
    const document = parse(`query { ...F0 }\n${fragments}`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(operationCost(schema, document, operation)).toBe(2 ** (levels - 1) * 2);
    const defaulted = parse(`query($n: Int = 100) { practices(first: $n) { totalCount } }`);
    expect(operationCost(schema, defaulted, defaulted.definitions[0] as OperationDefinitionNode, {})).toBe(1 + 100);
  });

  it('costs one point per field, times the page size under a list', () => {
    const schema = buildSchema(
      readFileSync(path.resolve(import.meta.dirname, '../../../../schema/schema.graphql'), 'utf8'),
    );
    const document = parse(`query($n: Int) { practices(first: $n) { totalCount edges { node { id title } } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    // practices 1 + n × (totalCount 1 + edges 1 + 1 × (node 1 + 1 × (id 1 + title 1)))
    expect(operationCost(schema, document, operation, { n: 10 })).toBe(1 + 10 * 5);
    expect(operationCost(schema, document, operation, {})).toBe(1 + 20 * 5);
  });
});

describe('rate limits by cost', () => {
  it('charges anonymous requests to their address and signed-in ones to their organisation, and says when to retry', async () => {
    const limited = await startTestServer({ rateLimits: { perIpPerMinute: 300, perOrganisationPerMinute: 200 } });
    try {
      const query = `{ practices(first: 10) { edges { node { id title } } } }`; // 1 + 10 × 4 = 41 points
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(limited, { query })).status);
      expect(statuses.slice(0, 7)).toEqual(Array(7).fill(200));
      expect(statuses[7]).toBe(429);
      const refused = await post(limited, { query });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await json(refused);
      expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(body.errors[0].extensions.retryAfter).toBeGreaterThan(0);
      expect(body.errors[0].message).toBe(
        `Слишком много запросов; повторите через ${body.errors[0].extensions.retryAfter} с`,
      );
      const inEnglish = await json(await post(limited, { query }, { 'accept-language': 'en' }));
      expect(inEnglish.errors[0].message).toMatch(/^Too many requests; retry in \d+ s$/);
      // the same address, signed in for an organisation: its own budget (200 points: 4 requests)
      const organisation = await createOrganisation(limited);
      const signedIn = { authorization: `Bearer ${organisation.admin.token}` };
      const own: number[] = [];
      for (let i = 0; i < 5; i++) own.push((await post(limited, { query }, signedIn)).status);
      expect(own).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('takes the address from X-Forwarded-For only when the proxy is trusted', async () => {
    const query = `{ practices(first: 10) { edges { node { id title } } } }`; // 41 points: 2 per 100
    const statuses = async (target: TestServer, forwardedFor: string[]) => {
      const out: number[] = [];
      for (const address of forwardedFor)
        out.push((await post(target, { query }, { 'x-forwarded-for': address })).status);
      return out;
    };
    const behindLoopback = await startTestServer({ rateLimits: { perIpPerMinute: 100, perOrganisationPerMinute: 0 } });
    const untrusted = await startTestServer({
      rateLimits: { perIpPerMinute: 100, perOrganisationPerMinute: 0 },
      trustProxy: '10.0.0.0/8',
    });
    try {
      const visitors = ['203.0.113.1', '203.0.113.1', '203.0.113.2', '203.0.113.2', '203.0.113.1'];
      expect(await statuses(behindLoopback, visitors)).toEqual([200, 200, 200, 200, 429]);
      expect(await statuses(untrusted, visitors)).toEqual([200, 200, 429, 429, 429]);
    } finally {
      await behindLoopback.close();
      await untrusted.close();
    }
  });

  it('keeps organisations’ budgets apart', () => {
    let clock = 0;
    const limiter = new CostRateLimiter(() => clock);
    const charge = (org: string, cost: number) =>
      limiter.take(
        [
          { key: 'ip:1', perMinute: 0 },
          { key: `org:${org}`, perMinute: 100 },
        ],
        cost,
      );
    expect(charge('a', 60).ok).toBe(true);
    expect(charge('a', 60)).toEqual({ ok: false, retryAfter: 12 });
    expect(charge('b', 60).ok).toBe(true);
    clock += 12_000; // 20 points back
    expect(charge('a', 60).ok).toBe(true);
  });
});

describe('production mode', () => {
  it('hides introspection and schema hints, so the schema cannot be probed', async () => {
    const production = await startTestServer({ production: true });
    try {
      const introspection = await json(await post(production, { query: '{ __schema { types { name } } }' }));
      expect(introspection.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await json(await post(production, { query: '{ practise { id } }' }));
      expect(typo.errors[0].message).not.toContain('Did you mean');
      const development = await json(await post(server, { query: '{ practise { id } }' }));
      expect(development.errors[0].message).toContain('Did you mean');
      await createOrganisation(production);
    } finally {
      await production.close();
    }
  });
});
