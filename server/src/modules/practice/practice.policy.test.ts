import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type AuthenticatedActor } from '../../common/tenancy/actor.js';
import { MemberRole } from '../member/member-role.js';
import type { Practice } from './practice.entity.js';
import { PracticeStatus } from './practice.enums.js';
import { canEditPractice, canSeePractice, canWritePractices } from './practice.policy.js';

const actor = (role: MemberRole, organisationId = 'own'): AuthenticatedActor => ({
  kind: 'PERSON',
  subject: 's',
  displayName: 'P',
  emailVerified: true,
  platformRoles: [],
  memberships: [{ organisationId, role }],
  active: { organisationId, role },
});
const practice = (status: PracticeStatus, organisationId = 'own') => ({ status, organisationId }) as Practice;

describe('practice policy', () => {
  it('lets EDITORs and ADMINs write, not REVIEWERs, VIEWERs or visitors', () => {
    expect(canWritePractices(actor(MemberRole.EDITOR))).toBe(true);
    expect(canWritePractices(actor(MemberRole.ADMIN))).toBe(true);
    expect(canWritePractices(actor(MemberRole.REVIEWER))).toBe(false);
    expect(canWritePractices(actor(MemberRole.VIEWER))).toBe(false);
    expect(canWritePractices(ANONYMOUS)).toBe(false);
  });

  it('lets only the owning organisation edit', () => {
    expect(canEditPractice(actor(MemberRole.EDITOR), practice(PracticeStatus.PUBLISHED))).toBe(true);
    expect(canEditPractice(actor(MemberRole.EDITOR, 'other'), practice(PracticeStatus.PUBLISHED))).toBe(false);
  });

  it('hides drafts from everyone but the owning organisation', () => {
    expect(canSeePractice(ANONYMOUS, practice(PracticeStatus.DRAFT))).toBe(false);
    expect(canSeePractice(actor(MemberRole.ADMIN, 'other'), practice(PracticeStatus.DRAFT))).toBe(false);
    expect(canSeePractice(actor(MemberRole.VIEWER), practice(PracticeStatus.DRAFT))).toBe(true);
    expect(canSeePractice(ANONYMOUS, practice(PracticeStatus.PUBLISHED))).toBe(true);
    expect(canSeePractice(ANONYMOUS, practice(PracticeStatus.ARCHIVED))).toBe(true);
  });
});
