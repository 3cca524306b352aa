import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookSubscriptionsQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { ConfirmStep, useConfirmStep } from '../../../app/ui/confirm-step';
import { InlineAlert, messagesOf } from '../../../app/ui/inline-alert';
import {
  DeleteWebhookSubscriptionDocument,
  RotateWebhookSecretDocument,
  SendTestWebhookDocument,
  UpdateWebhookSubscriptionDocument,
  WebhookDeliveriesDocument,
} from '../graphql/webhooks';
import { EditWebhookForm } from './edit-webhook-form';
import { WebhookSecretPanel, type ShownWebhookSecret } from './webhook-secret-panel';

type Subscription = WebhookSubscriptionsQuery['webhookSubscriptions'][number];

/**
 * One subscription with what an ADMIN does to it: deliveries, edit, pause/resume, a test event, a new
 * signing secret (shown once, below the row) and deletion. Failures show in the row.
 */
export function SubscriptionRow({
  subscription,
  selected,
  onShowDeliveries,
  onNotice,
  onDeleted,
  onTestSent,
}: {
  subscription: Subscription;
  selected: boolean;
  onShowDeliveries: () => void;
  onNotice: (notice: string) => void;
  onDeleted: () => void;
  /** A test delivery was queued (and the open deliveries list fetched again). */
  onTestSent: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const reactId = useId();
  const {
    confirming: confirmingDelete,
    triggerRef: deleteTriggerRef,
    cancelRef: deleteCancelRef,
    ask: askDelete,
    cancel: cancelDelete,
  } = useConfirmStep();
  const {
    confirming: confirmingRotate,
    triggerRef: rotateTriggerRef,
    cancelRef: rotateCancelRef,
    ask: askRotate,
    cancel: cancelRotate,
    close: closeRotate,
  } = useConfirmStep();
  const editRef = useRef<HTMLButtonElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [expireNow, setExpireNow] = useState(false);
  const [rotated, setRotated] = useState<{ secret: ShownWebhookSecret; note: string } | null>(null);
  const [update, { loading: updating }] = useMutation(UpdateWebhookSubscriptionDocument);
  const [remove, { loading: deleting }] = useMutation(DeleteWebhookSubscriptionDocument, {
    update(cache, result) {
      const id = result.data?.deleteWebhookSubscription.deletedSubscriptionId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'WebhookSubscription', id }) });
      cache.gc();
    },
  });
  // Like the secret given at creation, the new one must not stay in the cache.
  const [rotate, { loading: rotating }] = useMutation(RotateWebhookSecretDocument, { fetchPolicy: 'no-cache' });
  // The open deliveries list shows the queued test; a closed one fetches it when it opens.
  const [sendTest, { loading: testing }] = useMutation(SendTestWebhookDocument, {
    refetchQueries: selected ? [WebhookDeliveriesDocument] : [],
    awaitRefetchQueries: true,
  });
  const { url, active } = subscription;
  const busy = updating || deleting || rotating || testing;
  const editFormId = `webhook-edit-form${reactId}`;
  const confirming = confirmingDelete || confirmingRotate;

  /** Runs a mutation; its userErrors or failure go to the row's alert. The payload when it succeeded. */
  async function attempt<P extends { userErrors: readonly { message: string }[] }>(
    run: () => Promise<P | undefined>,
  ): Promise<P | null> {
    setProblems([]);
    try {
      const payload = await run();
      const errors = payload?.userErrors ?? [];
      setProblems(messagesOf(errors));
      return payload && errors.length === 0 ? payload : null;
    } catch (e) {
      setProblems([e instanceof Error ? e.message : t('errors.network')]);
      return null;
    }
  }

  async function toggleActive() {
    const input = { subscriptionId: subscription.id, active: !active };
    if (await attempt(async () => (await update({ variables: { input } })).data?.updateWebhookSubscription)) {
      onNotice(t(active ? 'webhooks.pausedNotice' : 'webhooks.resumedNotice', { url }));
    }
  }

  async function onConfirmDelete() {
    const input = { subscriptionId: subscription.id };
    if (await attempt(async () => (await remove({ variables: { input } })).data?.deleteWebhookSubscription)) {
      onDeleted();
    }
  }

  async function onConfirmRotate() {
    const input = { subscriptionId: subscription.id, expirePreviousNow: expireNow };
    const payload = await attempt(async () => (await rotate({ variables: { input } })).data?.rotateWebhookSecret);
    if (!payload?.signingSecret) return;
    const validUntil = payload.subscription?.previousSecretValidUntil;
    closeRotate();
    setExpireNow(false);
    setRotated({
      secret: { url, signingSecret: payload.signingSecret },
      note: validUntil
        ? t('webhooks.previousSecretUntil', { date: formatDateTime(validUntil) })
        : t('webhooks.previousSecretStopped'),
    });
  }

  async function onSendTest() {
    const input = { subscriptionId: subscription.id };
    if (await attempt(async () => (await sendTest({ variables: { input } })).data?.sendTestWebhook)) onTestSent();
  }

  function closeEdit() {
    editRef.current?.focus();
    setEditing(false);
  }

  return (
    <>
      <tr data-webhook-id={subscription.id}>
        <th scope="row">
          <code>{url}</code>
          {subscription.description && <span className="muted"> {subscription.description}</span>}
        </th>
        <td>
          <ul className="plain-list">
            {subscription.events.map((event) => (
              <li key={event}>{t(`webhooks.event.${event}`)}</li>
            ))}
          </ul>
        </td>
        <td>
          <span className={`badge badge--${active ? 'active' : 'left'}`} data-status={active ? 'ACTIVE' : 'PAUSED'}>
            {active ? t('webhooks.active') : t('webhooks.paused')}
          </span>
          {!active && subscription.pausedAt && (
            <span className="muted"> {t('webhooks.pausedAt', { date: formatDate(subscription.pausedAt) })}</span>
          )}
        </td>
        <td>{formatDate(subscription.createdAt)}</td>
        <td>
          {!confirming && (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={selected}
                onClick={onShowDeliveries}
              >
                {t('webhooks.showDeliveries')} <span className="visually-hidden">{url}</span>
              </button>
              <button
                type="button"
                ref={editRef}
                className="button button--secondary"
                aria-expanded={editing}
                aria-controls={editing ? editFormId : undefined}
                onClick={() => (editing ? closeEdit() : setEditing(true))}
              >
                {t('webhooks.edit')} <span className="visually-hidden">{url}</span>
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void toggleActive()}
              >
                {active ? t('webhooks.pause') : t('webhooks.resume')} <span className="visually-hidden">{url}</span>
              </button>
              {active && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => void onSendTest()}
                >
                  {testing ? t('webhooks.sendingTest') : t('webhooks.sendTest')}{' '}
                  <span className="visually-hidden">{url}</span>
                </button>
              )}
              <button
                type="button"
                ref={rotateTriggerRef}
                className="button button--secondary"
                disabled={busy}
                onClick={askRotate}
              >
                {t('webhooks.rotateSecret')} <span className="visually-hidden">{url}</span>
              </button>
              <button
                type="button"
                ref={deleteTriggerRef}
                className="button button--danger-quiet"
                disabled={busy}
                onClick={askDelete}
              >
                {t('webhooks.delete')} <span className="visually-hidden">{url}</span>
              </button>
            </div>
          )}
          {confirmingDelete && (
            <ConfirmStep
              id={`webhook-confirm-${subscription.id}`}
              question={t('webhooks.confirmDelete', { url })}
              confirmLabel={t('webhooks.confirmDeleteButton')}
              busy={deleting}
              onConfirm={() => void onConfirmDelete()}
              onCancel={() => {
                setProblems([]);
                cancelDelete();
              }}
              cancelRef={deleteCancelRef}
            />
          )}
          {confirmingRotate && (
            <ConfirmStep
              id={`webhook-rotate-${subscription.id}`}
              question={t('webhooks.confirmRotate', { url })}
              confirmLabel={t('webhooks.confirmRotateButton')}
              busy={rotating}
              onConfirm={() => void onConfirmRotate()}
              onCancel={() => {
                setProblems([]);
                setExpireNow(false);
                cancelRotate();
              }}
              cancelRef={rotateCancelRef}
            >
              <label className="choice" htmlFor={`webhook-expire-now${reactId}`}>
                <input
                  type="checkbox"
                  id={`webhook-expire-now${reactId}`}
                  checked={expireNow}
                  disabled={rotating}
                  onChange={(e) => setExpireNow(e.target.checked)}
                />
                <span>
                  {t('webhooks.expirePreviousNow')}
                  <span className="choice__hint">{t('webhooks.expirePreviousNowHint')}</span>
                </span>
              </label>
            </ConfirmStep>
          )}
          <InlineAlert messages={problems} />
        </td>
      </tr>
      {(editing || rotated) && (
        <tr className="webhook-row-detail">
          <td colSpan={5}>
            {rotated && (
              <WebhookSecretPanel
                secret={rotated.secret}
                title={t('webhooks.rotatedTitle')}
                note={rotated.note}
                onClose={() => {
                  rotateTriggerRef.current?.focus();
                  setRotated(null);
                }}
              />
            )}
            {editing && (
              <EditWebhookForm
                id={editFormId}
                subscription={subscription}
                onCancel={closeEdit}
                onSaved={(newUrl) => {
                  closeEdit();
                  onNotice(t('webhooks.updatedNotice', { url: newUrl }));
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
