import type { EntityManager } from '@mikro-orm/postgresql';
import { detachedEntities } from '../../common/db/detached.js';
import { BatchLoader } from '../../common/graphql/batch-loader.js';
import { FeedbackMethod } from '../feedback-method/feedback-method.entity.js';
import { PracticeRevision } from './practice-revision.entity.js';

/** Per-request loaders of a practice's relations, one statement per list. */
export function createPracticeLoaders(em: EntityManager) {
  return {
    /** Methods each practice uses, in the author's order. */
    practiceMethods: new BatchLoader<string, FeedbackMethod[]>(async (practiceIds) => {
      const rows = await em.execute<Array<Record<string, unknown> & { practice_id: string }>>(
        `select pm.practice_id, fm.* from practice_method pm join feedback_method fm on fm.id = pm.method_id
          where pm.practice_id = any(?::uuid[]) order by pm.practice_id, pm.position`,
        [`{${practiceIds.join(',')}}`],
      );
      const map = new Map<string, FeedbackMethod[]>();
      const methods = detachedEntities(em, FeedbackMethod, rows);
      rows.forEach(({ practice_id: practiceId }, i) => {
        map.set(practiceId, [...(map.get(practiceId) ?? []), methods[i]!]);
      });
      return map;
    }),
    /** Published revisions of each practice, newest first. */
    practiceRevisions: new BatchLoader<string, PracticeRevision[]>(async (practiceIds) => {
      const rows = await em.find(
        PracticeRevision,
        { practiceId: { $in: practiceIds } },
        { orderBy: { number: 'desc' } },
      );
      const map = new Map<string, PracticeRevision[]>();
      for (const row of rows) map.set(row.practiceId, [...(map.get(row.practiceId) ?? []), row]);
      return map;
    }),
  };
}
