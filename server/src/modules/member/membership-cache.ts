import { DataVersionCache } from '../../common/cache/data-version-cache.js';
import type { OrganisationRole } from '../../common/tenancy/actor.js';

/**
 * Whom a signed-in caller acts for (a person's memberships, with no invitation pending for their e-mail; an
 * API client's organisation and role), remembered between requests so that a repeated caller costs no lookup,
 * and forgotten on every committed write (see DataVersionCache).
 */
export class MembershipCache extends DataVersionCache<OrganisationRole[]> {}
