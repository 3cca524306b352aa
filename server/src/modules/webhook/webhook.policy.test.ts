import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type AuthenticatedActor } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';
import { canManageWebhooks } from './webhook.policy.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const person = (role: MemberRole, acting = ORG): AuthenticatedActor => ({
  kind: 'PERSON',
  subject: 'subject',
  displayName: 'Анна',
  emailVerified: true,
  platformRoles: [],
  memberships: [
    { organisationId: ORG, role },
    { organisationId: OTHER, role: MemberRole.ADMIN },
  ],
  active: { organisationId: acting, role: acting === ORG ? role : MemberRole.ADMIN },
});

describe('who manages webhooks', () => {
  it('the ADMINs of the organisation, while acting for it; nobody else', () => {
    expect(canManageWebhooks(person(MemberRole.ADMIN), ORG)).toBe(true);
    expect(canManageWebhooks(person(MemberRole.ADMIN, OTHER), ORG)).toBe(false);
    for (const role of [MemberRole.EDITOR, MemberRole.REVIEWER, MemberRole.VIEWER])
      expect(canManageWebhooks(person(role), ORG), role).toBe(false);
    expect(canManageWebhooks(ANONYMOUS, ORG)).toBe(false);
  });
});
