import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { fromGlobalId, parseGlobalId } from '../../common/graphql/global-id.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type {
  CreateWebhookSubscriptionInput,
  ReplayWebhookDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookSubscriptionRefInput,
} from './dto/webhook.input.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { TEST_EVENT_TYPE } from './webhook-event.js';
import { PREVIOUS_SECRET_GRACE_MS, WebhookSubscription } from './webhook-subscription.entity.js';
import { STRICT_TARGETS } from './webhook-target.js';
import { canManageWebhooks } from './webhook.policy.js';
import { newSigningSecret } from './webhook.signature.js';
import {
  checkDescription,
  checkEvents,
  checkWebhookUrl,
  MAX_SUBSCRIPTIONS_PER_ORGANISATION,
} from './webhook.validators.js';

const SUBSCRIPTION = WebhookSubscription.typename;
const DELIVERY = WebhookDelivery.typename;

const subscriptionNotFound = () =>
  notFound({ ru: 'Подписка на вебхуки не найдена', en: 'Webhook subscription not found' });
const deliveryNotFound = () => notFound({ ru: 'Доставка вебхука не найдена', en: 'Webhook delivery not found' });

/** The acting organisation, when the caller is its ADMIN; otherwise FORBIDDEN (UNAUTHENTICATED when anonymous). */
export function webhookAdmin(ctx: Context): { actor: AuthenticatedActor; organisationId: string } {
  const actor = requireAuthenticated(ctx.actor);
  const organisationId = actor.active?.organisationId;
  if (!organisationId || !canManageWebhooks(actor, organisationId)) {
    throw forbidden({
      ru: 'Вебхуками управляют администраторы организации',
      en: 'Only ADMINs of the organisation manage its webhooks',
    });
  }
  return { actor, organisationId };
}

/** Serialises changes to the organisation's set of subscriptions (the limit, unique URLs). */
const lockSubscriptions = (em: EntityManager, organisationId: string) =>
  em.execute('select pg_advisory_xact_lock(74161, hashtext(?))', [organisationId]);

async function ownSubscription(em: EntityManager, organisationId: string, globalId: string, field: string[]) {
  const id = parseGlobalId(globalId, SUBSCRIPTION, field);
  const subscription = await em.findOne(WebhookSubscription, { id, organisationId });
  if (!subscription) throw subscriptionNotFound();
  return subscription;
}

async function refuseDuplicateUrl(em: EntityManager, organisationId: string, url: string, except?: string) {
  const same = await em.count(WebhookSubscription, { organisationId, url, ...(except ? { id: { $ne: except } } : {}) });
  if (same) {
    throw conflict(
      {
        ru: 'На этот адрес уже есть подписка: измените её',
        en: 'This URL already has a subscription: change that one',
      },
      ['input', 'url'],
    );
  }
}

