import type { EntityManager } from '@mikro-orm/postgresql';

/** What row-level security policies read (see the foundation migration). */
export interface SessionVariables {
  organisationId?: string | null;
  subject?: string | null;
  email?: string | null;
  clientId?: string | null;
  platformRoles?: readonly string[];
}

/**
 * Sets the RLS variables on a request's entity manager; MikroORM applies them with
 * `set_config(..., true)` at the start of every transaction it opens for this fork.
 */
export function applySessionVariables(em: EntityManager, vars: SessionVariables): void {
  const variables: Record<string, string> = {};
  if (vars.organisationId !== undefined) variables['app.organisation_id'] = vars.organisationId ?? '';
  if (vars.subject !== undefined) variables['app.subject'] = vars.subject ?? '';
  if (vars.email !== undefined) variables['app.email'] = vars.email ?? '';
  if (vars.clientId !== undefined) variables['app.client_id'] = vars.clientId ?? '';
  if (vars.platformRoles !== undefined) variables['app.platform_roles'] = vars.platformRoles.join(',');
  em.setSessionContext({ variables });
}

/** Inside an open transaction: acts for another organisation until the transaction ends (registration, invitations). */
export async function switchTenantInTransaction(em: EntityManager, organisationId: string): Promise<void> {
  await em.execute(`select set_config('app.organisation_id', ?, true)`, [organisationId]);
}
