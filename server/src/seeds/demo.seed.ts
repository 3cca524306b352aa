import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { MemberRole } from '../modules/member/member-role.js';
import { OrganisationKind } from '../modules/organisation/organisation.entity.js';
import { isHttpUrl, isValidInn, isValidOgrn, isValidSlug } from '../modules/organisation/organisation.validators.js';
import { GroupMembershipStatus } from '../modules/thematic-group/group-membership.entity.js';
import { JoinPolicy } from '../modules/thematic-group/thematic-group.entity.js';
import { readSeedFile } from './seed-file.js';
import { loadDevUsers } from './users.seed.js';

const slug = z.string().refine(isValidSlug, 'must be a lower-case kebab-case slug of 3–60 characters');

const groupsFile = z.object({
  groups: z.array(
    z.object({
      slug,
      titleRu: z.string().min(1),
      titleEn: z.string().min(1),
      descriptionRu: z.string().min(1),
      descriptionEn: z.string().min(1),
      joinPolicy: z.enum(JoinPolicy),
    }),
  ),
});

const organisationsFile = z.object({
  organisations: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      kind: z.enum(OrganisationKind),
      region: z.string().min(1),
      website: z.string().refine(isHttpUrl, 'must be an http(s) URL').optional(),
      inn: z.string().refine(isValidInn, 'must be a valid ИНН').optional(),
      ogrn: z.string().refine(isValidOgrn, 'must be a valid ОГРН').optional(),
      description: z.string().optional(),
      members: z.array(z.object({ user: z.string(), role: z.enum(MemberRole) })).default([]),
      groups: z.array(z.object({ group: slug, status: z.enum(GroupMembershipStatus) })).default([]),
    }),
  ),
});

async function setVars(client: pg.Client, vars: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(vars)) {
    await client.query('select set_config($1, $2, true)', [name, value]);
  }
}

/** Inserts the thematic groups (catalogue data, always) and, when `demo`, the demo organisations; idempotent by slug. */
export async function seedDatabase(ownerUrl: string, seedsDir: string, opts: { demo: boolean; logger: Logger }): Promise<void> {
  const { groups } = await readSeedFile(seedsDir, 'groups.yaml', groupsFile);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    // The owner may be subject to FORCE ROW LEVEL SECURITY: act as the platform through the same policies.
    await setVars(client, { 'app.subject': 'seed', 'app.platform_roles': 'PLATFORM_ADMIN' });
    for (const g of groups) {
      await client.query(
        `insert into thematic_group (slug, title_ru, title_en, description_ru, description_en, join_policy)
         values ($1, $2, $3, $4, $5, $6) on conflict (slug) do nothing`,
        [g.slug, g.titleRu, g.titleEn, g.descriptionRu, g.descriptionEn, g.joinPolicy],
      );
    }
    const already = await client.query('select 1 from organisation limit 1');
    if (opts.demo && !already.rowCount) await seedDemoOrganisations(client, seedsDir, opts.logger);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

async function seedDemoOrganisations(client: pg.Client, seedsDir: string, logger: Logger): Promise<void> {
  const { organisations } = await readSeedFile(seedsDir, 'organisations.yaml', organisationsFile);
  const { users, serviceAccounts } = await loadDevUsers(seedsDir);
  const usersByName = new Map(users.map((u) => [u.username, u]));
  const groupIds = new Map(
    (await client.query<{ id: string; slug: string }>('select id, slug from thematic_group')).rows.map((r) => [r.slug, r.id]),
  );
  const organisationIds = new Map<string, string>();
  for (const o of organisations) {
    const { rows } = await client.query<{ id: string }>(
      `insert into organisation (slug, name, kind, region, website, inn, ogrn, description)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [o.slug, o.name, o.kind, o.region, o.website ?? null, o.inn ?? null, o.ogrn ?? null, o.description ?? null],
    );
    const organisationId = rows[0]!.id;
    organisationIds.set(o.slug, organisationId);
    await setVars(client, { 'app.organisation_id': organisationId });
    for (const m of o.members) {
      const user = usersByName.get(m.user);
      if (!user) throw new Error(`organisations.yaml: ${o.slug} names unknown user ${m.user} (see users.yaml)`);
      await client.query(
        'insert into member (organisation_id, subject, display_name, email, role) values ($1, $2, $3, $4, $5)',
        [organisationId, user.id, user.name, user.email, m.role],
      );
    }
    for (const g of o.groups) {
      const groupId = groupIds.get(g.group);
      if (!groupId) throw new Error(`organisations.yaml: ${o.slug} names unknown group ${g.group} (see groups.yaml)`);
      await client.query(
        `insert into group_membership (organisation_id, group_id, status, decided_at)
         values ($1, $2, $3, case when $3 = 'PENDING' then null else now() end)`,
        [organisationId, groupId, g.status],
      );
    }
  }
  for (const account of serviceAccounts) {
    const organisationId = organisationIds.get(account.organisation);
    if (!organisationId) throw new Error(`users.yaml: service account ${account.clientId} names unknown organisation ${account.organisation}`);
    await setVars(client, { 'app.organisation_id': organisationId });
    await client.query('insert into service_account (client_id, organisation_id, role) values ($1, $2, $3)', [
      account.clientId,
      organisationId,
      account.role,
    ]);
  }
  logger.info({ organisations: organisations.length, users: users.length }, 'demo data loaded');
}
