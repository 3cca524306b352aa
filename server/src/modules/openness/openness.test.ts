import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createOrganisation,
  joinGroup,
  uuidOf,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';

const criterion = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  titleRu: `Критерий ${key}`,
  titleEn: `Criterion ${key}`,
  descriptionRu: 'Что раскрыть',
  descriptionEn: 'What to disclose',
  weight: 1,
  mandatory: false,
  evidence: 'URL',
  ...extra,
});
const definition = (version: number, extra: Record<string, unknown> = {}) => ({
  key: 'test-openness',
  version,
  titleRu: 'Тестовый стандарт',
  titleEn: 'Test standard',
  descriptionRu: 'Для тестов',
  descriptionEn: 'For tests',
  appliesTo: ['NGO', 'STATE_INSTITUTION'],
  formula: 'WEIGHTED_SHARE',
  sources: ['Форум Доноров'],
  sections: [
    {
      key: 'about',
      titleRu: 'Об организации',
      titleEn: 'About',
      criteria: [criterion('mission', { weight: 2, mandatory: true }), criterion('board')],
    },
    {
      key: 'results',
      titleRu: 'Результаты',
      titleEn: 'Results',
      criteria: [
        criterion('annual-report', { weight: 3, mandatory: true, freshnessMonths: 18, evidence: 'DOCUMENT' }),
        criterion('beneficiaries', { evidence: 'COUNT' }),
        criterion('satisfaction', { evidence: 'SHARE' }),
        criterion('inspection', { appliesTo: ['STATE_INSTITUTION'] }),
      ],
    },
  ],
  levels: [
    { key: 'base', titleRu: 'Базовый', titleEn: 'Base', requires: ['mission', 'annual-report'] },
    { key: 'full', titleRu: 'Полный', titleEn: 'Full', requires: ['board', 'beneficiaries', 'satisfaction'] },
  ],
  ...extra,
});

const PUBLISH = `mutation($input: PublishStandardInput!) { publishStandard(input: $input) { standard { key version formula appliesTo levels { key } } userErrors { code field message } } }`;
const DISCLOSE = `mutation($input: DiscloseInput!) { disclose(input: $input) { disclosure { id status version criterionKey expiresAt } userErrors { code field message } } }`;
const VERIFY = `mutation($input: DecideDisclosureInput!) { verifyDisclosure(input: $input) { disclosure { status } userErrors { code field } } }`;
const REJECT = `mutation($input: DecideDisclosureInput!) { rejectDisclosure(input: $input) { disclosure { status rejectionReason } userErrors { code field } } }`;
const COMPLIANCE = `query($slug: String!) { organisation(slug: $slug) {
  compliance(standardKey: "test-openness") { score level { key } nextLevel { key } mandatoryMissing { key }
    sections { key score met applicable } nextSteps { criterion { key } gain forNextLevel } expiringSoon { criterion { key } expiresAt } }
  disclosures { criterionKey status }
  complianceHistory(standardKey: "test-openness") { score levelKey }
} }`;

let clock = new Date('2026-05-01T12:00:00Z');
let server: TestServer;
let platformAdmin: Person;
let moderator: Person;
let org: OrganisationFixture;

const disclose = (token: string, input: Record<string, unknown>) =>
  server.gql(DISCLOSE, { input: { standardKey: 'test-openness', asOf: '2025-01-01', ...input } }, { token });

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  moderator = await server.person({ realmRoles: ['MODERATOR'] });
  const published = await server.gql(PUBLISH, { input: { definition: definition(1) } }, { token: platformAdmin.token });
  expect(published.data?.publishStandard.userErrors).toEqual([]);
  org = await createOrganisation(server, { kind: 'NGO' });
});
afterAll(() => server?.close());

