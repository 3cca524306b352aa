import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';
import { SILENT_TABLES } from '../../migrations/Migration20261129200000DataChangeSignal.js';
import { WEBHOOK_SILENT_TABLES } from '../../migrations/Migration20261129210000Webhooks.js';
import { ResponseCache } from './response-cache.js';

const PRACTICES = `query { practices(first: 50) { edges { node { id title organisation { name } } } } }`;
const ORGANISATION = `query($slug: String!) { organisation(slug: $slug) { name } }`;

let server: TestServer;
let cache: ResponseCache;
let author: OrganisationFixture;
let group: GroupFixture;
let platformAdmin: Person;

/** A query as a client sends it, with whether the answer came from the cache. */
async function read(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string; locale?: string } = {},
) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': opts.locale ?? 'en',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  return { ...body, hit: response.headers.get('x-otklik-cache') === 'hit' };
}

const titles = (result: Awaited<ReturnType<typeof read>>) =>
  (result.data?.practices.edges as Array<{ node: { title: string } }>).map((e) => e.node.title);

beforeAll(async () => {
  cache = new ResponseCache({ maxEntries: 100, maxBytes: 4 * 2 ** 20 });
  server = await startTestServer({ responseCache: cache });
  platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  author = await createOrganisation(server);
  await createMethods(server, ['survey']);
  group = await createGroup(server, {}, platformAdmin);
  await joinGroup(server, author, group);
  await createPractice(server, author, group, { content: { title: 'Первая практика' } });
  for (let waited = 0; !cache.active; waited += 50) {
    if (waited > 10_000) throw new Error('the data-change listener did not connect');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 120_000);
afterAll(() => server?.close());

describe('response cache for anonymous queries', () => {
  it('answers a repeated anonymous query from the cache, with the same data', async () => {
    const first = await read(PRACTICES);
    const second = await read(PRACTICES);
    expect(first.errors).toBeUndefined();
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.data).toEqual(first.data);
  });

  it('shows a write through the API on the very next read', async () => {
    await read(PRACTICES);
    expect((await read(PRACTICES)).hit).toBe(true);
    await createPractice(server, author, group, { content: { title: 'Новая практика' } });
    const after = await read(PRACTICES);
    expect(after.hit).toBe(false);
    expect(titles(after)).toContain('Новая практика');
  });

  it('drops its entries when another process or a worker commits a write (PostgreSQL notification)', async () => {
    expect((await read(ORGANISATION, { slug: author.slug })).data?.organisation.name).not.toBe('Переименована в SQL');
    expect((await read(ORGANISATION, { slug: author.slug })).hit).toBe(true);
    // Written around the API, as another instance or an administrator would.
    await server.db.query(`update organisation set name = 'Переименована в SQL' where id = $1`, [uuidOf(author.id)]);
    let name: string | undefined;
    for (let waited = 0; name !== 'Переименована в SQL' && waited < 5_000; waited += 50) {
      name = (await read(ORGANISATION, { slug: author.slug })).data?.organisation.name;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(name).toBe('Переименована в SQL');
  });

  it('keys by language: the Russian and English answers are kept apart', async () => {
    const query = `query { feedbackMethods { key title } thematicGroups(first: 5) { edges { node { title } } } }`;
    const en = await read(query, {}, { locale: 'en' });
    const ru = await read(query, {}, { locale: 'ru' });
    expect(ru.hit).toBe(false);
    expect((await read(query, {}, { locale: 'ru' })).data).toEqual(ru.data);
    expect((await read(query, {}, { locale: 'en' })).data).toEqual(en.data);
  });

  it('keys by variables', async () => {
    const other = await createOrganisation(server);
    const a = await read(ORGANISATION, { slug: author.slug });
    const b = await read(ORGANISATION, { slug: other.slug });
    expect(b.data?.organisation.name).not.toBe(a.data?.organisation.name);
    expect((await read(ORGANISATION, { slug: other.slug })).data).toEqual(b.data);
  });

  it('never serves or stores signed-in requests: they may see drafts and viewer fields', async () => {
    await createPractice(server, author, group, { content: { title: 'Черновик автора' }, draft: true });
    const draftQuery = `query { practices(first: 50, filter: { status: DRAFT }) { edges { node { title viewerCanEdit } } } }`;
    const signedIn = await read(draftQuery, {}, { token: author.admin.token });
    expect(titles(signedIn)).toContain('Черновик автора');
    expect((await read(draftQuery, {}, { token: author.admin.token })).hit).toBe(false);
    // The same query anonymously is answered for an anonymous caller, never from the signed-in answer.
    const anonymous = await read(draftQuery);
    expect(titles(anonymous)).not.toContain('Черновик автора');
  });

  it('reports its hits, misses and entries on /metrics', async () => {
    await read(PRACTICES);
    await read(PRACTICES);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
    expect(value('otklik_response_cache_hits_total')).toBeGreaterThan(0);
    expect(value('otklik_response_cache_misses_total')).toBeGreaterThan(0);
    expect(value('otklik_response_cache_entries')).toBeGreaterThan(0);
  });

  it('does not keep answers with errors', async () => {
    const bad = `query { practices(first: 1000) { edges { node { id } } } }`;
    const first = await read(bad);
    expect(first.errors).toBeDefined();
    expect((await read(bad)).hit).toBe(false);
  });

  it('every table whose rows a read can return notifies data changes (tables added later too)', async () => {
    const missing = await server.db.query(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not (c.relname = any ($1::text[]))
          and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_data_changed')`,
      [[...SILENT_TABLES, ...WEBHOOK_SILENT_TABLES]],
    );
    expect(missing).toEqual([]);
  });
});

describe('ResponseCache', () => {
  const listening = (options: ConstructorParameters<typeof ResponseCache>[0]) => {
    const c = new ResponseCache(options);
    c.setListening(true);
    return c;
  };

  it('serves nothing until its listener is connected, nor after it is lost', () => {
    const c = new ResponseCache({ maxEntries: 10, maxBytes: 10_000 });
    c.set('a', c.version, { data: 1 });
    expect(c.get('a')).toBeUndefined();
    c.setListening(true);
    c.set('a', c.version, { data: 1 });
    expect(c.get('a')).toEqual({ data: 1 });
    c.setListening(false);
    expect(c.get('a')).toBeUndefined();
  });

  it('refuses a response read before the latest write', () => {
    const c = listening({ maxEntries: 10, maxBytes: 10_000 });
    const before = c.version;
    c.invalidate();
    c.set('a', before, { data: 'stale' });
    expect(c.get('a')).toBeUndefined();
  });

  it('evicts the least recently used beyond its entry and byte limits', () => {
    const c = listening({ maxEntries: 2, maxBytes: 10_000 });
    c.set('a', c.version, { data: 'a' });
    c.set('b', c.version, { data: 'b' });
    c.get('a');
    c.set('c', c.version, { data: 'c' });
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toEqual({ data: 'a' });
    expect(c.size).toBe(2);

    const small = listening({ maxEntries: 100, maxBytes: 600 });
    for (let i = 0; i < 20; i++) small.set(String(i), small.version, { data: 'x'.repeat(20) });
    expect(small.size).toBeLessThan(20);
    expect(small.get('19')).toBeDefined();
  });
});

describe('answers from the cache under the rate limits', () => {
  it('charges each cached answer to the client address like any other request', async () => {
    const limitedCache = new ResponseCache({ maxEntries: 10, maxBytes: 2 ** 20 });
    const limited = await startTestServer({
      responseCache: limitedCache,
      rateLimits: { perIpPerMinute: 40, perOrganisationPerMinute: 0 },
    });
    try {
      for (let waited = 0; !limitedCache.active && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const statuses: number[] = [];
      const hits: boolean[] = [];
      for (let i = 0; i < 60 && !statuses.includes(429); i++) {
        const response = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ feedbackMethods { key } }' }),
        });
        statuses.push(response.status);
        hits.push(response.headers.get('x-otklik-cache') === 'hit');
      }
      expect(hits.filter(Boolean).length).toBeGreaterThan(0);
      expect(statuses).toContain(429);
    } finally {
      await limited.close();
    }
  });
});
