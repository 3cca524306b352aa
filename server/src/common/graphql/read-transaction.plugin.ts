import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../context.js';

/**
 * A query runs in one transaction: the row-level-security variables are set once (not before every
 * statement), every field reads the same snapshot, and the statements share one connection. The
 * transaction commits as the response is sent: a rating read may have refreshed stored inputs.
 */
export function readTransactionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let open = false;
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== 'query' || contextValue.em.isInTransaction()) return;
          await contextValue.em.begin();
          open = true;
        },
        async willSendResponse({ contextValue }) {
          if (!open) return;
          open = false;
          try {
            // The response is complete: forget its entities, so the commit has nothing to compare or flush.
            contextValue.em.clear();
            await contextValue.em.commit();
          } catch (error) {
            await contextValue.em.rollback().catch(() => {});
            contextValue.logger.warn({ err: error }, 'a read transaction did not commit');
          }
        },
      };
    },
  };
}