describe('standards', () => {
  it('are published in order by platform admins only, validated as data', async () => {
    const other = await createOrganisation(server);
    const byOther = await server.gql(PUBLISH, { input: { definition: definition(2) } }, { token: other.admin.token });
    expect(byOther.data?.publishStandard.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const skipped = await server.gql(PUBLISH, { input: { definition: definition(3) } }, { token: platformAdmin.token });
    expect(skipped.data?.publishStandard.userErrors).toMatchObject([
      { code: 'CONFLICT', field: ['input', 'definition', 'version'] },
    ]);
    const broken = await server.gql(
      PUBLISH,
      {
        input: {
          definition: {
            ...definition(2),
            levels: [{ key: 'base', titleRu: 'Б', titleEn: 'B', requires: ['nonexistent'] }],
          },
        },
      },
      { token: platformAdmin.token },
    );
    expect(broken.data?.publishStandard.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(broken.data?.publishStandard.userErrors[0].message).toContain('nonexistent');
    expect(
      (await server.db.query(`select max(version) as v from openness_standard where key = 'test-openness'`))[0]!.v,
    ).toBe(1);
  });
});

describe('disclosures and compliance', () => {
  it('counts a disclosure only once verified, and records history', async () => {
    const claimed = await disclose(org.admin.token, {
      criterionKey: 'mission',
      evidenceUrl: 'https://org.example.org/mission',
    });
    const mission = claimed.data?.disclose.disclosure;
    expect(mission).toMatchObject({ status: 'CLAIMED', expiresAt: null });
    expect((await server.gql(COMPLIANCE, { slug: org.slug })).data?.organisation.compliance.score).toBe(0);
    const verified = await server.gql(
      VERIFY,
      { input: { disclosureId: mission.id, version: mission.version } },
      { token: moderator.token },
    );
    expect(verified.data?.verifyDisclosure).toEqual({ disclosure: { status: 'VERIFIED' }, userErrors: [] });
    const report = await disclose(org.admin.token, {
      criterionKey: 'annual-report',
      evidenceUrl: 'https://org.example.org/report-2024.pdf',
    });
    expect(report.data?.disclose.disclosure.expiresAt).toBe('2026-07-01T00:00:00.000Z');
    await server.gql(
      VERIFY,
      { input: { disclosureId: report.data?.disclose.disclosure.id, version: 1 } },
      { token: moderator.token },
    );
    const view = await server.gql(COMPLIANCE, { slug: org.slug });
    expect(view.data?.organisation.compliance).toMatchObject({
      score: 62.5,
      level: { key: 'base' },
      nextLevel: { key: 'full' },
      mandatoryMissing: [],
      sections: [
        { key: 'about', score: 66.67, met: 1, applicable: 2 },
        { key: 'results', score: 60, met: 1, applicable: 3 },
      ],
    });
    expect(
      view.data?.organisation.compliance.nextSteps.map((s: any) => [s.criterion.key, s.gain, s.forNextLevel]),
    ).toEqual([
      ['beneficiaries', 12.5, true],
      ['board', 12.5, true],
      ['satisfaction', 12.5, true],
    ]);
    expect(view.data?.organisation.complianceHistory).toEqual([
      { score: 25, levelKey: null },
      { score: 62.5, levelKey: 'base' },
    ]);
  });

  it('lets the annual report expire 18 months after its date, by the clock', async () => {
    clock = new Date('2026-05-15T12:00:00Z');
    const soon = await server.gql(COMPLIANCE, { slug: org.slug });
    expect(soon.data?.organisation.compliance.expiringSoon).toEqual([
      { criterion: { key: 'annual-report' }, expiresAt: '2026-07-01T00:00:00.000Z' },
    ]);
    clock = new Date('2026-07-02T12:00:00Z');
    const expired = await server.gql(COMPLIANCE, { slug: org.slug });
    expect(expired.data?.organisation.compliance).toMatchObject({
      score: 25,
      level: null,
      mandatoryMissing: [{ key: 'annual-report' }],
    });
    clock = new Date('2026-05-01T12:00:00Z');
  });

  it('rejects with a reason; the organisation answers and claims again', async () => {
    const board = await disclose(org.admin.token, {
      criterionKey: 'board',
      evidenceUrl: 'https://org.example.org/board',
    });
    const id = board.data?.disclose.disclosure.id;
    const noReason = await server.gql(REJECT, { input: { disclosureId: id, version: 1 } }, { token: moderator.token });
    expect(noReason.data?.rejectDisclosure.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'reason'] },
    ]);
    const rejected = await server.gql(
      REJECT,
      { input: { disclosureId: id, version: 1, reason: 'На странице нет состава совета' } },
      { token: moderator.token },
    );
    expect(rejected.data?.rejectDisclosure.disclosure).toEqual({
      status: 'REJECTED',
      rejectionReason: 'На странице нет состава совета',
    });
    const again = await disclose(org.admin.token, {
      criterionKey: 'board',
      evidenceUrl: 'https://org.example.org/board#members',
      answer: 'Добавили состав',
    });
    expect(again.data?.disclose.disclosure).toMatchObject({ id, status: 'CLAIMED' });
  });

  it('refuses bad evidence, criteria that do not apply, future dates and VIEWERs, writing nothing', async () => {
    const before = await server.db.query('select count(*)::int as n from disclosure');
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ criterionKey: 'mission', evidenceUrl: 'javascript:alert(1)' }, ['input', 'evidenceUrl']],
      [{ criterionKey: 'mission', evidenceUrl: 'file:///etc/passwd' }, ['input', 'evidenceUrl']],
      [{ criterionKey: 'satisfaction', evidenceNumber: 1.5 }, ['input', 'evidenceNumber']],
      [{ criterionKey: 'beneficiaries', evidenceNumber: -1 }, ['input', 'evidenceNumber']],
      [{ criterionKey: 'inspection', evidenceUrl: 'https://org.example.org/inspection' }, ['input', 'criterionKey']],
      [{ criterionKey: 'mission', evidenceUrl: 'https://org.example.org/m', asOf: '2030-01-01' }, ['input', 'asOf']],
      [{ criterionKey: 'mission', evidenceUrl: 'https://org.example.org/m', asOf: '2024-02-30' }, ['input', 'asOf']],
    ];
    for (const [input, field] of cases) {
      const result = await disclose(org.admin.token, input);
      expect(result.data?.disclose.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field }]);
    }
    const viewer = await addMember(server, org, 'VIEWER');
    const byViewer = await disclose(viewer.token, {
      criterionKey: 'mission',
      evidenceUrl: 'https://org.example.org/m',
    });
    expect(byViewer.data?.disclose.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await server.db.query('select count(*)::int as n from disclosure')).toEqual(before);
  });
});

