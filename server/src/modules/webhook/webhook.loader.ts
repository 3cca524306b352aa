import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchLoader } from '../../common/graphql/batch-loader.js';
import { WebhookDeliveryAttempt } from './webhook-delivery.entity.js';

/** The attempts of a page of deliveries in one query. */
export function createWebhookLoaders(em: EntityManager) {
  return {
    webhookAttempts: new BatchLoader<string, WebhookDeliveryAttempt[]>(async (deliveryIds) => {
      const rows = await em.find(
        WebhookDeliveryAttempt,
        { deliveryId: { $in: deliveryIds } },
        { orderBy: { deliveryId: 'asc', number: 'asc' } },
      );
      const map = new Map<string, WebhookDeliveryAttempt[]>();
      for (const row of rows) map.set(row.deliveryId, [...(map.get(row.deliveryId) ?? []), row]);
      return map;
    }),
  };
}
