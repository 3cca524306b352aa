import { useMutation } from '@apollo/client/react';
import { useEffect, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookSubscriptionsQuery } from '../../../gql/graphql';
import { InlineAlert } from '../../../app/ui/inline-alert';
import { UpdateWebhookSubscriptionDocument } from '../graphql/webhooks';
import { WebhookFields, useWebhookForm } from './webhook-fields';

type Subscription = WebhookSubscriptionsQuery['webhookSubscriptions'][number];

/**
 * The URL, events and description of a subscription, changed in place; the payload's subscription updates
 * the cached row. Focus starts in the URL field.
 */
export function EditWebhookForm({
  id,
  subscription,
  onSaved,
  onCancel,
}: {
  id: string;
  subscription: Subscription;
  onSaved: (url: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const idPrefix = `webhook-edit${useId()}`;
  const form = useWebhookForm(idPrefix, {
    url: subscription.url,
    events: subscription.events,
    description: subscription.description ?? '',
  });
  const [update, { loading }] = useMutation(UpdateWebhookSubscriptionDocument);
  const titleId = `${id}-title`;

  useEffect(() => document.getElementById(`${idPrefix}-url`)?.focus(), [idPrefix]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check()) return;
    try {
      // An empty description clears it.
      const input = { subscriptionId: subscription.id, ...form.trimmed() };
      const result = await update({ variables: { input } });
      const payload = result.data?.updateWebhookSubscription;
      if (form.showUserErrors(payload?.userErrors ?? []) && payload?.subscription) onSaved(payload.subscription.url);
    } catch (e) {
      form.showFailure(e);
    }
  }

  return (
    <form id={id} className="form webhook-edit" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('webhooks.editTitle', { url: subscription.url })}</h3>
      <InlineAlert messages={form.formErrors} />
      <WebhookFields idPrefix={idPrefix} form={form} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" disabled={loading} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
