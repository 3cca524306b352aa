import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createGroup, createOrganisation, uuidOf } from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';

const CREATE = `mutation($input: CreateThematicGroupInput!) {
  createThematicGroup(input: $input) { group { id slug title joinPolicy } userErrors { code field message } }
}`;
const REQUEST = `mutation($id: ID!) { requestGroupMembership(groupId: $id) { membership { id status } userErrors { code field message } } }`;
const APPROVE = `mutation($id: ID!) { approveGroupMembership(membershipId: $id) { membership { id status } userErrors { code message } } }`;
const REJECT = `mutation($input: RejectGroupMembershipInput!) {
  rejectGroupMembership(input: $input) { membership { id status rejectionReason } userErrors { code field message } }
}`;
const LEAVE = `mutation($id: ID!) { leaveGroup(groupId: $id) { membership { status } userErrors { code message } } }`;
const GROUP = `query($slug: String!) { thematicGroup(slug: $slug) {
  activeMemberCount viewerCanModerate viewerMembership { status }
  memberships { totalCount edges { node { status organisation { slug } } } }
} }`;

let server: TestServer;
let moderator: Person;
const groupInput = (slug: string, joinPolicy = 'OPEN') => ({
  slug,
  titleRu: 'Старшее поколение',
  titleEn: 'Older people',
  descriptionRu: 'Практики вовлечения пожилых людей',
  descriptionEn: 'Engaging older people',
  joinPolicy,
});

beforeAll(async () => {
  server = await startTestServer();
  moderator = await server.person({ realmRoles: ['MODERATOR'] });
});
afterAll(() => server?.close());

