import type { Actor } from '../../common/tenancy/actor.js';
import { canAdministerOrganisation } from '../organisation/organisation.policy.js';

/** Webhooks (their URLs, secrets and delivery logs) are managed by the organisation's ADMINs, acting for it. */
export const canManageWebhooks = (actor: Actor, organisationId: string): boolean =>
  canAdministerOrganisation(actor, organisationId);