describe('another organisation', () => {
  it('never verifies its own; peers sharing an ACTIVE group may; others neither verify nor see claims', async () => {
    const group = await createGroup(server);
    const claimant = await createOrganisation(server, { kind: 'NGO' });
    const peer = await createOrganisation(server);
    const stranger = await createOrganisation(server);
    await joinGroup(server, claimant, group);
    await joinGroup(server, peer, group);
    const claimed = await disclose(claimant.admin.token, {
      criterionKey: 'mission',
      evidenceUrl: 'https://claimant.example.org/mission',
    });
    const id = claimed.data?.disclose.disclosure.id;

    const own = await server.gql(VERIFY, { input: { disclosureId: id, version: 1 } }, { token: claimant.admin.token });
    expect(own.data?.verifyDisclosure.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const byStranger = await server.gql(
      VERIFY,
      { input: { disclosureId: id, version: 1 } },
      { token: stranger.admin.token },
    );
    expect(byStranger.data?.verifyDisclosure.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const strangerView = await server.gql(
      `query($slug: String!) { organisation(slug: $slug) { disclosures { status } } }`,
      { slug: claimant.slug },
      { token: stranger.admin.token },
    );
    expect(strangerView.data?.organisation.disclosures).toEqual([]);
    const queue = await server.gql(
      `{ disclosureVerificationQueue { edges { node { id } } } }`,
      {},
      { token: peer.admin.token },
    );
    expect(queue.data?.disclosureVerificationQueue.edges).toContainEqual({ node: { id } });
    const strangerQueue = await server.gql(
      `{ disclosureVerificationQueue { edges { node { id } } } }`,
      {},
      { token: stranger.admin.token },
    );
    expect(strangerQueue.data?.disclosureVerificationQueue.edges).not.toContainEqual({ node: { id } });
    const byPeer = await server.gql(VERIFY, { input: { disclosureId: id, version: 1 } }, { token: peer.admin.token });
    expect(byPeer.data?.verifyDisclosure).toEqual({ disclosure: { status: 'VERIFIED' }, userErrors: [] });
    const twice = await server.gql(VERIFY, { input: { disclosureId: id, version: 2 } }, { token: moderator.token });
    expect(twice.data?.verifyDisclosure.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(
      await server.db.query('select decided_by_organisation_id from disclosure where id = $1', [uuidOf(id)]),
    ).toEqual([{ decided_by_organisation_id: uuidOf(peer.id) }]);
  });
});

describe('versions', () => {
  it('shows what changed between versions and keeps earlier scores as computed', async () => {
    const v2 = definition(2);
    v2.sections[0]!.criteria[1] = criterion('board', { weight: 2 });
    v2.sections[1]!.criteria.push(criterion('evaluation'));
    const published = await server.gql(PUBLISH, { input: { definition: v2 } }, { token: platformAdmin.token });
    expect(published.data?.publishStandard.standard).toMatchObject({ version: 2 });
    const changes = await server.gql(
      `{ standardChanges(key: "test-openness", from: 1, to: 2) { key change properties } }`,
    );
    expect(changes.data?.standardChanges).toEqual([
      { key: 'board', change: 'CHANGED', properties: ['weight'] },
      { key: 'evaluation', change: 'ADDED', properties: [] },
    ]);
    const history = await server.gql(
      `query($slug: String!) { organisation(slug: $slug) { complianceHistory(standardKey: "test-openness", version: 1) { score levelKey } } }`,
      { slug: org.slug },
    );
    expect(history.data?.organisation.complianceHistory.slice(0, 2)).toEqual([
      { score: 25, levelKey: null },
      { score: 62.5, levelKey: 'base' },
    ]);
  });
});
