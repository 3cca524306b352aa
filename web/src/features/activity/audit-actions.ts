/** Action codes the API records (server `recordAudit` calls), in the order the filter lists them. */
export const AUDIT_ACTIONS = [
  'practice.created',
  'practice.updated',
  'practice.published',
  'practice.republished',
  'practice.archived',
  'review.created',
  'review.updated',
  'review.submitted',
  'review.revised',
  'review.responded',
  'comment.posted',
  'comment.edited',
  'comment.reported',
  'comment.hidden',
  'comment.restored',
  'organisation.registered',
  'organisation.updated',
  'member.role_changed',
  'member.removed',
  'member.left',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'group_membership.requested',
  'group_membership.pending',
  'group_membership.active',
  'group_membership.rejected',
  'group_membership.left',
  'group_moderator.added',
  'group_moderator.removed',
  'thematic_group.created',
  'standard.published',
  'disclosure.claimed',
  'disclosure.reclaimed',
  'disclosure.verified',
  'disclosure.rejected',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isKnownAction = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);

export const OBJECT_TYPES = [
  'Practice',
  'Review',
  'Comment',
  'Organisation',
  'Member',
  'Invitation',
  'GroupMembership',
  'ThematicGroup',
  'OpennessStandard',
  'Disclosure',
] as const;

export type AuditObjectType = (typeof OBJECT_TYPES)[number];

export const isKnownObjectType = (type: string): type is AuditObjectType =>
  (OBJECT_TYPES as readonly string[]).includes(type);

export const SUMMARY_KEYS = [
  'reason',
  'role',
  'edition',
  'revision',
  'hidden',
  'status',
  'email',
  'title',
  'group',
] as const;

export const isKnownSummaryKey = (key: string): key is (typeof SUMMARY_KEYS)[number] =>
  (SUMMARY_KEYS as readonly string[]).includes(key);

/** The summary's plain values as «key: value» pairs (nested values and ids left out). */
export function summaryPairs(summary: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(summary).flatMap(([key, value]): Array<[string, string]> => {
    if (value === null || value === undefined || typeof value === 'object') return [];
    if (/id$/i.test(key)) return [];
    return [[key, String(value)]];
  });
}
