import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
} from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const LOG = `query($action: String) { auditEvents(first: 50, action: $action) { totalCount edges { node { action objectType actorName summary } } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await createMethods(server, ['survey']);
});
afterAll(() => server?.close());

describe('activity log', () => {
  it("records every mutation; an organisation's ADMINs read their own, never another's", async () => {
    const group = await createGroup(server);
    const org = await createOrganisation(server);
    const other = await createOrganisation(server);
    await joinGroup(server, org, group);
    await createPractice(server, org, group);
    const log = await server.gql(LOG, {}, { token: org.admin.token });
    expect(log.data?.auditEvents.edges.map((e: any) => e.node.action)).toEqual([
      'practice.published',
      'practice.created',
      'group_membership.requested',
      'organisation.registered',
    ]);
    expect(log.data?.auditEvents.edges[0].node.actorName).toBe(org.admin.user.name);
    const registered = await server.gql(
      `{ auditEvents(action: "organisation.registered") { edges { node { objectId } } } }`,
      {},
      { token: org.admin.token },
    );
    expect(registered.data?.auditEvents.edges[0].node.objectId).toBe(org.id);
    const filtered = await server.gql(LOG, { action: 'practice.created' }, { token: org.admin.token });
    expect(filtered.data?.auditEvents.totalCount).toBe(1);
    const others = await server.gql(LOG, {}, { token: other.admin.token });
    expect(others.data?.auditEvents.edges.map((e: any) => e.node.action)).toEqual(['organisation.registered']);
  });

  it('is refused to non-admins and anonymous callers; platform admins read everything', async () => {
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    expect((await server.gql(LOG, {}, { token: editor.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(LOG, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
    const all = await server.gql(LOG, { action: 'organisation.registered' }, { token: platformAdmin.token });
    expect(all.data?.auditEvents.totalCount).toBe(3);
  });
});
