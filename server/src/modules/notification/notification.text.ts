import type { Locale } from '../../common/i18n/locale.js';
import { NotificationKind, type NotificationPayload } from './notification.entity.js';

/** The sentence a notification shows, in the reader's language. */
export function notificationText(kind: NotificationKind, p: NotificationPayload, locale: Locale): string {
  const practice = p.practiceTitle ? `«${p.practiceTitle}»` : '';
  const group = (locale === 'en' ? p.groupTitleEn : p.groupTitleRu) ?? p.groupSlug ?? '';
  const who = p.actorName ?? '';
  const ru: Record<NotificationKind, () => string> = {
    REVIEW_ON_MY_PRACTICE: () => `${who} оставил(а) рецензию на практику ${practice}`,
    RESPONSE_TO_MY_REVIEW: () => `${who} ответил(а) на вашу рецензию практики ${practice}`,
    REPLY_TO_MY_COMMENT: () => `${who} ответил(а) на ваш комментарий к практике ${practice}`,
    MEMBERSHIP_DECIDED: () =>
      p.status === 'ACTIVE'
        ? `Заявка вашей организации в группу «${group}» одобрена`
        : `Заявка вашей организации в группу «${group}» отклонена${p.reason ? `: ${p.reason}` : ''}`,
    COMMENT_HIDDEN: () => `Ваш комментарий к практике ${practice} скрыт${p.reason ? `: ${p.reason}` : ''}`,
  };
  const en: Record<NotificationKind, () => string> = {
    REVIEW_ON_MY_PRACTICE: () => `${who} reviewed your practice ${practice}`,
    RESPONSE_TO_MY_REVIEW: () => `${who} responded to your review of ${practice}`,
    REPLY_TO_MY_COMMENT: () => `${who} replied to your comment on ${practice}`,
    MEMBERSHIP_DECIDED: () =>
      p.status === 'ACTIVE'
        ? `Your organisation's request to join «${group}» was approved`
        : `Your organisation's request to join «${group}» was rejected${p.reason ? `: ${p.reason}` : ''}`,
    COMMENT_HIDDEN: () => `Your comment on ${practice} was hidden${p.reason ? `: ${p.reason}` : ''}`,
  };
  return (locale === 'en' ? en : ru)[kind]().replace(/\s+/g, ' ').trim();
}
