import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createGroup,
  createOrganisation,
  uuidOf,
  type GroupFixture,
  type OrganisationFixture,
} from '../../test-support/factories.js';
import { Member } from '../../modules/member/member.entity.js';
import type { Person } from '../../test-support/test-server.js';
import { applySessionVariables } from './session.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let victim: OrganisationFixture;
let attacker: OrganisationFixture;
let app: pg.Pool;
let moderatedGroup: GroupFixture;
let victimViewer: Person;

/** Runs statements in one transaction as the application's role with the given RLS variables. */
async function asApp<T>(vars: Record<string, string>, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await app.connect();
  try {
    await client.query('begin');
    for (const [name, value] of Object.entries(vars))
      await client.query('select set_config($1, $2, true)', [name, value]);
    return await fn(client);
  } finally {
    await client.query('rollback');
    client.release();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  victim = await createOrganisation(server);
  attacker = await createOrganisation(server);
  const group = await createGroup(server, { joinPolicy: 'MODERATED' });
  moderatedGroup = group;
  victimViewer = await addMember(server, victim, 'VIEWER');
  await server.gql(
    `mutation($id: ID!) { requestGroupMembership(groupId: $id) { userErrors { code } } }`,
    { id: group.id },
    {
      token: victim.admin.token,
    },
  );
  await server.gql(
    `mutation { inviteMember(input: { email: "secret@test.otklik.ru", role: EDITOR }) { userErrors { code } } }`,
    {},
    {
      token: victim.admin.token,
    },
  );
  app = new pg.Pool({ connectionString: server.db.appUrl, max: 2 });
});
afterAll(async () => {
  await app?.end();
  await server?.close();
});

