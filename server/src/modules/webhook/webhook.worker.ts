import { serialRunner } from '../../common/async/serial-runner.js';
import { listenToChannels } from '../../common/db/listen.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../logger.js';
import { DEFAULT_DELIVERY_OPTIONS, deliverDueWebhooks, type DeliveryOptions } from './webhook.delivery.js';

export interface WebhookWorkerOptions extends Partial<DeliveryOptions> {
  orm: Orm;
  /** Database URL for the LISTEN connection. */
  url: string;
  logger: Logger;
  /** How often due retries are looked for when no signal comes. */
  pollMs?: number;
}

export interface WebhookWorker {
  /** Looks for due deliveries now. */
  wake(): void;
  /** Stops: in-flight attempts are abandoned (their deliveries are left for another worker, not counted). */
  stop(): Promise<void>;
}

/**
 * Sends webhook deliveries in the background, in every API process (claims never overlap): at once when a
 * trigger signals new ones (`otklik_webhook`, also after a lost connection) and every `pollMs` for retries
 * that came due.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { orm, url, logger, pollMs, ...overrides } = options;
  const delivery: DeliveryOptions = {
    ...DEFAULT_DELIVERY_OPTIONS,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
  const abort = new AbortController();
  const { run: drain, idle } = serialRunner(
    async () => {
      try {
        await deliverDueWebhooks(orm.em.fork(), delivery, logger, abort.signal);
      } catch (error) {
        logger.warn({ err: error }, 'webhook deliveries: a round failed; unrecorded attempts are retried');
      }
    },
    () => abort.signal.aborted,
  );

  const listener = listenToChannels(url, logger, { otklik_webhook: drain }, drain);
  const timer = setInterval(drain, pollMs ?? 5_000).unref();
  drain();

  return {
    wake: drain,
    async stop() {
      abort.abort();
      clearInterval(timer);
      await listener.stop();
      await idle();
    },
  };
}
