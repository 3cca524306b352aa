import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/ui/form-fields';
import { CreateWebhookSubscriptionDocument, WebhookSubscriptionsDocument } from '../graphql/webhooks';
import { EMPTY_WEBHOOK, WebhookFields, useWebhookForm } from './webhook-fields';
import type { ShownWebhookSecret } from './webhook-secret-panel';

const ID_PREFIX = 'webhook';

/** URL, events and description of a new webhook subscription; reports the one-time secret through onCreated. */
export function CreateWebhookForm({ onCreated }: { onCreated: (created: ShownWebhookSecret) => void }) {
  const { t } = useTranslation();
  const form = useWebhookForm(ID_PREFIX, EMPTY_WEBHOOK);
  // The secret must not stay in the cache: the list is fetched again instead.
  const [create, { loading }] = useMutation(CreateWebhookSubscriptionDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [{ query: WebhookSubscriptionsDocument }],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check()) return;
    try {
      const { url, events, description } = form.trimmed();
      const input = { url, events, ...(description ? { description } : {}) };
      const result = await create({ variables: { input } });
      const payload = result.data?.createWebhookSubscription;
      if (form.showUserErrors(payload?.userErrors ?? []) && payload?.subscription && payload.signingSecret) {
        onCreated({ url: payload.subscription.url, signingSecret: payload.signingSecret });
        form.reset();
      }
    } catch (e) {
      form.showFailure(e);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="webhook-create-title">
      <FormAlert messages={form.formErrors} />
      <WebhookFields idPrefix={ID_PREFIX} form={form} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('webhooks.creating') : t('webhooks.create')}
        </button>
      </div>
    </form>
  );
}
