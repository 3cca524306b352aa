import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type AuthenticatedActor } from '../../common/tenancy/actor.js';
import { MemberRole, PlatformRole } from '../member/member-role.js';
import { canCreateThematicGroup, canManageGroupMembership, canModerateGroup } from './thematic-group.policy.js';

const actor = (overrides: Partial<AuthenticatedActor> = {}): AuthenticatedActor => ({
  kind: 'PERSON',
  subject: 'subject-1',
  displayName: 'P',
  emailVerified: true,
  platformRoles: [],
  memberships: [],
  ...overrides,
});

describe('thematic group policy', () => {
  it('lets only platform admins create groups', () => {
    expect(canCreateThematicGroup(actor({ platformRoles: [PlatformRole.PLATFORM_ADMIN] }))).toBe(true);
    expect(canCreateThematicGroup(actor({ platformRoles: [PlatformRole.MODERATOR] }))).toBe(false);
    expect(canCreateThematicGroup(ANONYMOUS)).toBe(false);
  });

  it('lets the active organisation’s ADMIN join and leave groups', () => {
    const admin = { organisationId: 'o', role: MemberRole.ADMIN };
    const editor = { organisationId: 'o', role: MemberRole.EDITOR };
    expect(canManageGroupMembership(actor({ active: admin, memberships: [admin] }))).toBe(true);
    expect(canManageGroupMembership(actor({ active: editor, memberships: [editor] }))).toBe(false);
    expect(canManageGroupMembership(actor())).toBe(false);
  });

  it('lets platform moderators and the group’s own moderators moderate', () => {
    expect(canModerateGroup(actor({ platformRoles: [PlatformRole.MODERATOR] }), [])).toBe(true);
    expect(canModerateGroup(actor({ email: 'mod@example.org' }), ['mod@example.org'])).toBe(true);
    expect(canModerateGroup(actor({ email: 'other@example.org' }), ['mod@example.org'])).toBe(false);
    expect(canModerateGroup(actor(), ['mod@example.org'])).toBe(false);
    expect(canModerateGroup(ANONYMOUS, ['mod@example.org'])).toBe(false);
  });
});
