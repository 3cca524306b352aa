import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import type { PageArgs } from '../../common/graphql/pagination.js';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { Notification, type NotificationKind, type NotificationPayload } from './notification.entity.js';

/**
 * Notifies people of something the actor did, inside the actor's transaction (so a rolled-back
 * change notifies nobody), with an outbox row each for e-mail digests. The actor is never notified.
 */
export async function notify(
  em: EntityManager,
  actor: AuthenticatedActor,
  recipients: Iterable<string>,
  kind: NotificationKind,
  payload: NotificationPayload,
): Promise<void> {
  // Plain inserts without RETURNING: the sender may not read someone else's notifications.
  for (const recipient of new Set(recipients)) {
    if (recipient === actor.subject) continue;
    const id = randomUUID();
    await em.execute('insert into notification (id, recipient_subject, kind, payload) values (?, ?, ?, ?)', [
      id,
      recipient,
      kind,
      JSON.stringify(payload),
    ]);
    await em.execute('insert into notification_outbox (notification_id, recipient_subject) values (?, ?)', [
      id,
      recipient,
    ]);
  }
}

/** The caller's notifications, newest first (RLS shows only one's own). */
export function listNotifications(ctx: Context, args: PageArgs, unreadOnly: boolean) {
  const actor = requireAuthenticated(ctx.actor);
  const where = { recipientSubject: actor.subject, ...(unreadOnly ? { readAt: null } : {}) };
  return keysetPage(ctx.em, Notification, where, args, { column: 'createdAt', date: true, descending: true });
}

export async function unreadNotificationCount(ctx: Context): Promise<number> {
  const actor = requireAuthenticated(ctx.actor);
  return ctx.em.count(Notification, { recipientSubject: actor.subject, readAt: null });
}

export async function markNotificationRead(ctx: Context, globalId: string): Promise<Notification> {
  const actor = requireAuthenticated(ctx.actor);
  const id = parseGlobalId(globalId, Notification.typename, ['id']);
  return ctx.em.transactional(async (em) => {
    const notification = await em.findOne(Notification, { id, recipientSubject: actor.subject });
    if (!notification) throw notFound({ ru: 'Уведомление не найдено', en: 'Notification not found' });
    notification.readAt ??= ctx.now();
    return notification;
  });
}

/** Marks every unread notification read; returns how many were. */
export async function markAllNotificationsRead(ctx: Context): Promise<number> {
  const actor = requireAuthenticated(ctx.actor);
  return ctx.em.nativeUpdate(Notification, { recipientSubject: actor.subject, readAt: null }, { readAt: ctx.now() });
}
