import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type AuthenticatedActor } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';
import {
  canAdministerOrganisation,
  canRegisterOrganisation,
  canSeeOrganisationPrivate,
} from './organisation.policy.js';

const person = (role: MemberRole, organisationId = 'org-a'): AuthenticatedActor => ({
  kind: 'PERSON',
  subject: 's',
  displayName: 'P',
  emailVerified: true,
  platformRoles: [],
  memberships: [{ organisationId, role }],
  active: { organisationId, role },
});

describe('organisation policy', () => {
  it('lets people, not anonymous visitors or service accounts, register', () => {
    expect(canRegisterOrganisation(person(MemberRole.VIEWER))).toBe(true);
    expect(canRegisterOrganisation(ANONYMOUS)).toBe(false);
    expect(canRegisterOrganisation({ ...person(MemberRole.ADMIN), kind: 'SERVICE_ACCOUNT' })).toBe(false);
  });

  it('lets only the active organisation’s ADMIN administer it', () => {
    expect(canAdministerOrganisation(person(MemberRole.ADMIN), 'org-a')).toBe(true);
    expect(canAdministerOrganisation(person(MemberRole.EDITOR), 'org-a')).toBe(false);
    expect(canAdministerOrganisation(person(MemberRole.ADMIN), 'org-b')).toBe(false);
    expect(canAdministerOrganisation(ANONYMOUS, 'org-a')).toBe(false);
  });

  it('shows private data to members of any role, while acting for that organisation', () => {
    expect(canSeeOrganisationPrivate(person(MemberRole.VIEWER), 'org-a')).toBe(true);
    const inTwo = {
      ...person(MemberRole.ADMIN),
      memberships: [
        { organisationId: 'org-a', role: MemberRole.ADMIN },
        { organisationId: 'org-b', role: MemberRole.ADMIN },
      ],
    };
    expect(canSeeOrganisationPrivate(inTwo, 'org-b')).toBe(false);
    expect(canSeeOrganisationPrivate(person(MemberRole.ADMIN), 'org-b')).toBe(false);
    expect(canSeeOrganisationPrivate(ANONYMOUS, 'org-a')).toBe(false);
  });
});
