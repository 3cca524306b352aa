import type pg from 'pg';
import { z } from 'zod';
import { MemberRole } from '../modules/member/member-role.js';
import { OrganisationKind } from '../modules/organisation/organisation.entity.js';
import { isValidInn, isValidOgrn } from '../modules/organisation/organisation.validators.js';
import { isHttpUrl } from '../common/validation.js';
import { GroupMembershipStatus } from '../modules/thematic-group/group-membership.entity.js';
import { slug } from './catalogue.seed.js';
import { idsBy, setVars } from './seed-client.js';
import { readSeedFile } from './seed-file.js';
import { loadDevUsers } from './users.seed.js';

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

/** Demo organisations with their members (demo users), group memberships and service accounts. */
export async function seedDemoOrganisations(client: pg.Client, seedsDir: string): Promise<number> {
  const { organisations } = await readSeedFile(seedsDir, 'organisations.yaml', organisationsFile);
  const { users, serviceAccounts } = await loadDevUsers(seedsDir);
  const usersByName = new Map(users.map((u) => [u.username, u]));
  const groupIds = await idsBy(client, 'thematic_group', 'slug');
  for (const o of organisations) {
    const { rows } = await client.query<{ id: string }>(
      `insert into organisation (slug, name, kind, region, website, inn, ogrn, description)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [o.slug, o.name, o.kind, o.region, o.website ?? null, o.inn ?? null, o.ogrn ?? null, o.description ?? null],
    );
    const organisationId = rows[0]!.id;
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
  const organisationIds = await idsBy(client, 'organisation', 'slug');
  for (const account of serviceAccounts) {
    const organisationId = organisationIds.get(account.organisation);
    if (!organisationId)
      throw new Error(
        `users.yaml: service account ${account.clientId} names unknown organisation ${account.organisation}`,
      );
    await setVars(client, { 'app.organisation_id': organisationId });
    await client.query('insert into service_account (client_id, organisation_id, role) values ($1, $2, $3)', [
      account.clientId,
      organisationId,
      account.role,
    ]);
  }
  return organisations.length;
}
