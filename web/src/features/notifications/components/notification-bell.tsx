import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  NotificationsDocument,
} from '../graphql/notifications';
import { useUnreadNotificationCount } from '../use-unread-notification-count';

const LIST_SIZE = 20;

/** «Уведомления: 3 непрочитанных» — the bell button's accessible name. */
export function useBellLabel() {
  const { t } = useTranslation();
  return (count: number) => (count === 0 ? t('notifications.bellNone') : t('notifications.bellUnread', { count }));
}

/** The header's bell: the unread count and a panel with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bellLabel = useBellLabel();
  const { count, refresh } = useUnreadNotificationCount(true);
  const [open, setOpen] = useState(false);
  const [load, list] = useLazyQuery(NotificationsDocument, { fetchPolicy: 'network-only' });
  const [markRead] = useMutation(MarkNotificationReadDocument);
  const [markAll, markAllState] = useMutation(MarkAllNotificationsReadDocument);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const notifications = list.data?.notifications.edges.map((edge) => edge.node) ?? [];

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function toggle() {
    if (open) {
      close(false);
      return;
    }
    setOpen(true);
    void load({ variables: { first: LIST_SIZE } }).catch(() => undefined);
    void refresh();
  }

  // A click or focus outside the bell closes the panel.
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  async function activate(notification: { id: string; link: string | null; read: boolean }) {
    if (!notification.read) {
      await markRead({ variables: { id: notification.id } }).catch(() => undefined);
      void refresh();
    }
    if (notification.link) {
      close(false);
      void navigate(notification.link);
    }
  }

  async function readAll() {
    await markAll().catch(() => undefined);
    await Promise.all([refresh(), list.refetch?.().catch(() => undefined)]);
  }

  /** Escape closes; the arrow keys, Home and End move between the notifications. */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-notification-item]') ?? []);
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index < 0 ? items.length - 1 : index - 1);
    else if (event.key === 'Home' && index >= 0) move(0);
    else if (event.key === 'End' && index >= 0) move(items.length - 1);
  }

  return (
    <div className="bell" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary bell__button"
        aria-label={bellLabel(count)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count > 0 && (
          <span className="bell__badge" aria-hidden="true" data-count={count}>
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <div id={panelId} className="bell__panel" role="region" aria-label={t('notifications.title')} hidden={!open}>
        {open && (
          <>
            <div className="bell__panel-header">
              <p className="bell__title">{t('notifications.title')}</p>
              <button
                type="button"
                className="button button--link"
                disabled={count === 0 || markAllState.loading}
                onClick={() => void readAll()}
              >
                {t('notifications.markAll')}
              </button>
            </div>
            {list.loading && !list.data && <LoadingState label={t('notifications.loading')} />}
            {list.error && !list.data && <ErrorState error={list.error} />}
            {list.data &&
              (notifications.length === 0 ? (
                <p className="muted bell__empty">{t('notifications.empty')}</p>
              ) : (
                <ul ref={listRef} className="bell__list">
                  {notifications.map((notification) => (
                    <li
                      key={notification.id}
                      className={notification.read ? 'bell__item' : 'bell__item bell__item--unread'}
                    >
                      {notification.link ? (
                        <a
                          href={notification.link}
                          className="bell__link"
                          data-notification-item
                          data-read={notification.read}
                          onClick={(event) => {
                            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                            event.preventDefault();
                            void activate(notification);
                          }}
                        >
                          <NotificationContent notification={notification} />
                        </a>
                      ) : (
                        <button
                          type="button"
                          className="bell__link"
                          data-notification-item
                          data-read={notification.read}
                          onClick={() => void activate(notification)}
                        >
                          <NotificationContent notification={notification} />
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              ))}
          </>
        )}
      </div>
    </div>
  );
}

function NotificationContent({ notification }: { notification: { text: string; createdAt: string; read: boolean } }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  return (
    <>
      <span className="bell__text">{notification.text}</span>
      <span className="bell__meta">
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
        {' · '}
        {notification.read ? t('notifications.read') : <strong>{t('notifications.unread')}</strong>}
      </span>
    </>
  );
}
