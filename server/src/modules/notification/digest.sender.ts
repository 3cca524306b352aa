import nodemailer, { type Transporter } from 'nodemailer';
import pg from 'pg';
import type { Logger } from '../../logger.js';
import type { NotificationKind, NotificationPayload } from './notification.entity.js';
import { notificationText } from './notification.text.js';

export interface DigestOptions {
  /** Schema-owner connection: the sender reads every recipient's outbox. */
  ownerUrl: string;
  smtpUrl: string;
  from: string;
  publicUrl: string;
  logger: Logger;
}

interface PendingRow {
  outbox_id: string;
  recipient_subject: string;
  email: string | null;
  kind: NotificationKind;
  payload: NotificationPayload;
}

const MAX_ATTEMPTS = 5;

/** One e-mail per recipient with everything new since the last digest; Russian first, English below. */
export function composeDigest(
  rows: Array<{ kind: NotificationKind; payload: NotificationPayload }>,
  publicUrl: string,
) {
  const ru = rows.map((r) => `• ${notificationText(r.kind, r.payload, 'ru')}`).join('\n');
  const en = rows.map((r) => `• ${notificationText(r.kind, r.payload, 'en')}`).join('\n');
  return {
    subject: `Отклик: новых уведомлений — ${rows.length} / Otklik: ${rows.length} new notification${rows.length === 1 ? '' : 's'}`,
    text: `${ru}\n\nВсе уведомления: ${publicUrl}/\n\n—\n\n${en}\n\nAll notifications: ${publicUrl}/\n`,
  };
}

/**
 * Sends the pending outbox as digests. Rows are locked (skip locked), so several API processes
 * never send one twice; a failed recipient is retried on the next run, up to a limit.
 * Returns how many e-mails were sent.
 */
export async function sendDigests(
  opts: DigestOptions,
  transport: Transporter = nodemailer.createTransport(opts.smtpUrl),
): Promise<number> {
  const client = new pg.Client({ connectionString: opts.ownerUrl });
  await client.connect();
  let sent = 0;
  try {
    await client.query('begin');
    const { rows } = await client.query<PendingRow>(
      `select o.id as outbox_id, o.recipient_subject, n.kind, n.payload,
              (select m.email from member m where m.subject = o.recipient_subject and m.email is not null limit 1) as email
         from notification_outbox o join notification n on n.id = o.notification_id
        where o.sent_at is null and o.attempts < $1
        order by o.created_at
        for update of o skip locked`,
      [MAX_ATTEMPTS],
    );
    const byRecipient = new Map<string, PendingRow[]>();
    for (const row of rows)
      byRecipient.set(row.recipient_subject, [...(byRecipient.get(row.recipient_subject) ?? []), row]);
    for (const group of byRecipient.values()) {
      const ids = group.map((r) => r.outbox_id);
      const email = group[0]!.email;
      if (!email) {
        await client.query('update notification_outbox set attempts = $2 where id = any($1::uuid[])', [
          ids,
          MAX_ATTEMPTS,
        ]);
        continue;
      }
      try {
        await transport.sendMail({ from: opts.from, to: email, ...composeDigest(group, opts.publicUrl) });
        await client.query('update notification_outbox set sent_at = now() where id = any($1::uuid[])', [ids]);
        sent += 1;
      } catch (error) {
        opts.logger.warn({ err: error }, 'digest not sent; will retry');
        await client.query('update notification_outbox set attempts = attempts + 1 where id = any($1::uuid[])', [ids]);
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
  return sent;
}

/** Sends digests every `intervalMs` while the process runs; only started when SMTP is configured. */
export function startDigestSender(opts: DigestOptions, intervalMs: number): { stop(): void } {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  const timer = setInterval(() => {
    sendDigests(opts, transport).catch((error: unknown) => opts.logger.warn({ err: error }, 'digest run failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