describe('createThematicGroup', () => {
  it('lets a platform admin create a group, in both languages', async () => {
    const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
    const result = await server.gql(
      CREATE,
      { input: groupInput('older-people') },
      { token: admin.token, locale: 'ru' },
    );
    expect(result.data?.createThematicGroup).toMatchObject({
      group: { slug: 'older-people', title: 'Старшее поколение', joinPolicy: 'OPEN' },
      userErrors: [],
    });
    const en = await server.gql(`{ thematicGroup(slug: "older-people") { title } }`, {}, { locale: 'en' });
    expect(en.data?.thematicGroup.title).toBe('Older people');
  });

  it('refuses everyone else with FORBIDDEN, and bad input with field errors, writing nothing', async () => {
    const org = await createOrganisation(server);
    const before = await server.db.query('select count(*)::int as n from thematic_group');
    const forbidden = await server.gql(CREATE, { input: groupInput('not-allowed') }, { token: org.admin.token });
    expect(forbidden.data?.createThematicGroup.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
    const bad = await server.gql(CREATE, { input: { ...groupInput('BAD SLUG'), titleEn: '' } }, { token: admin.token });
    expect(bad.data?.createThematicGroup.userErrors.map((e: any) => e.field.join('.')).sort()).toEqual([
      'input.slug',
      'input.titleEn',
    ]);
    const group = await createGroup(server, {}, admin);
    const duplicate = await server.gql(CREATE, { input: groupInput(group.slug) }, { token: admin.token });
    expect(duplicate.data?.createThematicGroup.userErrors).toMatchObject([
      { code: 'CONFLICT', field: ['input', 'slug'] },
    ]);
    const after = await server.db.query('select count(*)::int as n from thematic_group');
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });
});

describe('group membership', () => {
  it('joins an OPEN group at once, refuses joining twice, and leaves', async () => {
    const group = await createGroup(server, { joinPolicy: 'OPEN' });
    const org = await createOrganisation(server);
    const joined = await server.gql(REQUEST, { id: group.id }, { token: org.admin.token });
    expect(joined.data?.requestGroupMembership).toMatchObject({ membership: { status: 'ACTIVE' }, userErrors: [] });
    const twice = await server.gql(REQUEST, { id: group.id }, { token: org.admin.token });
    expect(twice.data?.requestGroupMembership.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const view = await server.gql(GROUP, { slug: group.slug }, { token: org.admin.token });
    expect(view.errors).toBeUndefined();
    expect(view.data?.thematicGroup).toMatchObject({ activeMemberCount: 1, viewerMembership: { status: 'ACTIVE' } });
    const left = await server.gql(LEAVE, { id: group.id }, { token: org.admin.token });
    expect(left.data?.leaveGroup).toEqual({ membership: { status: 'LEFT' }, userErrors: [] });
    const again = await server.gql(LEAVE, { id: group.id }, { token: org.admin.token });
    expect(again.data?.leaveGroup.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const rejoin = await server.gql(REQUEST, { id: group.id }, { token: org.admin.token });
    expect(rejoin.data?.requestGroupMembership.membership.status).toBe('ACTIVE');
  });

  it('waits for a moderator in a MODERATED group; only moderators approve or reject, with a reason', async () => {
    const group = await createGroup(server, { joinPolicy: 'MODERATED' });
    const applicant = await createOrganisation(server);
    const requested = await server.gql(REQUEST, { id: group.id }, { token: applicant.admin.token });
    expect(requested.data?.requestGroupMembership.membership.status).toBe('PENDING');
    const membershipId = requested.data?.requestGroupMembership.membership.id;

    const outsider = await createOrganisation(server);
    const byOutsider = await server.gql(APPROVE, { id: membershipId }, { token: outsider.admin.token });
    expect(byOutsider.data?.approveGroupMembership.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const rejectByOutsider = await server.gql(
      REJECT,
      { input: { membershipId, reason: 'Не нравится' } },
      { token: outsider.admin.token },
    );
    expect(rejectByOutsider.data?.rejectGroupMembership.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const bySelf = await server.gql(APPROVE, { id: membershipId }, { token: applicant.admin.token });
    expect(bySelf.data?.approveGroupMembership.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await server.db.query('select status from group_membership where id = $1', [uuidOf(membershipId)])).toEqual([
      { status: 'PENDING' },
    ]);

    const noReason = await server.gql(REJECT, { input: { membershipId, reason: ' ' } }, { token: moderator.token });
    expect(noReason.data?.rejectGroupMembership.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'reason'] },
    ]);
    const approved = await server.gql(APPROVE, { id: membershipId }, { token: moderator.token });
    expect(approved.data?.approveGroupMembership).toEqual({
      membership: { id: membershipId, status: 'ACTIVE' },
      userErrors: [],
    });
    const decidedTwice = await server.gql(
      REJECT,
      { input: { membershipId, reason: 'Поздно' } },
      { token: moderator.token },
    );
    expect(decidedTwice.data?.rejectGroupMembership.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const audit = await server.db.query(
      `select action, organisation_id from audit_event where object_id = $1 order by created_at`,
      [uuidOf(membershipId)],
    );
    expect(audit.map((a) => a.action)).toEqual(['group_membership.requested', 'group_membership.active']);
  });

  it('rejects with a reason the applicant can read', async () => {
    const group = await createGroup(server, { joinPolicy: 'MODERATED' });
    const applicant = await createOrganisation(server);
    const requested = await server.gql(REQUEST, { id: group.id }, { token: applicant.admin.token });
    const membershipId = requested.data?.requestGroupMembership.membership.id;
    const rejected = await server.gql(
      REJECT,
      { input: { membershipId, reason: 'Группа для учреждений' } },
      { token: moderator.token },
    );
    expect(rejected.data?.rejectGroupMembership.membership).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Группа для учреждений',
    });
    const mine = await server.gql(GROUP, { slug: group.slug }, { token: applicant.admin.token });
    expect(mine.data?.thematicGroup.viewerMembership).toEqual({ status: 'REJECTED' });
    const inbox = await server.gql(
      `{ notifications { edges { node { kind text link } } } }`,
      {},
      { token: applicant.admin.token, locale: 'en' },
    );
    expect(inbox.data?.notifications.edges).toEqual([
      {
        node: {
          kind: 'MEMBERSHIP_DECIDED',
          text: `Your organisation's request to join «Group ${group.slug}» was rejected: Группа для учреждений`,
          link: `/groups/${group.slug}`,
        },
      },
    ]);
  });

  it('lets only the ADMIN of the organisation join or leave', async () => {
    const group = await createGroup(server);
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    const result = await server.gql(REQUEST, { id: group.id }, { token: editor.token });
    expect(result.data?.requestGroupMembership.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const unknown = await server.gql(
      REQUEST,
      { id: 'VGhlbWF0aWNHcm91cDowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDA' },
      { token: org.admin.token },
    );
    expect(unknown.data?.requestGroupMembership.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});

describe('conflict of interest', () => {
  it('does not let a moderator decide on their own organisation’s request', async () => {
    const group = await createGroup(server, { joinPolicy: 'MODERATED' });
    const moderatingAdmin = await server.person({ realmRoles: ['MODERATOR'] });
    const own = await createOrganisation(server, {}, moderatingAdmin);
    const requested = await server.gql(REQUEST, { id: group.id }, { token: own.admin.token });
    const membershipId = requested.data?.requestGroupMembership.membership.id;
    const result = await server.gql(APPROVE, { id: membershipId }, { token: moderatingAdmin.token });
    expect(result.data?.approveGroupMembership.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(await server.db.query('select status from group_membership where id = $1', [uuidOf(membershipId)])).toEqual([
      { status: 'PENDING' },
    ]);
  });
});

describe('visibility of pending requests', () => {
  it('shows PENDING requests to the organisation and moderators only, on every path', async () => {
    const group = await createGroup(server, { joinPolicy: 'MODERATED' });
    const applicant = await createOrganisation(server);
    const requested = await server.gql(REQUEST, { id: group.id }, { token: applicant.admin.token });
    const membershipId = requested.data?.requestGroupMembership.membership.id;
    const other = await createOrganisation(server);

    for (const token of [undefined, other.admin.token]) {
      const view = await server.gql(GROUP, { slug: group.slug }, { token });
      expect(view.data?.thematicGroup.memberships).toEqual({ totalCount: 0, edges: [] });
      const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: membershipId }, { token });
      expect(node.data?.node).toBeNull();
      const profile = await server.gql(
        `query($slug: String!) { organisation(slug: $slug) { groupMemberships { totalCount } } }`,
        { slug: applicant.slug },
        { token },
      );
      expect(profile.data?.organisation.groupMemberships.totalCount).toBe(0);
    }

    const asModerator = await server.gql(GROUP, { slug: group.slug }, { token: moderator.token });
    expect(asModerator.data?.thematicGroup).toMatchObject({
      viewerCanModerate: true,
      memberships: { totalCount: 1, edges: [{ node: { status: 'PENDING', organisation: { slug: applicant.slug } } }] },
    });
    const asApplicant = await server.gql(GROUP, { slug: group.slug }, { token: applicant.admin.token });
    expect(asApplicant.data?.thematicGroup.memberships.totalCount).toBe(1);
    expect(asApplicant.data?.thematicGroup.viewerCanModerate).toBe(false);
  });
});
