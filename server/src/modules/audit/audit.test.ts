import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createMethods,
  createOrganisation,
  createPractice,
  joinGroup,
  uuidOf,
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

  it("keeps the platform's own entries apart from organisations': platform admins read both, organisations neither", async () => {
    const platformAdmin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
    const org = await createOrganisation(server);
    const group = await createGroup(server, {}, platformAdmin);
    const stored = async (table: string) =>
      (await server.db.query(`select action from ${table} where object_id = $1`, [uuidOf(group.id)])).map(
        (row) => row.action,
      );
    expect(await stored('platform_audit_event')).toEqual(['thematic_group.created']);
    expect(await stored('organisation_audit_event')).toEqual([]);
    const registered = await server.db.query(
      `select organisation_id from organisation_audit_event where action = 'organisation.registered' and object_id = $1`,
      [uuidOf(org.id)],
    );
    expect(registered).toEqual([{ organisation_id: uuidOf(org.id) }]);

    const newest = await server.gql(LOG, {}, { token: platformAdmin.token });
    expect(newest.data?.auditEvents.edges.slice(0, 2).map((e: any) => e.node.action)).toEqual([
      'thematic_group.created',
      'organisation.registered',
    ]);
    const ownLog = await server.gql(LOG, { action: 'thematic_group.created' }, { token: org.admin.token });
    expect(ownLog.data?.auditEvents.totalCount).toBe(0);
  });

  it('cannot be rewritten or erased by the application role, in either table or through the view', async () => {
    await createGroup(server);
    await createOrganisation(server);
    const app = new pg.Client({ connectionString: server.db.appUrl });
    await app.connect();
    try {
      for (const table of ['organisation_audit_event', 'platform_audit_event']) {
        await expect(app.query(`update ${table} set action = 'forged'`)).rejects.toMatchObject({ code: '42501' });
        await expect(app.query(`delete from ${table}`)).rejects.toMatchObject({ code: '42501' });
      }
      await expect(app.query(`update audit_event set action = 'forged'`)).rejects.toThrow(/cannot update view/);
      await expect(app.query(`delete from audit_event`)).rejects.toThrow(/cannot delete from view/);
    } finally {
      await app.end();
    }
    expect(await server.db.query(`select 1 from audit_event where action = 'forged'`)).toEqual([]);
    expect((await server.db.query(`select count(*)::int as n from platform_audit_event`))[0]!.n).toBeGreaterThan(0);
  });
});
