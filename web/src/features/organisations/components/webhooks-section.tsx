import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, WebhookDeliveriesQuery, WebhookSubscriptionsQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { DataTable } from '../../../app/ui/data-table';
import { InlineAlert, messagesOf } from '../../../app/ui/inline-alert';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import {
  ReplayWebhookDeliveryDocument,
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
} from '../graphql/webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { SubscriptionRow } from './webhook-subscription-row';
import { WebhookSecretPanel, type ShownWebhookSecret } from './webhook-secret-panel';

type Subscription = WebhookSubscriptionsQuery['webhookSubscriptions'][number];
type Delivery = WebhookDeliveriesQuery['webhookDeliveries']['edges'][number]['node'];

/**
 * For the organisation's admins: webhook subscriptions (подписки на вебхуки) — the list, creation
 * with the one-time signing secret, editing, pause/resume, test events, secret rotation, deletion and
 * each subscription's recent deliveries.
 */
export function WebhooksSection({ viewerRole }: { viewerRole: MemberRole | null | undefined }) {
  return viewerRole === 'ADMIN' ? <Webhooks /> : null;
}

function Webhooks() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(WebhookSubscriptionsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [created, setCreated] = useState<ShownWebhookSecret | null>(null);
  const [notice, setNotice] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const subscriptions = data?.webhookSubscriptions ?? [];
  const selected = subscriptions.find((s) => s.id === selectedId) ?? null;

  return (
    <section aria-labelledby="webhooks-title" className="panel" id="webhooks">
      <h2 id="webhooks-title">{t('webhooks.title')}</h2>
      <p className="muted">{t('webhooks.lead')}</p>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && subscriptions.length === 0 && <EmptyState>{t('webhooks.empty')}</EmptyState>}
      {subscriptions.length > 0 && (
        <DataTable
          caption={t('webhooks.listCaption')}
          columns={[t('webhooks.url'), t('webhooks.events'), t('webhooks.status'), t('webhooks.createdAt')]}
          actionsLabel={t('webhooks.actions')}
        >
          {subscriptions.map((subscription) => (
            <SubscriptionRow
              key={subscription.id}
              subscription={subscription}
              selected={subscription.id === selectedId}
              onShowDeliveries={() => setSelectedId(subscription.id)}
              onNotice={setNotice}
              onDeleted={() => {
                if (selectedId === subscription.id) setSelectedId(null);
                setNotice(t('webhooks.deletedNotice', { url: subscription.url }));
              }}
              onTestSent={() => {
                setSelectedId(subscription.id);
                setNotice(t('webhooks.testSentNotice', { url: subscription.url }));
              }}
            />
          ))}
        </DataTable>
      )}
      <p role="status" className="form-status">
        {notice}
      </p>

      {selected && <DeliveriesPanel subscription={selected} onClose={() => setSelectedId(null)} />}

      {created ? (
        <WebhookSecretPanel secret={created} onClose={() => setCreated(null)} />
      ) : (
        <>
          <h3 id="webhook-create-title">{t('webhooks.createTitle')}</h3>
          <CreateWebhookForm
            onCreated={(value) => {
              setNotice('');
              setCreated(value);
            }}
          />
        </>
      )}
    </section>
  );
}

function DeliveriesPanel({ subscription, onClose }: { subscription: Subscription; onClose: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { data, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, {
    variables: { subscriptionId: subscription.id, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const deliveries = data?.webhookDeliveries.edges.map((e) => e.node) ?? [];
  const titleId = `webhook-deliveries-${subscription.id}`;

  useEffect(() => headingRef.current?.focus(), [subscription.id]);

  return (
    <section aria-labelledby={titleId} className="webhook-deliveries">
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('webhooks.deliveriesTitle', { url: subscription.url })}
      </h3>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && deliveries.length === 0 && <EmptyState>{t('webhooks.deliveriesEmpty')}</EmptyState>}
      {deliveries.length > 0 && (
        <DataTable
          caption={t('webhooks.deliveriesCaption', { url: subscription.url })}
          columns={[
            t('webhooks.eventTypeColumn'),
            t('webhooks.deliveryStatus'),
            t('webhooks.attempts'),
            t('webhooks.lastStatusCode'),
            t('webhooks.time'),
          ]}
          actionsLabel={t('webhooks.actions')}
        >
          {deliveries.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              onReplayed={() => {
                setProblems([]);
                setNotice(t('webhooks.replayedNotice', { event: delivery.eventType }));
                void refetch();
              }}
              onProblems={(messages) => {
                setNotice('');
                setProblems(messages);
              }}
            />
          ))}
        </DataTable>
      )}
      <InlineAlert messages={problems} />
      <p role="status" className="form-status">
        {notice}
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('webhooks.hideDeliveries')}
        </button>
      </div>
    </section>
  );
}

function DeliveryRow({
  delivery,
  onReplayed,
  onProblems,
}: {
  delivery: Delivery;
  onReplayed: () => void;
  onProblems: (messages: string[]) => void;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const [replay, { loading }] = useMutation(ReplayWebhookDeliveryDocument);
  const canReplay = delivery.status !== 'PENDING';

  async function onReplay() {
    try {
      const result = await replay({ variables: { input: { deliveryId: delivery.id } } });
      const errors = result.data?.replayWebhookDelivery.userErrors ?? [];
      if (errors.length === 0) onReplayed();
      else onProblems(messagesOf(errors));
    } catch (e) {
      onProblems([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  return (
    <tr data-delivery-id={delivery.id}>
      <th scope="row">
        <code>{delivery.eventType}</code>
      </th>
      <td>
        <span className="badge" data-status={delivery.status}>
          {t(`webhooks.deliveryStatusValue.${delivery.status}`)}
        </span>
      </td>
      <td>{delivery.attempts}</td>
      <td>{delivery.lastStatusCode ?? '—'}</td>
      <td>{formatDateTime(delivery.deliveredAt ?? delivery.createdAt)}</td>
      <td>
        {canReplay && (
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void onReplay()}>
            {loading ? t('webhooks.replaying') : t('webhooks.replay')}{' '}
            <span className="visually-hidden">{delivery.eventType}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