export function listSubscriptions(ctx: Context): Promise<WebhookSubscription[]> {
  const { organisationId } = webhookAdmin(ctx);
  return ctx.em.find(WebhookSubscription, { organisationId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function findSubscription(ctx: Context, globalId: string): Promise<WebhookSubscription | null> {
  const { organisationId } = webhookAdmin(ctx);
  const parsed = fromGlobalId(globalId);
  if (parsed?.type !== SUBSCRIPTION) return Promise.resolve(null);
  return ctx.em.findOne(WebhookSubscription, { id: parsed.id, organisationId });
}

export function listDeliveries(ctx: Context, args: WebhookDeliveriesArgs) {
  const { organisationId } = webhookAdmin(ctx);
  const where: FilterQuery<WebhookDelivery> = { organisationId };
  if (args.subscriptionId) where.subscriptionId = parseGlobalId(args.subscriptionId, SUBSCRIPTION, ['subscriptionId']);
  if (args.status) where.status = args.status;
  return keysetPage(ctx.em, WebhookDelivery, where, args, { column: 'seq', descending: true });
}

export async function createSubscription(ctx: Context, input: CreateWebhookSubscriptionInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  const errors = new InputErrors();
  const url = checkWebhookUrl(errors, ['input', 'url'], input.url, ctx.webhookTargets ?? STRICT_TARGETS);
  const events = checkEvents(errors, ['input', 'events'], input.events);
  const description = checkDescription(errors, ['input', 'description'], input.description);
  errors.throwIfAny();
  const secret = newSigningSecret();
  const subscription = await ctx.em.transactional(async (em) => {
    await lockSubscriptions(em, organisationId);
    const existing = await em.count(WebhookSubscription, { organisationId });
    if (existing >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
      throw conflict({
        ru: `У организации может быть не больше ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} подписок на вебхуки`,
        en: `An organisation has at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} webhook subscriptions`,
      });
    }
    await refuseDuplicateUrl(em, organisationId, url!);
    const now = ctx.now();
    const created = em.create(WebhookSubscription, {
      organisationId,
      url: url!,
      events,
      description,
      secret,
      createdBy: actor.subject,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    recordAudit(em, actor, {
      organisationId,
      action: 'webhookSubscription.created',
      objectType: SUBSCRIPTION,
      objectId: created.id,
      summary: { url: created.url, events },
    });
    return created;
  });
  return { subscription, signingSecret: secret };
}

/** Pausing and resuming read as such in the activity log; anything else is an update. */
function updateAction(changed: Record<string, unknown>): string {
  const keys = Object.keys(changed);
  if (keys.length !== 1 || keys[0] !== 'active') return 'webhookSubscription.updated';
  return changed.active ? 'webhookSubscription.resumed' : 'webhookSubscription.paused';
}

export async function updateSubscription(ctx: Context, input: UpdateWebhookSubscriptionInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  const errors = new InputErrors();
  const targets = ctx.webhookTargets ?? STRICT_TARGETS;
  const url = input.url == null ? undefined : checkWebhookUrl(errors, ['input', 'url'], input.url, targets);
  const events = input.events == null ? undefined : checkEvents(errors, ['input', 'events'], input.events);
  const description =
    input.description === undefined ? undefined : checkDescription(errors, ['input', 'description'], input.description);
  errors.throwIfAny();
  return ctx.em.transactional(async (em) => {
    await lockSubscriptions(em, organisationId);
    const subscription = await ownSubscription(em, organisationId, input.subscriptionId, ['input', 'subscriptionId']);
    const changed: Record<string, unknown> = {};
    if (url !== undefined && url !== subscription.url) {
      await refuseDuplicateUrl(em, organisationId, url, subscription.id);
      subscription.url = url;
      changed.url = url;
    }
    if (events && events.join() !== subscription.events.join()) {
      subscription.events = events;
      changed.events = events;
    }
    if (description !== undefined && description !== (subscription.description ?? null)) {
      subscription.description = description;
      changed.description = description;
    }
    if (input.active != null && input.active !== subscription.active) {
      subscription.pausedAt = input.active ? null : ctx.now();
      changed.active = input.active;
    }
    if (!Object.keys(changed).length) return subscription;
    subscription.updatedAt = ctx.now();
    await em.flush();
    recordAudit(em, actor, {
      organisationId,
      action: updateAction(changed),
      objectType: SUBSCRIPTION,
      objectId: subscription.id,
      summary: changed,
    });
    return subscription;
  });
}

export async function deleteSubscription(ctx: Context, input: WebhookSubscriptionRefInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  return ctx.em.transactional(async (em) => {
    const subscription = await ownSubscription(em, organisationId, input.subscriptionId, ['input', 'subscriptionId']);
    const globalId = subscription.globalId;
    em.remove(subscription);
    await em.flush();
    recordAudit(em, actor, {
      organisationId,
      action: 'webhookSubscription.deleted',
      objectType: SUBSCRIPTION,
      objectId: subscription.id,
      summary: { url: subscription.url, events: subscription.events },
    });
    return globalId;
  });
}

export async function rotateSecret(ctx: Context, input: RotateWebhookSecretInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  const secret = newSigningSecret();
  const subscription = await ctx.em.transactional(async (em) => {
    const subscription = await ownSubscription(em, organisationId, input.subscriptionId, ['input', 'subscriptionId']);
    const now = ctx.now();
    const keepPrevious = !input.expirePreviousNow;
    subscription.previousSecret = keepPrevious ? subscription.secret : null;
    subscription.previousSecretExpiresAt = keepPrevious ? new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS) : null;
    subscription.secret = secret;
    subscription.secretRotatedAt = subscription.updatedAt = now;
    await em.flush();
    recordAudit(em, actor, {
      organisationId,
      action: 'webhookSubscription.secretRotated',
      objectType: SUBSCRIPTION,
      objectId: subscription.id,
      summary: { previousSecretValidUntil: subscription.previousSecretExpiresAt?.toISOString() ?? null },
    });
    return subscription;
  });
  return { subscription, signingSecret: secret };
}

/** Queues one delivery with SQL that names the organisation; the insert policy checks it again. */
async function queue(em: EntityManager, organisationId: string, sql: string, params: unknown[]): Promise<string> {
  // In the order events are recorded: after everything already queued for the organisation.
  await em.execute('select webhook_lock(?)', [organisationId]);
  const [row] = await em.execute<Array<{ id: string }>>(sql, params);
  await em.execute(`select pg_notify('otklik_webhook', '')`);
  return row!.id;
}

export async function replayDelivery(ctx: Context, input: ReplayWebhookDeliveryInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  const id = parseGlobalId(input.deliveryId, DELIVERY, ['input', 'deliveryId']);
  return ctx.em.transactional(async (em) => {
    const original = await em.findOne(WebhookDelivery, { id, organisationId });
    if (!original) throw deliveryNotFound();
    if (original.status === WebhookDeliveryStatus.PENDING) {
      throw conflict(
        {
          ru: 'Эта доставка ещё не завершена: повторить можно доставленную или неудавшуюся',
          en: 'This delivery is still pending: replay a delivered or failed one',
        },
        ['input', 'deliveryId'],
      );
    }
    const replayId = await queue(
      em,
      organisationId,
      `insert into webhook_delivery (organisation_id, subscription_id, event_id, event_type, payload, replay_of)
       select d.organisation_id, d.subscription_id, d.event_id, d.event_type, d.payload, d.id
         from webhook_delivery d where d.id = ? and d.organisation_id = ? returning id`,
      [original.id, organisationId],
    );
    recordAudit(em, actor, {
      organisationId,
      action: 'webhookDelivery.replayed',
      objectType: DELIVERY,
      objectId: replayId,
      summary: { replayOf: original.id, eventId: original.eventId, eventType: original.eventType },
    });
    return em.findOneOrFail(WebhookDelivery, { id: replayId, organisationId });
  });
}

export async function sendTestEvent(ctx: Context, input: WebhookSubscriptionRefInput) {
  const { actor, organisationId } = webhookAdmin(ctx);
  return ctx.em.transactional(async (em) => {
    const subscription = await ownSubscription(em, organisationId, input.subscriptionId, ['input', 'subscriptionId']);
    if (subscription.pausedAt) {
      throw conflict(
        { ru: 'Подписка приостановлена: сначала возобновите её', en: 'The subscription is paused: resume it first' },
        ['input', 'subscriptionId'],
      );
    }
    const deliveryId = await queue(
      em,
      organisationId,
      `insert into webhook_delivery (organisation_id, subscription_id, event_id, event_type, payload)
       select s.organisation_id, s.id, e.id, ?, json_build_object(
                'id', e.id, 'type', ?::text, 'occurredAt', app_iso_time(clock_timestamp()),
                'organisation', json_build_object('id', app_global_id('Organisation', s.organisation_id)),
                'data', json_build_object('subscription', json_build_object('id', app_global_id(?, s.id))))
         from webhook_subscription s, (select gen_random_uuid() as id) e
        where s.id = ? and s.organisation_id = ? returning id`,
      [TEST_EVENT_TYPE, TEST_EVENT_TYPE, SUBSCRIPTION, subscription.id, organisationId],
    );
    recordAudit(em, actor, {
      organisationId,
      action: 'webhookDelivery.testQueued',
      objectType: DELIVERY,
      objectId: deliveryId,
      summary: { subscriptionId: subscription.id },
    });
    return em.findOneOrFail(WebhookDelivery, { id: deliveryId, organisationId });
  });
}
