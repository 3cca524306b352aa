import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import type { Logger } from '../../logger.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { postWebhook, type PostResult } from './webhook.http.js';
import { signatureHeader } from './webhook.signature.js';
import { STRICT_TARGETS, type WebhookTargetPolicy } from './webhook-target.js';

export const USER_AGENT = 'Otklik-Webhooks/1';

export interface DeliveryOptions {
  /** The clock deliveries are due and scheduled by. */
  now: () => Date;
  /** The wait after the first failed attempt; it doubles after each further one. */
  backoffBaseMs: number;
  /** The longest wait between two attempts. */
  backoffCapMs: number;
  /** Attempts before a delivery is FAILED. */
  maxAttempts: number;
  /** Share of a wait randomised either way (0.2: ±20 %), so receivers coming back are not hit all at once. */
  jitter: number;
  random: () => number;
  /** Longest an attempt may take, start to end of the response. */
  timeoutMs: number;
  /** Deliveries taken (and sent in parallel, one per subscription at most) per round. */
  batch: number;
  targets: WebhookTargetPolicy;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  now: () => new Date(),
  backoffBaseMs: 30_000,
  backoffCapMs: 6 * 60 * 60_000,
  maxAttempts: 8,
  jitter: 0.2,
  random: Math.random,
  timeoutMs: 10_000,
  batch: 10,
  targets: STRICT_TARGETS,
};

/** The wait before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped, with jitter. */
export function retryDelayMs(attempts: number, options: DeliveryOptions): number {
  const exponential = Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + options.jitter * (2 * options.random() - 1)));
}

interface Claimed {
  id: string;
  lease_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
  event_type: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** What the receiver's answer means for the delivery. */
function outcome(result: PostResult, attempts: number, options: DeliveryOptions) {
  if (result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300) return 'DELIVERED';
  return attempts + 1 >= options.maxAttempts ? 'FAILED' : 'RETRY';
}

async function attempt(
  em: EntityManager,
  claimed: Claimed,
  options: DeliveryOptions,
  logger: Logger,
  signal?: AbortSignal,
): Promise<void> {
  const body = JSON.stringify(claimed.payload);
  const attemptedAt = options.now();
  const timestamp = Math.floor(attemptedAt.getTime() / 1000);
  const secrets = claimed.previous_secret ? [claimed.secret, claimed.previous_secret] : [claimed.secret];
  const result = await postWebhook(
    claimed.url,
    body,
    {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': USER_AGENT,
      'otklik-event': claimed.event_type,
      'otklik-delivery': toGlobalId(WebhookDelivery.typename, claimed.id),
      'otklik-signature': signatureHeader(secrets, timestamp, body),
    },
    { timeoutMs: options.timeoutMs, policy: options.targets, signal },
  );
  if (result.aborted) {
    await em.execute('select webhook_release(?, ?)', [claimed.id, claimed.lease_id]);
    return;
  }
  const verdict = outcome(result, claimed.attempts, options);
  const error =
    result.error ?? (verdict === 'DELIVERED' ? null : `the receiver answered HTTP ${result.statusCode ?? '?'}`);
  const next =
    verdict === 'RETRY' ? new Date(options.now().getTime() + retryDelayMs(claimed.attempts + 1, options)) : null;
  await em.execute('select webhook_record_attempt(?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    claimed.id,
    claimed.lease_id,
    attemptedAt,
    result.durationMs,
    result.statusCode ?? null,
    error,
    result.responseBody ?? null,
    verdict,
    next,
  ]);
  if (verdict === 'FAILED') {
    logger.warn({ delivery: claimed.id, event: claimed.event_type, error }, 'webhook delivery failed for good');
  } else if (verdict === 'RETRY') {
    logger.debug({ delivery: claimed.id, event: claimed.event_type, error, next }, 'webhook delivery will be retried');
  }
}

/**
 * Sends what is due: takes the earliest pending delivery of each subscription whose time has come (leased, so
 * other workers skip it), POSTs them in parallel, records each attempt, and goes on while a round found work
 * (a delivered one lets its subscription's next go). Returns how many attempts it made.
 */
export async function deliverDueWebhooks(
  em: EntityManager,
  options: DeliveryOptions,
  logger: Logger,
  signal?: AbortSignal,
): Promise<number> {
  let made = 0;
  while (!signal?.aborted) {
    const now = options.now();
    // A lease outlasts an attempt by far; one that expires belongs to a process that died mid-attempt.
    const leaseUntil = new Date(now.getTime() + options.timeoutMs + 60_000);
    const claimed = await em.execute<Claimed[]>('select * from webhook_claim(?, ?, ?)', [
      now,
      options.batch,
      leaseUntil,
    ]);
    if (!claimed.length) break;
    const results = await Promise.allSettled(claimed.map((c) => attempt(em, c, options, logger, signal)));
    const failure = results.find((r) => r.status === 'rejected');
    // Unrecorded attempts keep their lease: they are tried again when it ends.
    if (failure) throw failure.reason;
    made += claimed.length;
  }
  return made;
}
