import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  addMember,
  createOrganisation,
  joinGroup,
  practiceContent,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { expireIdempotencyKeys } from './idempotency.plugin.js';

const CREATE = `mutation($input: CreatePracticeInput!) {
  createPractice(input: $input) { practice { id title } userErrors { code field } } }`;

let server: TestServer;
let group: GroupFixture;
let a: OrganisationFixture;
let b: OrganisationFixture;

const send = async (token: string | undefined, key: string | undefined, variables: Record<string, unknown>) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query: CREATE, variables }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as any,
  };
};
const input = (title: string) => ({ input: { groupId: group.id, content: practiceContent({ title }) } });
const practicesTitled = async (title: string) =>
  server.db.query<{ organisation_id: string }>('select organisation_id from practice where title = $1', [title]);

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  a = await createOrganisation(server);
  b = await createOrganisation(server);
  await joinGroup(server, a, group);
  await joinGroup(server, b, group);
});
afterAll(() => server?.close());

describe('idempotency keys', () => {
  it('replays the first result for the same key and request, without running it again', async () => {
    const first = await send(a.admin.token, 'create-1', input('Совет родителей'));
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    const again = await send(a.admin.token, 'create-1', input('Совет родителей'));
    expect(again.replayed).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await practicesTitled('Совет родителей')).toHaveLength(1);
  });

  it('refuses the same key with a different request, changing nothing', async () => {
    const reused = await send(a.admin.token, 'create-1', input('Другая практика'));
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.errors[0].message).toBe(
      'Этот Idempotency-Key уже использован для другого запроса; возьмите новый ключ',
    );
    expect(await practicesTitled('Другая практика')).toEqual([]);
  });

  it('refuses the same key from another person of the organisation, and never keeps a secret', async () => {
    const colleague = await addMember(server, a, 'ADMIN');
    const other = await send(colleague.token, 'create-1', input('Совет родителей'));
    expect(other.status).toBe(422);
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const created = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${a.admin.token}`,
        'idempotency-key': 'api-client-1',
      },
      body: JSON.stringify({
        query: `mutation { createApiClient(input: { name: "Портал", role: VIEWER }) { s: clientSecret userErrors { code } } }`,
      }),
    });
    // a secret shown once is never kept for replays, under any alias: such a request is refused
    expect(created.status).toBe(400);
    expect(((await created.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await server.db.query(`select 1 from idempotency_key where key = 'api-client-1'`)).toEqual([]);
  });

  it('runs 10 concurrent duplicates exactly once; all get the same answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => send(a.admin.token, 'create-concurrent', input('Опрос семей'))),
    );
    expect(await practicesTitled('Опрос семей')).toHaveLength(1);
    const ids = new Set(results.map((r) => r.body.data?.createPractice.practice.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.replayed === 'true')).toHaveLength(9);
  });

  it('keeps keys per organisation: another organisation’s same key is its own', async () => {
    const theirs = await send(b.admin.token, 'create-1', input('Совет родителей'));
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.data.createPractice.userErrors).toEqual([]);
    const owners = (await practicesTitled('Совет родителей')).map((p) => p.organisation_id).sort();
    expect(owners).toEqual([uuidOf(a.id), uuidOf(b.id)].sort());
    // and cannot read or replay the other's record
    const keys = await server.db.query('select organisation_id from idempotency_key where key = $1', ['create-1']);
    expect(keys).toHaveLength(2);
  });

  it('releases the key of a request that failed as a whole', async () => {
    // variables that do not fit the schema: a top-level error, nothing ran
    const failed = await send(a.admin.token, 'create-failed', { input: { groupId: group.id, content: 'Провал' } });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(failed.body.data).toBeUndefined();
    expect(await server.db.query('select 1 from idempotency_key where key = $1', ['create-failed'])).toEqual([]);
  });

  it('refuses malformed keys and keys without an organisation to act for', async () => {
    const malformed = await send(a.admin.token, 'key with spaces', input('Ключ'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const loner = await server.person();
    const orphan = await send(loner.token, 'orphan', input('Ключ'));
    expect(orphan.status).toBe(403);
    expect(await practicesTitled('Ключ')).toEqual([]);
  });

  it('forgets keys after a day', async () => {
    const before = await server.db.query('select 1 from idempotency_key');
    expect(before.length).toBeGreaterThan(0);
    expect(await expireIdempotencyKeys(server.orm.em.fork(), new Date())).toBe(0);
    expect(await expireIdempotencyKeys(server.orm.em.fork(), new Date(Date.now() + 2 * 86_400_000))).toBe(
      before.length,
    );
  });

  it('holds no connection for a request another limit refuses (pool of 5, 12 refusals)', async () => {
    const limited = await startTestServer({ rateLimits: { perIpPerMinute: 0, perOrganisationPerMinute: 1 } });
    try {
      const org = await createOrganisation(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${org.admin.token}`,
            'idempotency-key': `refused-${i}`,
          },
          body: JSON.stringify({ query: 'mutation { markAllNotificationsRead { count } }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual(Array(12).fill(429));
      expect(await limited.db.query('select 1 from idempotency_key')).toEqual([]);
      const fine = await limited.gql('{ ratingParameters { priorReviews } }');
      expect(fine.data?.ratingParameters.priorReviews).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('leaves queries alone', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'whatever' },
      body: JSON.stringify({ query: '{ ratingParameters { priorReviews } }' }),
    });
    expect(response.status).toBe(200);
  });
});
