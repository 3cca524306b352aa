import type { EntityManager } from '@mikro-orm/postgresql';
import { findDetachedByIds } from './common/db/detached.js';
import { BatchLoader } from './common/graphql/batch-loader.js';
import { CommentEdit, CommentReport } from './modules/comment/comment.entity.js';
import { OpennessStandard } from './modules/openness/openness.entities.js';
import { Practice } from './modules/practice/practice.entity.js';
import { Organisation } from './modules/organisation/organisation.entity.js';
import { GroupModerator, ThematicGroup } from './modules/thematic-group/thematic-group.entity.js';
import { createPracticeLoaders } from './modules/practice/practice.loader.js';
import { createReviewLoaders } from './modules/review/review.loader.js';
import { createWebhookLoaders } from './modules/webhook/webhook.loader.js';
import { createFirstPageLoader } from './modules/thematic-group/group-membership.loader.js';
import { GroupMembership, GroupMembershipStatus } from './modules/thematic-group/group-membership.entity.js';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/**
 * Per-request batch loaders: nested fields over lists cost one query per field, not one per row. What they
 * return is for reading (some are detached entities): a mutation loads what it changes with the EntityManager.
 */
export function createLoaders(em: EntityManager, activeOrganisationId: string | undefined, subject?: string) {
  return {
    ...createPracticeLoaders(em),
    ...createReviewLoaders(em),
    ...createWebhookLoaders(em),
    /** First pages of nested group-membership connections, batched across parents. */
    membershipFirstPage: createFirstPageLoader(em, activeOrganisationId),
    /** Moderator e-mails per group (besides platform moderators). */
    groupModerators: new BatchLoader<string, string[]>(async (groupIds) => {
      const rows = await em.find(GroupModerator, { groupId: { $in: groupIds } });
      const map = new Map<string, string[]>();
      for (const row of rows) map.set(row.groupId, [...(map.get(row.groupId) ?? []), row.email]);
      return map;
    }),
    /** The active organisation's current (PENDING or ACTIVE, else latest) membership per group. */
    viewerGroupMembership: new BatchLoader<string, GroupMembership>(async (groupIds) => {
      const organisationId = activeOrganisationId;
      if (!organisationId) return new Map();
      const rows = await em.find(
        GroupMembership,
        { organisationId, groupId: { $in: groupIds } },
        { orderBy: { requestedAt: 'asc', id: 'asc' } },
      );
      const rank = (m: GroupMembership) =>
        m.status === GroupMembershipStatus.ACTIVE || m.status === GroupMembershipStatus.PENDING ? 1 : 0;
      const map = new Map<string, GroupMembership>();
      for (const row of rows) {
        const current = map.get(row.groupId);
        if (!current || rank(row) >= rank(current)) map.set(row.groupId, row);
      }
      return map;
    }),
    opennessStandard: new BatchLoader<string, OpennessStandard>(async (ids) =>
      byId(await em.find(OpennessStandard, { id: { $in: ids } })),
    ),
    /** Practices by id, as the actor may see them (drafts of others are absent). */
    practice: new BatchLoader<string, Practice>(async (ids) => byId(await findDetachedByIds(em, Practice, ids))),
    /** Earlier texts of comments, newest first. */
    commentEdits: new BatchLoader<string, CommentEdit[]>(async (commentIds) => {
      const rows = await em.find(CommentEdit, { commentId: { $in: commentIds } }, { orderBy: { replacedAt: 'desc' } });
      const map = new Map<string, CommentEdit[]>();
      for (const row of rows) map.set(row.commentId, [...(map.get(row.commentId) ?? []), row]);
      return map;
    }),
    /** Report counts of comments (visible to moderators under RLS). */
    commentReportCount: new BatchLoader<string, number>(async (commentIds) => {
      const rows = await em.execute<Array<{ comment_id: string; count: string }>>(
        'select comment_id, count(*) as count from comment_report where comment_id = any(?::uuid[]) group by comment_id',
        [`{${commentIds.join(',')}}`],
      );
      return new Map(rows.map((r) => [r.comment_id, Number(r.count)]));
    }),
    /** Thematic groups each organisation is an ACTIVE member of. */
    activeGroupIds: new BatchLoader<string, string[]>(async (organisationIds) => {
      const rows = await em.find(GroupMembership, {
        organisationId: { $in: organisationIds },
        status: GroupMembershipStatus.ACTIVE,
      });
      const map = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
      for (const row of rows) map.get(row.organisationId)!.push(row.groupId);
      return map;
    }),
    /** Comments the actor has reported, by comment id. */
    reportedByViewer: new BatchLoader<string, boolean>(async (commentIds) => {
      if (!subject) return new Map();
      const rows = await em.find(CommentReport, { commentId: { $in: commentIds }, reporterSubject: subject });
      return new Map(rows.map((r) => [r.commentId, true]));
    }),
    organisation: new BatchLoader<string, Organisation>(async (ids) =>
      byId(await findDetachedByIds(em, Organisation, ids)),
    ),
    thematicGroup: new BatchLoader<string, ThematicGroup>(async (ids) =>
      byId(await findDetachedByIds(em, ThematicGroup, ids)),
    ),
    /** Active member count per group. */
    activeMemberCount: new BatchLoader<string, number>(async (groupIds) => {
      const rows = await em.execute<Array<{ group_id: string; count: string }>>(
        `select group_id, count(*) as count from group_membership
          where group_id = any(?::uuid[]) and status = 'ACTIVE' group by group_id`,
        [`{${groupIds.join(',')}}`],
      );
      return new Map(rows.map((r) => [r.group_id, Number(r.count)]));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
