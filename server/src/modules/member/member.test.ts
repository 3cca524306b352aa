import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganisation, uuidOf } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { invitation { id email role status } userErrors { code field message } }
}`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) { member { id role } userErrors { code field message } }
}`;
const REMOVE = `mutation($id: ID!) { removeMember(memberId: $id) { member { id } userErrors { code message } } }`;
const MEMBERS = `query($slug: String!) { organisation(slug: $slug) {
  members { totalCount edges { node { id role displayName email isViewer } } }
  invitations { email status }
} }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function memberIdOf(slug: string, token: string, subjectName: string): Promise<string> {
  const result = await server.gql(MEMBERS, { slug }, { token });
  const edge = result.data?.organisation.members.edges.find((e: any) => e.node.displayName === subjectName);
  return edge.node.id;
}

describe('invitations', () => {
  it('turns an invitation into membership when the person signs in with the verified e-mail', async () => {
    const org = await createOrganisation(server);
    const invitee = await server.person();
    const invited = await server.gql(
      INVITE,
      { input: { email: invitee.user.email.toUpperCase(), role: 'EDITOR' } },
      { token: org.admin.token },
    );
    expect(invited.data?.inviteMember).toMatchObject({
      invitation: { email: invitee.user.email, role: 'EDITOR', status: 'PENDING' },
      userErrors: [],
    });
    const me = await server.gql(
      `{ me { activeRole memberships { role organisation { slug } } } }`,
      {},
      { token: invitee.token },
    );
    expect(me.data?.me).toEqual({
      activeRole: 'EDITOR',
      memberships: [{ role: 'EDITOR', organisation: { slug: org.slug } }],
    });
    const listing = await server.gql(MEMBERS, { slug: org.slug }, { token: org.admin.token });
    expect(listing.data?.organisation.members.totalCount).toBe(2);
    expect(listing.data?.organisation.invitations).toEqual([{ email: invitee.user.email, status: 'ACCEPTED' }]);
  });

  it('accepts an invitation once under concurrent first requests, and never a revoked one', async () => {
    const org = await createOrganisation(server);
    const invitee = await server.person();
    await server.gql(INVITE, { input: { email: invitee.user.email, role: 'VIEWER' } }, { token: org.admin.token });
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => server.gql(`{ me { memberships { role } } }`, {}, { token: invitee.token })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const members = await server.db.query('select role from member where subject = $1', [invitee.user.id]);
    expect(members).toEqual([{ role: 'VIEWER' }]);
    const audits = await server.db.query(
      `select 1 from audit_event where action = 'invitation.accepted' and actor_subject = $1`,
      [invitee.user.id],
    );
    expect(audits).toHaveLength(1);

    const revoked = await server.person();
    const invited = await server.gql(
      INVITE,
      { input: { email: revoked.user.email, role: 'EDITOR' } },
      { token: org.admin.token },
    );
    await server.gql(
      `mutation($id: ID!) { revokeInvitation(id: $id) { userErrors { code } } }`,
      { id: invited.data?.inviteMember.invitation.id },
      { token: org.admin.token },
    );
    const me = await server.gql(`{ me { memberships { role } } }`, {}, { token: revoked.token });
    expect(me.data?.me.memberships).toEqual([]);
  });

  it('does not accept an invitation for an unverified e-mail', async () => {
    const org = await createOrganisation(server);
    const invitee = await server.person({ emailVerified: false });
    await server.gql(INVITE, { input: { email: invitee.user.email, role: 'VIEWER' } }, { token: org.admin.token });
    const me = await server.gql(`{ me { memberships { role } } }`, {}, { token: invitee.token });
    expect(me.data?.me.memberships).toEqual([]);
  });

  it('refuses a malformed e-mail, a duplicate invitation and an existing member', async () => {
    const org = await createOrganisation(server);
    const bad = await server.gql(
      INVITE,
      { input: { email: 'not-an-email', role: 'VIEWER' } },
      { token: org.admin.token },
    );
    expect(bad.data?.inviteMember.userErrors).toMatchObject([{ code: 'BAD_USER_INPUT', field: ['input', 'email'] }]);
    await server.gql(INVITE, { input: { email: 'twice@test.otklik.ru', role: 'VIEWER' } }, { token: org.admin.token });
    const twice = await server.gql(
      INVITE,
      { input: { email: 'twice@test.otklik.ru', role: 'EDITOR' } },
      { token: org.admin.token },
    );
    expect(twice.data?.inviteMember.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const self = await server.gql(
      INVITE,
      { input: { email: org.admin.user.email, role: 'VIEWER' } },
      { token: org.admin.token },
    );
    expect(self.data?.inviteMember.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const rows = await server.db.query(
      `select email from invitation where organisation_id is not null and email like 'twice@%'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('lets only ADMINs invite and see invitations', async () => {
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    const result = await server.gql(
      INVITE,
      { input: { email: 'x@test.otklik.ru', role: 'ADMIN' } },
      { token: editor.token },
    );
    expect(result.data?.inviteMember.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const listing = await server.gql(MEMBERS, { slug: org.slug }, { token: editor.token });
    expect(listing.data?.organisation.invitations).toEqual([]);
    expect(listing.data?.organisation.members.totalCount).toBe(2);
  });

  it('revokes a pending invitation, once', async () => {
    const org = await createOrganisation(server);
    const invited = await server.gql(
      INVITE,
      { input: { email: 'revoke@test.otklik.ru', role: 'VIEWER' } },
      { token: org.admin.token },
    );
    const id = invited.data?.inviteMember.invitation.id;
    const revoke = `mutation($id: ID!) { revokeInvitation(id: $id) { invitation { status } userErrors { code } } }`;
    expect((await server.gql(revoke, { id }, { token: org.admin.token })).data?.revokeInvitation).toEqual({
      invitation: { status: 'REVOKED' },
      userErrors: [],
    });
    expect((await server.gql(revoke, { id }, { token: org.admin.token })).data?.revokeInvitation.userErrors).toEqual([
      { code: 'CONFLICT' },
    ]);
  });
});

