import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  practiceContent,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let group: GroupFixture;
let ngo: OrganisationFixture;
let institution: OrganisationFixture;
const ids: Record<string, string> = {};

const titles = (result: any) => result.data?.practices.edges.map((e: any) => e.node.title);

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey', 'interview', 'peer-listeners']);
  group = await createGroup(server);
  ngo = await createOrganisation(server, { kind: 'NGO', region: 'Санкт-Петербург' });
  institution = await createOrganisation(server, { kind: 'STATE_INSTITUTION', region: 'Москва' });
  await joinGroup(server, ngo, group);
  await joinGroup(server, institution, group);
  ids.family = (
    await createPractice(server, ngo, group, {
      content: {
        title: 'Поддержка семья за семьёй',
        summary: 'Родители помогают друг другу.',
        problem: 'Родители были одни.',
        participationLevel: 'CONSULTATION_FEEDBACK',
        methodKeys: ['survey'],
        tags: ['родители'],
      },
    })
  ).id;
  ids.youth = (
    await createPractice(server, institution, group, {
      content: {
        title: 'Молодые слушатели',
        summary: 'Подростки берут интервью у сверстников, а вовлечения семьи нет.',
        problem: 'Подростки не доверяли анкетам.',
        participationLevel: 'RESEARCH',
        methodKeys: ['interview', 'peer-listeners'],
        loopClosure: { returnedWhat: 'Итоги', returnedHow: 'Встреча', closed: false },
        tags: ['подростки'],
      },
    })
  ).id;
  ids.english = (
    await createPractice(server, ngo, group, {
      content: {
        title: 'Families council',
        summary: 'Families decide together with staff.',
        problem: 'Staff decided alone.',
        participationLevel: 'GOVERNANCE_PARTICIPATION',
        tags: ['council'],
      },
    })
  ).id;
});
afterAll(() => server?.close());

describe('full-text search', () => {
  it('finds Russian word forms: «семьи» finds «семья», «вовлечение» finds «вовлечения»', async () => {
    const families = await server.gql(`{ practices(search: "семьи") { totalCount edges { node { title } } } }`);
    expect(titles(families)).toEqual(['Поддержка семья за семьёй', 'Молодые слушатели']);
    const involvement = await server.gql(`{ practices(search: "вовлечение") { edges { node { title } } } }`);
    expect(titles(involvement)).toEqual(['Молодые слушатели']);
    const english = await server.gql(`{ practices(search: "family") { edges { node { title } } } }`);
    expect(titles(english)).toEqual(['Families council']);
  });

  it('returns the matching passage as plain segments with the matches marked', async () => {
    const result = await server.gql(`{ practices(search: "интервью") { edges { highlight { text highlighted } } } }`);
    const segments = result.data?.practices.edges[0].highlight;
    expect(segments).toContainEqual({ text: 'интервью', highlighted: true });
    expect(segments.map((s: any) => s.text).join('')).toContain('Подростки берут интервью у сверстников');
  });

  it('treats search text as text, never as SQL or query syntax', async () => {
    const result = await server.gql(`query($q: String!) { practices(search: $q) { totalCount } }`, {
      q: `'); drop table practice; -- & | !`,
    });
    expect(result.errors).toBeUndefined();
    expect((await server.db.query('select count(*)::int as n from practice'))[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

describe('filters', () => {
  it.each([
    ['participation level', '{ participationLevel: RESEARCH }', ['Молодые слушатели']],
    ['method', '{ methodKey: "peer-listeners" }', ['Молодые слушатели']],
    ['open loop', '{ loopClosed: false }', ['Молодые слушатели']],
    ['tag', '{ tag: "родители" }', ['Поддержка семья за семьёй']],
    ['organisation kind', '{ organisationKind: STATE_INSTITUTION }', ['Молодые слушатели']],
    ['region', '{ region: "Санкт-Петербург" }', ['Families council', 'Поддержка семья за семьёй']],
  ])('by %s', async (_name, filter, expected) => {
    const result = await server.gql(`{ practices(filter: ${filter}) { totalCount edges { node { title } } } }`);
    expect(titles(result)).toEqual(expected);
    expect(result.data?.practices.totalCount).toBe(expected.length);
  });

  it('by group and organisation', async () => {
    const byOrg = await server.gql(
      `query($org: ID!, $group: ID!) { practices(filter: { organisationId: $org, groupId: $group }) { totalCount } }`,
      {
        org: institution.id,
        group: group.id,
      },
    );
    expect(byOrg.data?.practices.totalCount).toBe(1);
  });
});

describe('pagination', () => {
  it('stays stable when practices are published between pages', async () => {
    const page = (after?: string) =>
      server.gql(
        `query($after: String) { practices(first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const first = await page();
    expect(titles(first)).toEqual(['Families council', 'Молодые слушатели']);
    await createPractice(server, ngo, group, {
      content: practiceContent({ title: 'Опубликована между страницами', problem: 'Новая практика.', tags: ['новое'] }),
    });
    const second = await page(first.data?.practices.pageInfo.endCursor);
    expect(titles(second)).toEqual(['Поддержка семья за семьёй']);
    expect(second.data?.practices.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through search results by relevance without repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const result: any = await server.gql(
        `query($after: String) { practices(search: "семьи", first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...result.data.practices.edges.map((e: any) => e.node.id));
      after = result.data.practices.pageInfo.hasNextPage ? result.data.practices.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual([ids.family, ids.youth]);
  });
});
