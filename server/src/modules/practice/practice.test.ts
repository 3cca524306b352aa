import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  practiceContent,
  PRACTICE_FIELDS,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { practice { ${PRACTICE_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { practice { ${PRACTICE_FIELDS} } userErrors { code field message } } }`;
const PUBLISH = `mutation($input: PracticeVersionInput!) { publishPractice(input: $input) { practice { ${PRACTICE_FIELDS} } userErrors { code field message } } }`;
const ARCHIVE = `mutation($input: PracticeVersionInput!) { archivePractice(input: $input) { practice { ${PRACTICE_FIELDS} } userErrors { code field message } } }`;
const GET = `query($id: ID!) { practice(id: $id) { ${PRACTICE_FIELDS} } node(id: $id) { id } }`;

let server: TestServer;
let group: GroupFixture;
let owner: OrganisationFixture;

const practiceRow = (id: string) =>
  server.db.query('select status, version, revision_number, title, content from practice where id = $1', [uuidOf(id)]);

beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey', 'interview', 'focus-group']);
  group = await createGroup(server);
  owner = await createOrganisation(server, { kind: 'STATE_INSTITUTION', region: 'Москва' });
  await joinGroup(server, owner, group);
});
afterAll(() => server?.close());

describe('lifecycle', () => {
  it('creates a draft, refuses to publish it incomplete (changing nothing), then publishes revision 1', async () => {
    const created = await server.gql(
      CREATE,
      { input: { groupId: group.id, content: { title: 'Черновик практики' } } },
      { token: owner.admin.token },
    );
    const practice = created.data?.createPractice.practice;
    expect(practice).toMatchObject({
      status: 'DRAFT',
      version: 1,
      revisionNumber: 0,
      viewerCanEdit: true,
      group: { slug: group.slug },
    });

    const refused = await server.gql(
      PUBLISH,
      { input: { practiceId: practice.id, version: 1 } },
      { token: owner.admin.token },
    );
    const fields = refused.data?.publishPractice.userErrors.map((e: any) => e.field.slice(2).join('.'));
    expect(fields).toEqual(
      expect.arrayContaining([
        'summary',
        'problem',
        'beneficiarySegment.description',
        'participationLevel',
        'methodKeys',
        'loopClosure.returnedWhat',
        'indicators',
      ]),
    );
    expect((await practiceRow(practice.id))[0]).toMatchObject({ status: 'DRAFT', version: 1, revision_number: 0 });

    const filled = await server.gql(
      UPDATE,
      { input: { practiceId: practice.id, version: 1, content: practiceContent({ title: 'Черновик практики' }) } },
      { token: owner.admin.token },
    );
    expect(filled.data?.updatePractice.practice).toMatchObject({ version: 2, revisionNumber: 0, status: 'DRAFT' });
    const published = await server.gql(
      PUBLISH,
      { input: { practiceId: practice.id, version: 2 } },
      { token: owner.admin.token },
    );
    expect(published.data?.publishPractice.practice).toMatchObject({
      status: 'PUBLISHED',
      revisionNumber: 1,
      participationLevel: 'GOVERNANCE_PARTICIPATION',
      loopClosed: true,
      methods: [{ key: 'survey' }],
      tags: ['совет', 'родители'],
    });
  });

  it('makes every edit of a published practice a new immutable revision, with a field diff', async () => {
    const practice = await createPractice(server, owner, group);
    const edited = await server.gql(
      UPDATE,
      {
        input: {
          practiceId: practice.id,
          version: practice.version,
          content: { summary: 'Новая формулировка', methodKeys: ['survey', 'interview'] },
        },
      },
      { token: owner.admin.token },
    );
    expect(edited.data?.updatePractice.practice).toMatchObject({ revisionNumber: 2, summary: 'Новая формулировка' });
    const history = await server.gql(
      `query($id: ID!) { practice(id: $id) {
        revisions { number content { summary methodKeys } }
        revisionDiff(from: 1, to: 2) { field before after }
      } }`,
      { id: practice.id },
    );
    expect(history.data?.practice.revisions).toEqual([
      { number: 2, content: { summary: 'Новая формулировка', methodKeys: ['survey', 'interview'] } },
      { number: 1, content: { summary: practiceContent().summary, methodKeys: ['survey'] } },
    ]);
    expect(history.data?.practice.revisionDiff).toEqual([
      { field: 'summary', before: practiceContent().summary, after: 'Новая формулировка' },
      { field: 'methodKeys', before: 'survey', after: 'survey\ninterview' },
    ]);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const practice = await createPractice(server, owner, group);
    const first = await server.gql(
      UPDATE,
      { input: { practiceId: practice.id, version: practice.version, content: { title: 'Правка А' } } },
      { token: owner.admin.token },
    );
    expect(first.data?.updatePractice.userErrors).toEqual([]);
    const stale = await server.gql(
      UPDATE,
      { input: { practiceId: practice.id, version: practice.version, content: { title: 'Правка Б' } } },
      { token: owner.admin.token },
    );
    expect(stale.data?.updatePractice.userErrors).toMatchObject([{ code: 'CONFLICT', field: ['input', 'version'] }]);
    expect((await practiceRow(practice.id))[0]).toMatchObject({ title: 'Правка А', revision_number: 2 });
  });

  it('lets exactly one of several concurrent edits of the same version win', async () => {
    const practice = await createPractice(server, owner, group);
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        server.gql(
          UPDATE,
          {
            input: {
              practiceId: practice.id,
              version: practice.version,
              content: { title: `Параллельная правка ${n}` },
            },
          },
          { token: owner.admin.token },
        ),
      ),
    );
    const codes = results.map((r) => r.data?.updatePractice.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(4);
    expect((await practiceRow(practice.id))[0]).toMatchObject({ revision_number: 2 });
  });

  it('archives and publishes again without a new revision', async () => {
    const practice = await createPractice(server, owner, group);
    const archived = await server.gql(
      ARCHIVE,
      { input: { practiceId: practice.id, version: practice.version } },
      { token: owner.admin.token },
    );
    expect(archived.data?.archivePractice.practice).toMatchObject({ status: 'ARCHIVED', revisionNumber: 1 });
    const list = await server.gql(`{ practices(filter: { status: ARCHIVED }) { edges { node { id } } } }`);
    expect(list.data?.practices.edges).toContainEqual({ node: { id: practice.id } });
    const again = await server.gql(
      PUBLISH,
      { input: { practiceId: practice.id, version: archived.data?.archivePractice.practice.version } },
      { token: owner.admin.token },
    );
    expect(again.data?.publishPractice.practice).toMatchObject({ status: 'PUBLISHED', revisionNumber: 1 });
    const twice = await server.gql(
      PUBLISH,
      { input: { practiceId: practice.id, version: again.data?.publishPractice.practice.version } },
      { token: owner.admin.token },
    );
    expect(twice.data?.publishPractice.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
  });
});

describe('bad input changes nothing', () => {
  it('refuses non-http evidence links, oversize texts, negative counts and unknown methods, each at its field', async () => {
    const before = await server.db.query('select count(*)::int as n from practice');
    const result = await server.gql(
      CREATE,
      {
        input: {
          groupId: group.id,
          content: practiceContent({
            title: 'Т'.repeat(201),
            evidenceLinks: [
              { title: 'XSS', url: 'javascript:alert(1)' },
              { title: 'Файл', url: 'file:///etc/passwd' },
            ],
            beneficiarySegment: { description: 'Семьи', size: -1 },
            methodKeys: ['survey', 'no-such-method'],
          }),
        },
      },
      { token: owner.admin.token },
    );
    expect(result.data?.createPractice.userErrors.map((e: any) => e.field.slice(2).join('.')).sort()).toEqual(
      ['beneficiarySegment.size', 'evidenceLinks.0.url', 'evidenceLinks.1.url', 'methodKeys', 'title'].sort(),
    );
    expect(await server.db.query('select count(*)::int as n from practice')).toEqual(before);
  });

  it('refuses an indicator value that is not a number as a typed input error', async () => {
    const result = await server.gql(
      CREATE,
      {
        input: {
          groupId: group.id,
          content: practiceContent({ indicators: [{ tier: 'OUTPUT', name: 'Охват', unit: 'чел.', value: 'много' }] }),
        },
      },
      { token: owner.admin.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a group the organisation is not an ACTIVE member of, and REVIEWERs', async () => {
    const otherGroup = await createGroup(server);
    const outside = await server.gql(
      CREATE,
      { input: { groupId: otherGroup.id, content: practiceContent() } },
      { token: owner.admin.token },
    );
    expect(outside.data?.createPractice.userErrors).toMatchObject([{ code: 'FORBIDDEN', field: ['input', 'groupId'] }]);
    const reviewer = await addMember(server, owner, 'REVIEWER');
    const byReviewer = await server.gql(
      CREATE,
      { input: { groupId: group.id, content: practiceContent() } },
      { token: reviewer.token },
    );
    expect(byReviewer.data?.createPractice.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  it('refuses to publish once the organisation has left the group', async () => {
    const org = await createOrganisation(server);
    const leaving = await createGroup(server);
    await joinGroup(server, org, leaving);
    const draft = await createPractice(server, org, leaving, { draft: true });
    await server.gql(
      `mutation($id: ID!) { leaveGroup(groupId: $id) { userErrors { code } } }`,
      { id: leaving.id },
      { token: org.admin.token },
    );
    const result = await server.gql(
      PUBLISH,
      { input: { practiceId: draft.id, version: draft.version } },
      { token: org.admin.token },
    );
    expect(result.data?.publishPractice.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect((await practiceRow(draft.id))[0]).toMatchObject({ status: 'DRAFT' });
  });
});

describe('another organisation', () => {
  it('never sees a draft: not by id, node, lists, counts, search or nested fields', async () => {
    const draft = await createPractice(server, owner, group, {
      draft: true,
      content: { title: 'Секретный черновик про ремесленные мастерские' },
    });
    const other = await createOrganisation(server);
    const ownView = await server.gql(GET, { id: draft.id }, { token: owner.admin.token });
    expect(ownView.data?.practice.status).toBe('DRAFT');
    for (const token of [undefined, other.admin.token]) {
      const byId = await server.gql(GET, { id: draft.id }, { token });
      expect(byId.data).toEqual({ practice: null, node: null });
      const lists = await server.gql(
        `query($org: ID!) {
          all: practices(filter: { organisationId: $org }) { totalCount }
          drafts: practices(filter: { status: DRAFT, organisationId: $org }) { totalCount }
          found: practices(search: "ремесленные мастерские") { totalCount }
        }`,
        { org: owner.id },
        { token },
      );
      expect(lists.data).toEqual({
        all: { totalCount: lists.data?.all.totalCount },
        drafts: { totalCount: 0 },
        found: { totalCount: 0 },
      });
      const nested = await server.gql(
        `query($slug: String!) { organisation(slug: $slug) { practices(status: DRAFT) { totalCount } } }`,
        { slug: owner.slug },
        { token },
      );
      expect(nested.data?.organisation.practices.totalCount).toBe(0);
    }
    const ownDrafts = await server.gql(
      `query($org: ID!) { practices(filter: { status: DRAFT, organisationId: $org }) { totalCount } }`,
      { org: owner.id },
      { token: owner.admin.token },
    );
    expect(ownDrafts.data?.practices.totalCount).toBeGreaterThan(0);
  });

  it('cannot edit, publish or archive another organisation’s practice, and nothing changes', async () => {
    const published = await createPractice(server, owner, group);
    const draft = await createPractice(server, owner, group, { draft: true });
    const attacker = await createOrganisation(server);
    await joinGroup(server, attacker, group);
    const before = await Promise.all([practiceRow(published.id), practiceRow(draft.id)]);
    const tries = [
      [
        UPDATE,
        { practiceId: published.id, version: published.version, content: { title: 'Захвачено' } },
        'updatePractice',
        'FORBIDDEN',
      ],
      [ARCHIVE, { practiceId: published.id, version: published.version }, 'archivePractice', 'FORBIDDEN'],
      [
        UPDATE,
        { practiceId: draft.id, version: draft.version, content: { title: 'Захвачено' } },
        'updatePractice',
        'NOT_FOUND',
      ],
      [PUBLISH, { practiceId: draft.id, version: draft.version }, 'publishPractice', 'NOT_FOUND'],
    ] as const;
    for (const [mutation, input, name, code] of tries) {
      const result = await server.gql(mutation, { input }, { token: attacker.admin.token });
      expect(result.data?.[name].userErrors).toMatchObject([{ code }]);
    }
    expect(await Promise.all([practiceRow(published.id), practiceRow(draft.id)])).toEqual(before);
  });
});