describe('roles and leaving', () => {
  it('changes a role, and never demotes or removes the last ADMIN', async () => {
    const org = await createOrganisation(server);
    const viewer = await addMember(server, org, 'VIEWER');
    const viewerId = await memberIdOf(org.slug, org.admin.token, viewer.user.name);
    const adminId = await memberIdOf(org.slug, org.admin.token, org.admin.user.name);
    const promoted = await server.gql(
      CHANGE_ROLE,
      { input: { memberId: viewerId, role: 'REVIEWER' } },
      { token: org.admin.token },
    );
    expect(promoted.data?.changeMemberRole).toEqual({ member: { id: viewerId, role: 'REVIEWER' }, userErrors: [] });

    const demote = await server.gql(
      CHANGE_ROLE,
      { input: { memberId: adminId, role: 'EDITOR' } },
      { token: org.admin.token },
    );
    expect(demote.data?.changeMemberRole.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const leave = await server.gql(REMOVE, { id: adminId }, { token: org.admin.token });
    expect(leave.data?.removeMember.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    expect(await server.db.query(`select role from member where id = $1`, [uuidOf(adminId)])).toEqual([
      { role: 'ADMIN' },
    ]);

    const viewerLeaves = await server.gql(REMOVE, { id: viewerId }, { token: viewer.token });
    expect(viewerLeaves.data?.removeMember.userErrors).toEqual([]);
    expect(await server.db.query(`select 1 from member where id = $1`, [uuidOf(viewerId)])).toEqual([]);
  });

  it('refuses a malformed member id with BAD_USER_INPUT', async () => {
    const org = await createOrganisation(server);
    const result = await server.gql(
      CHANGE_ROLE,
      { input: { memberId: 'garbage', role: 'VIEWER' } },
      { token: org.admin.token },
    );
    expect(result.data?.changeMemberRole.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'memberId'] },
    ]);
  });
});

describe('another organisation', () => {
  it('cannot see, change or remove members of a victim organisation', async () => {
    const victim = await createOrganisation(server);
    const victimEditor = await addMember(server, victim, 'EDITOR');
    const attacker = await createOrganisation(server);
    const editorId = await memberIdOf(victim.slug, victim.admin.token, victimEditor.user.name);

    const listing = await server.gql(MEMBERS, { slug: victim.slug }, { token: attacker.admin.token });
    expect(listing.data?.organisation.members).toEqual({ totalCount: 0, edges: [] });
    expect(listing.data?.organisation.invitations).toEqual([]);
    const anonymous = await server.gql(MEMBERS, { slug: victim.slug });
    expect(anonymous.data?.organisation.members.totalCount).toBe(0);
    const viaNode = await server.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: editorId },
      { token: attacker.admin.token },
    );
    expect(viaNode.data?.node).toBeNull();

    const change = await server.gql(
      CHANGE_ROLE,
      { input: { memberId: editorId, role: 'VIEWER' } },
      { token: attacker.admin.token },
    );
    expect(change.data?.changeMemberRole.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const remove = await server.gql(REMOVE, { id: editorId }, { token: attacker.admin.token });
    expect(remove.data?.removeMember.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(await server.db.query(`select role from member where id = $1`, [uuidOf(editorId)])).toEqual([
      { role: 'EDITOR' },
    ]);
  });

  it("cannot revoke a victim's invitation, nor invite into the victim by naming it in the header", async () => {
    const victim = await createOrganisation(server);
    const attacker = await createOrganisation(server);
    const invited = await server.gql(
      INVITE,
      { input: { email: 'victim-invitee@test.otklik.ru', role: 'EDITOR' } },
      { token: victim.admin.token },
    );
    const invitationId = invited.data?.inviteMember.invitation.id;
    const revoke = await server.gql(
      `mutation($id: ID!) { revokeInvitation(id: $id) { invitation { status } userErrors { code } } }`,
      { id: invitationId },
      { token: attacker.admin.token },
    );
    expect(revoke.data?.revokeInvitation).toEqual({ invitation: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const viaHeader = await server.gql(
      INVITE,
      { input: { email: 'spy@test.otklik.ru', role: 'ADMIN' } },
      {
        token: attacker.admin.token,
        organisation: victim.id,
      },
    );
    expect(viaHeader.status).toBe(403);
    expect(
      await server.db.query(`select email, status from invitation where organisation_id = $1`, [uuidOf(victim.id)]),
    ).toEqual([{ email: 'victim-invitee@test.otklik.ru', status: 'PENDING' }]);
  });
});
