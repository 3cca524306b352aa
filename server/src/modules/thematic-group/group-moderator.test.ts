import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type Person, type TestServer } from '../../test-support/test-server.js';

const ADD = `mutation($input: GroupModeratorInput!) { addGroupModerator(input: $input) { group { moderatorEmails } userErrors { code field } } }`;
const REMOVE = `mutation($input: GroupModeratorInput!) { removeGroupModerator(input: $input) { group { moderatorEmails } userErrors { code field } } }`;
const REQUEST = `mutation($id: ID!) { requestGroupMembership(groupId: $id) { membership { id } } }`;
const APPROVE = `mutation($id: ID!) { approveGroupMembership(membershipId: $id) { membership { status } userErrors { code } } }`;

let server: TestServer;
let platformAdmin: Person;
beforeAll(async () => {
  server = await startTestServer();
  platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
});
afterAll(() => server?.close());

describe('group moderators', () => {
  it('lets a person named by e-mail moderate that group, and only that group', async () => {
    const group = await createGroup(server, { joinPolicy: 'MODERATED' }, platformAdmin);
    const otherGroup = await createGroup(server, { joinPolicy: 'MODERATED' }, platformAdmin);
    const groupModerator = await server.person();
    const added = await server.gql(
      ADD,
      { input: { groupId: group.id, email: groupModerator.user.email.toUpperCase() } },
      { token: platformAdmin.token },
    );
    expect(added.data?.addGroupModerator).toEqual({
      group: { moderatorEmails: [groupModerator.user.email] },
      userErrors: [],
    });

    const applicant = await createOrganisation(server);
    const here = (await server.gql(REQUEST, { id: group.id }, { token: applicant.admin.token })).data
      ?.requestGroupMembership.membership.id;
    const there = (await server.gql(REQUEST, { id: otherGroup.id }, { token: applicant.admin.token })).data
      ?.requestGroupMembership.membership.id;
    expect(
      (await server.gql(APPROVE, { id: there }, { token: groupModerator.token })).data?.approveGroupMembership
        .userErrors,
    ).toEqual([{ code: 'NOT_FOUND' }]);
    expect(
      (await server.gql(APPROVE, { id: here }, { token: groupModerator.token })).data?.approveGroupMembership,
    ).toEqual({
      membership: { status: 'ACTIVE' },
      userErrors: [],
    });

    const removed = await server.gql(
      REMOVE,
      { input: { groupId: group.id, email: groupModerator.user.email } },
      { token: platformAdmin.token },
    );
    expect(removed.data?.removeGroupModerator.group.moderatorEmails).toEqual([]);
  });

  it('hides moderator e-mails from everyone but platform admins', async () => {
    const group = await createGroup(server, {}, platformAdmin);
    await server.gql(
      ADD,
      { input: { groupId: group.id, email: 'hidden@test.otklik.ru' } },
      { token: platformAdmin.token },
    );
    const org = await createOrganisation(server);
    for (const token of [undefined, org.admin.token]) {
      const result = await server.gql(
        `query($slug: String!) { thematicGroup(slug: $slug) { moderatorEmails } }`,
        { slug: group.slug },
        { token },
      );
      expect(result.data?.thematicGroup.moderatorEmails).toEqual([]);
    }
  });

  it('refuses others with FORBIDDEN and bad input with field errors, changing nothing', async () => {
    const group = await createGroup(server, {}, platformAdmin);
    const org = await createOrganisation(server);
    const moderator = await server.person({ realmRoles: ['MODERATOR'] });
    for (const token of [org.admin.token, moderator.token]) {
      const result = await server.gql(ADD, { input: { groupId: group.id, email: 'x@test.otklik.ru' } }, { token });
      expect(result.data?.addGroupModerator.userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    }
    const bad = await server.gql(ADD, { input: { groupId: group.id, email: 'nope' } }, { token: platformAdmin.token });
    expect(bad.data?.addGroupModerator.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'email'] }]);
    const missing = await server.gql(
      REMOVE,
      { input: { groupId: group.id, email: 'absent@test.otklik.ru' } },
      { token: platformAdmin.token },
    );
    expect(missing.data?.removeGroupModerator.userErrors).toEqual([{ code: 'NOT_FOUND', field: null }]);
    expect(await server.db.query('select email from group_moderator')).not.toContainEqual({
      email: 'x@test.otklik.ru',
    });
  });
});
