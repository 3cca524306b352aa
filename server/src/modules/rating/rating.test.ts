import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  discloseMission,
  joinGroup,
  publishMissionStandard,
  submitReview,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const RATINGS = `query($group: ID) { ratings(groupId: $group, first: 50) { totalCount edges { node {
  organisation { slug } composite rank enoughData
  openness { score sample weight points } practiceQuality { score sample } engagementDepth { score sample } contribution { score sample }
} } } }`;
let server: TestServer;
let group: GroupFixture;
let a: OrganisationFixture;
let b: OrganisationFixture;

const ratingOf = async (slug: string) => {
  const result = await server.gql(RATINGS, { group: group.id });
  return result.data?.ratings.edges.map((e: any) => e.node).find((n: any) => n.organisation.slug === slug);
};

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
  group = await createGroup(server);
  a = await createOrganisation(server);
  b = await createOrganisation(server);
  await joinGroup(server, a, group);
  await joinGroup(server, b, group);
  const practice = await createPractice(server, a, group, {
    content: { participationLevel: 'DISTRIBUTED_DECISION_MAKING' },
  });
  await createPractice(server, b, group, {
    content: {
      participationLevel: 'CONSULTATION_FEEDBACK',
      loopClosure: { returnedWhat: 'Итоги', returnedHow: 'Рассылка', closed: false },
    },
  });
  const reviewer = await addMember(server, b, 'REVIEWER');
  await submitReview(server, reviewer.token, practice.id);
});
afterAll(() => server?.close());

describe('ratings', () => {
  it('rates the members of a group with explainable components; a rank needs enough data', async () => {
    const ratingA = await ratingOf(a.slug);
    // one 5/5 review against a group mean of 5 stays 5 → 100; level 5 with a closed loop → depth 100;
    // contribution: one practice in 12 months → 100·1/(1+5) = 16.67; no openness standard → 0
    expect(ratingA).toMatchObject({
      enoughData: false,
      practiceQuality: { score: 100, sample: 1 },
      engagementDepth: { score: 100, sample: 1 },
      contribution: { score: 16.67, sample: 1 },
      openness: { score: null, sample: 0, weight: 0.35, points: 0 },
      rank: null,
    });
    expect(ratingA.composite).toBe(52.5);
    const ratingB = await ratingOf(b.slug);
    // level 1 without a closed loop → 0; contribution: one practice + one review given → 100·2/7 = 28.57
    expect(ratingB).toMatchObject({
      engagementDepth: { score: 0, sample: 1 },
      contribution: { score: 28.57, sample: 2 },
      practiceQuality: { score: null },
    });
  });

  it('lets nothing private change a rating: a draft practice and an unverified disclosure; verification does', async () => {
    await publishMissionStandard(server, 'rating-standard');
    const before = await ratingOf(a.slug);
    expect(before.openness).toMatchObject({ score: 0, sample: 1 });
    await createPractice(server, a, group, { draft: true, content: { participationLevel: 'CONSULTATION_FEEDBACK' } });
    const claimed = await discloseMission(server, a, 'rating-standard', 'https://a.example.org/mission');
    expect(await ratingOf(a.slug)).toEqual(before);
    const moderator = await server.person({ realmRoles: ['MODERATOR'] });
    await server.gql(
      `mutation($input: DecideDisclosureInput!) { verifyDisclosure(input: $input) { userErrors { code } } }`,
      {
        input: {
          disclosureId: claimed.id,
          version: claimed.version,
        },
      },
      { token: moderator.token },
    );
    const after = await ratingOf(a.slug);
    expect(after.openness).toMatchObject({ score: 100, points: 35 });
    expect(after.composite).toBe(before.composite + 35);
  });

  it('publishes its parameters', async () => {
    const result = await server.gql(
      `{ ratingParameters { opennessWeight practiceQualityWeight engagementDepthWeight contributionWeight priorReviews } }`,
    );
    expect(result.data?.ratingParameters).toEqual({
      opennessWeight: 0.35,
      practiceQualityWeight: 0.3,
      engagementDepthWeight: 0.2,
      contributionWeight: 0.15,
      priorReviews: 3,
    });
  });

  it('exports the leaderboard as CSV with a BOM for Excel, neutralising formulas in names', async () => {
    const risky = await createOrganisation(server, { name: '=HYPERLINK("http://evil")' });
    await joinGroup(server, risky, group);
    const response = await fetch(`${server.url}/exports/ratings.csv?groupId=${group.id}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Место,Организация,Короткое имя,Тип,Регион,Рейтинг,Открытость,Качество практик,Глубина вовлечения,Вклад,Рецензий,Практик,Достаточно данных',
    );
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect((await fetch(`${server.url}/exports/ratings.csv?kind=NOPE`)).status).toBe(400);
    const english = await (await fetch(`${server.url}/exports/ratings.csv?kind=NGO&lang=en`)).text();
    expect(english).toContain('Rank,Organisation');
  });

  it('says how to improve: the openness steps that add most, reviews, closing the loop', async () => {
    const result = await server.gql(
      `query($slug: String!) { organisation(slug: $slug) { rating { howToImprove } } }`,
      { slug: b.slug },
      { locale: 'ru' },
    );
    expect(result.data?.organisation.rating.howToImprove).toEqual([
      'Раскройте «М»: +100 к открытости',
      'Опубликуйте практику и пригласите коллег из группы её отрецензировать',
      'Возвращайте обратную связь: расскажите благополучателям, что изменилось, и отметьте петлю замкнутой',
      'Рецензируйте практики других организаций своей группы',
    ]);
    const board = await server.gql(
      `query($group: ID) { ratings(groupId: $group) { edges { node { howToImprove } } } }`,
      { group: group.id },
      { locale: 'en' },
    );
    expect(board.data?.ratings.edges.every((e: any) => Array.isArray(e.node.howToImprove))).toBe(true);
  });
});