describe('row-level security (the backstop under the resolvers)', () => {
  it('runs the API as a role that is neither superuser, owner nor BYPASSRLS', async () => {
    const [role] = await asApp(
      {},
      async (c) => (await c.query(`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`)).rows,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await asApp(
      {},
      async (c) =>
        (await c.query(`select tablename from pg_tables where schemaname = 'public' and tableowner = current_user`))
          .rows,
    );
    expect(owned).toEqual([]);
    const unforced = await server.db.query(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
         and relname not in ('mikro_orm_migrations', 'seed_run') and not (relrowsecurity and relforcerowsecurity)`,
    );
    expect(unforced).toEqual([]);
  });

  it("hides another organisation's members, invitations, pending requests and audit events from raw SQL", async () => {
    const victimId = uuidOf(victim.id);
    const counts = async (vars: Record<string, string>) =>
      asApp(vars, async (c) => {
        const one = async (sql: string) => Number((await c.query(sql, [victimId])).rows[0].n);
        return {
          members: await one('select count(*) n from member where organisation_id = $1'),
          invitations: await one('select count(*) n from invitation where organisation_id = $1'),
          pending: await one(
            `select count(*) n from group_membership where organisation_id = $1 and status = 'PENDING'`,
          ),
          audit: await one('select count(*) n from audit_event where organisation_id = $1'),
        };
      });
    expect(await counts({ 'app.organisation_id': victimId })).toMatchObject({ members: 2, invitations: 2, pending: 1 });
    const nothing = { members: 0, invitations: 0, pending: 0, audit: 0 };
    expect(await counts({})).toEqual(nothing);
    expect(await counts({ 'app.organisation_id': uuidOf(attacker.id), 'app.subject': attacker.admin.user.id })).toEqual(
      nothing,
    );
  });

  it("hides another organisation's rows from the ORM's QueryBuilder and find, as from raw SQL", async () => {
    const victimId = uuidOf(victim.id);
    const membersAs = async (organisationId: string | null) => {
      const em = server.orm.em.fork();
      applySessionVariables(em, { organisationId });
      const built = await em.createQueryBuilder(Member).where({ organisationId: victimId }).getResultList();
      const found = await em.fork().find(Member, { organisationId: victimId });
      return [built.length, found.length];
    };
    expect(await membersAs(victimId)).toEqual([2, 2]);
    expect(await membersAs(uuidOf(attacker.id))).toEqual([0, 0]);
    expect(await membersAs(null)).toEqual([0, 0]);
  });

  it("refuses writes into another organisation's rows even when the SQL names them", async () => {
    const vars = { 'app.organisation_id': uuidOf(attacker.id), 'app.subject': attacker.admin.user.id };
    const updated = await asApp(
      vars,
      async (c) =>
        (await c.query(`update organisation set name = 'hijacked' where id = $1`, [uuidOf(victim.id)])).rowCount,
    );
    expect(updated).toBe(0);
    await expect(
      asApp(vars, (c) =>
        c.query(
          `insert into member (organisation_id, subject, display_name, role) values ($1, 'intruder', 'Intruder', 'ADMIN')`,
          [uuidOf(victim.id)],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps the tenant per transaction: alternating tenants on pooled connections never leak', async () => {
    const single = new pg.Pool({ connectionString: server.db.appUrl, max: 1 });
    try {
      for (let i = 0; i < 6; i += 1) {
        const org = i % 2 === 0 ? victim : attacker;
        const client = await single.connect();
        await client.query('begin');
        await client.query(`select set_config('app.organisation_id', $1, true)`, [uuidOf(org.id)]);
        const seen = (await client.query('select distinct organisation_id from member')).rows.map(
          (r) => r.organisation_id,
        );
        await client.query('commit');
        const after = (await client.query('select count(*)::int n from member')).rows[0].n;
        client.release();
        expect(seen).toEqual([uuidOf(org.id)]);
        expect(after).toBe(0);
      }
    } finally {
      await single.end();
    }
  });

  it('knows roles and states: what a resolver bug would let through is still refused', async () => {
    const org = uuidOf(victim.id);
    const viewerVars = {
      'app.organisation_id': org,
      'app.subject': victimViewer.user.id,
      'app.email': victimViewer.user.email,
    };
    const adminVars = {
      'app.organisation_id': org,
      'app.subject': victim.admin.user.id,
      'app.email': victim.admin.user.email,
    };
    const refused = /row-level security/;
    // A VIEWER can neither invite, rename the organisation, nor write practices.
    await expect(
      asApp(viewerVars, (c) =>
        c.query(
          `insert into invitation (organisation_id, email, role, invited_by) values ($1, 'x@test.otklik.ru', 'ADMIN', 'v')`,
          [org],
        ),
      ),
    ).rejects.toThrow(refused);
    expect(
      await asApp(
        viewerVars,
        async (c) => (await c.query(`update organisation set name = 'x' where id = $1`, [org])).rowCount,
      ),
    ).toBe(0);
    await expect(
      asApp(viewerVars, (c) =>
        c.query(`insert into practice (organisation_id, group_id, title, created_by) values ($1, $2, 'x', 'v')`, [
          org,
          uuidOf(moderatedGroup.id),
        ]),
      ),
    ).rejects.toThrow(refused);
    // Even an ADMIN cannot add a member without an invitation, nor approve its own request.
    await expect(
      asApp(adminVars, (c) =>
        c.query(
          `insert into member (organisation_id, subject, display_name, role) values ($1, 'someone', 'S', 'ADMIN')`,
          [org],
        ),
      ),
    ).rejects.toThrow(refused);
    await expect(
      asApp(adminVars, (c) =>
        c.query(`update group_membership set status = 'ACTIVE' where organisation_id = $1 and status = 'PENDING'`, [
          org,
        ]),
      ),
    ).rejects.toThrow(refused);
    await expect(
      asApp(adminVars, (c) =>
        c.query(`insert into group_membership (organisation_id, group_id, status) values ($1, $2, 'ACTIVE')`, [
          org,
          uuidOf(moderatedGroup.id),
        ]),
      ),
    ).rejects.toThrow(refused);
  });

  it("shows group moderators' e-mails only to platform admins and to the moderator", async () => {
    await server.db.query(
      `insert into group_moderator (group_id, email, added_by) values ($1, 'mod@test.otklik.ru', 'seed')`,
      [uuidOf(moderatedGroup.id)],
    );
    const read = (vars: Record<string, string>) =>
      asApp(vars, async (c) => (await c.query('select email from group_moderator')).rows);
    expect(await read({})).toEqual([]);
    expect(await read({ 'app.email': 'mod@test.otklik.ru' })).toEqual([{ email: 'mod@test.otklik.ru' }]);
    expect(await read({ 'app.platform_roles': 'PLATFORM_ADMIN' })).toEqual([{ email: 'mod@test.otklik.ru' }]);
  });
});
