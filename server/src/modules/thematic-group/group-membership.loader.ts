import type { EntityManager } from '@mikro-orm/postgresql';
import { detachedEntities } from '../../common/db/detached.js';
import { BatchLoader } from '../../common/graphql/batch-loader.js';
import { toConnection, type Connection } from '../../common/graphql/pagination.js';
import { GroupMembership, type GroupMembershipStatus } from './group-membership.entity.js';

/** The first page of memberships under one parent (a group or an organisation). */
export interface FirstPageRequest {
  parent: 'group_id' | 'organisation_id';
  parentId: string;
  status?: GroupMembershipStatus;
  size: number;
  /** Whether the viewer sees every state here (moderator, own organisation), or ACTIVE (and own) only. */
  seesAll: boolean;
}

type Row = Record<string, unknown> & { parent_id: string; total: string };

const cursorOf = (m: GroupMembership) => ({ value: m.requestedAt.toISOString(), id: m.id });

/**
 * Batches first pages of nested membership connections: a list of 50 groups with their
 * memberships costs one statement per distinct (parent, status, size), not one per group.
 */
export const firstPageKey = (r: FirstPageRequest) =>
  JSON.stringify([r.parent, r.parentId, r.status ?? null, r.size, r.seesAll]);

export function createFirstPageLoader(em: EntityManager, ownOrganisationId: string | undefined) {
  return new BatchLoader<string, Connection<GroupMembership>>(async (keys) => {
    const requests = keys.map((key) => {
      const [parent, parentId, status, size, seesAll] = JSON.parse(key) as [
        FirstPageRequest['parent'],
        string,
        GroupMembershipStatus | null,
        number,
        boolean,
      ];
      return { key, parent, parentId, status: status ?? undefined, size, seesAll };
    });
    const batches = new Map<string, typeof requests>();
    for (const r of requests) {
      const batchKey = `${r.parent}|${r.status ?? ''}|${r.size}`;
      batches.set(batchKey, [...(batches.get(batchKey) ?? []), r]);
    }
    const result = new Map<string, Connection<GroupMembership>>();
    for (const batch of batches.values()) {
      const { parent, status, size } = batch[0]!;
      const rows = await em.execute<Row[]>(
        `select * from (
           select m.*, m.${parent} as parent_id,
                  count(*) over (partition by m.${parent}) as total,
                  row_number() over (partition by m.${parent} order by m.requested_at, m.id) as position
             from group_membership m
             join unnest(?::uuid[], ?::boolean[]) as req(parent_id, sees_all) on req.parent_id = m.${parent}
            where (?::text is null or m.status = ?::text)
              and (req.sees_all or m.status = 'ACTIVE' or m.organisation_id = ?::uuid)
         ) page where position <= ?`,
        [
          `{${batch.map((r) => r.parentId).join(',')}}`,
          `{${batch.map((r) => r.seesAll).join(',')}}`,
          status ?? null,
          status ?? null,
          ownOrganisationId ?? null,
          size + 1,
        ],
      );
      const byParent = new Map<string, { rows: GroupMembership[]; total: number }>();
      const memberships = detachedEntities(em, GroupMembership, rows);
      for (const [i, row] of rows.entries()) {
        const entry = byParent.get(row.parent_id) ?? { rows: [], total: Number(row.total) };
        entry.rows.push(memberships[i]!);
        byParent.set(row.parent_id, entry);
      }
      for (const r of batch) {
        const entry = byParent.get(r.parentId) ?? { rows: [], total: 0 };
        result.set(r.key, toConnection(entry.rows, size, entry.total, cursorOf, false));
      }
    }
    return result;
  });
}
