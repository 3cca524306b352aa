import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEvent } from '../../../gql/graphql';
import { FieldsetShell, FormAlert, TextAreaField, TextField } from '../../../app/ui/form-fields';
import { splitUserErrors } from '../../../app/ui/user-errors';
import { CreateWebhookSubscriptionDocument, WebhookSubscriptionsDocument } from '../graphql/webhooks';

export const WEBHOOK_EVENTS: WebhookEvent[] = [
  'PRACTICE_PUBLISHED',
  'REVIEW_SUBMITTED',
  'RATING_CHANGED',
  'DISCLOSURE_VERIFIED',
];

export interface CreatedWebhook {
  url: string;
  signingSecret: string;
}

type Field = 'url' | 'events' | 'description';
const FIELDS: Field[] = ['url', 'events', 'description'];

/** URL, events and description of a new webhook subscription; reports the one-time secret through onCreated. */
export function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // The secret must not stay in the cache: the list is fetched again instead.
  const [create, { loading }] = useMutation(CreateWebhookSubscriptionDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [{ query: WebhookSubscriptionsDocument }],
  });

  function focusFirst(found: Partial<Record<Field, string>>) {
    const first = FIELDS.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#webhook-${first}`)?.focus();
  }

  function clear(field: Field) {
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormErrors([]);
    const local: Partial<Record<Field, string>> = {};
    if (!url.trim()) local.url = t('validation.required');
    if (events.length === 0) local.events = t('webhooks.eventsRequired');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirst(local);
      return;
    }
    setErrors({});
    try {
      const input = {
        url: url.trim(),
        events: WEBHOOK_EVENTS.filter((e) => events.includes(e)),
        ...(description.trim() ? { description: description.trim() } : {}),
      };
      const result = await create({ variables: { input } });
      const payload = result.data?.createWebhookSubscription;
      const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
      setErrors(split.fieldErrors);
      setFormErrors(split.formErrors);
      focusFirst(split.fieldErrors);
      if (payload?.subscription && payload.signingSecret && payload.userErrors.length === 0) {
        onCreated({ url: payload.subscription.url, signingSecret: payload.signingSecret });
        setUrl('');
        setEvents([]);
        setDescription('');
      }
    } catch (e) {
      setFormErrors([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="webhook-create-title"
    >
      <FormAlert messages={formErrors} />
      <TextField
        id="webhook-url"
        type="url"
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        required
        autoComplete="off"
        maxLength={2048}
        value={url}
        error={errors.url}
        onValueChange={(v) => {
          setUrl(v);
          clear('url');
        }}
      />
      <FieldsetShell id="webhook-events" legend={t('webhooks.events')} required error={errors.events}>
        {WEBHOOK_EVENTS.map((value, index) => {
          const id = index === 0 ? 'webhook-events' : `webhook-events-${index}`;
          return (
            <label key={value} className="choice" htmlFor={id}>
              <input
                type="checkbox"
                id={id}
                value={value}
                checked={events.includes(value)}
                aria-invalid={errors.events ? true : undefined}
                onChange={(e) => {
                  const checked = e.target.checked;
                  setEvents((prev) => (checked ? [...prev, value] : prev.filter((x) => x !== value)));
                  clear('events');
                }}
              />
              <span>
                {t(`webhooks.event.${value}`)} <code>{t(`webhooks.eventType.${value}`)}</code>
              </span>
            </label>
          );
        })}
      </FieldsetShell>
      <TextAreaField
        id="webhook-description"
        label={t('webhooks.description')}
        hint={t('webhooks.descriptionHint')}
        maxLength={500}
        rows={2}
        value={description}
        error={errors.description}
        onValueChange={(v) => {
          setDescription(v);
          clear('description');
        }}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('webhooks.creating') : t('webhooks.create')}
        </button>
      </div>
    </form>
  );
}
