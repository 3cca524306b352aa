import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEvent } from '../../../gql/graphql';
import { FieldsetShell, TextAreaField, TextField } from '../../../app/ui/form-fields';
import { splitUserErrors, type UserErrorLike } from '../../../app/ui/user-errors';

export const WEBHOOK_EVENTS: WebhookEvent[] = [
  'PRACTICE_PUBLISHED',
  'REVIEW_SUBMITTED',
  'RATING_CHANGED',
  'DISCLOSURE_VERIFIED',
];

export interface WebhookValues {
  url: string;
  events: WebhookEvent[];
  description: string;
}

type Field = keyof WebhookValues;
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: Field[] = ['url', 'events', 'description'];

export const EMPTY_WEBHOOK: WebhookValues = { url: '', events: [], description: '' };

/**
 * State of a form with the webhook fields (creation and editing share it): values, errors by field and
 * for the whole form, the local checks and the server's userErrors put at their fields. `idPrefix` is the
 * one given to WebhookFields, so the first invalid field can be focused.
 */
export function useWebhookForm(idPrefix: string, initial: WebhookValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);

  function focusFirst(found: FieldErrors) {
    const first = FIELDS.find((f) => found[f]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  }

  function show(fieldErrors: FieldErrors, messages: string[]) {
    setErrors(fieldErrors);
    setFormErrors(messages);
    focusFirst(fieldErrors);
  }

  return {
    values,
    errors,
    formErrors,
    change<F extends Field>(field: F, value: WebhookValues[F]) {
      setValues((prev) => ({ ...prev, [field]: value }));
      if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
    },
    reset: () => setValues(initial),
    /** The local checks; false (with the errors shown and the first field focused) when they fail. */
    check(): boolean {
      const local: FieldErrors = {};
      if (!values.url.trim()) local.url = t('validation.required');
      if (values.events.length === 0) local.events = t('webhooks.eventsRequired');
      show(local, []);
      return Object.keys(local).length === 0;
    },
    /** The values as the API takes them: trimmed, events in the usual order. */
    trimmed: (): WebhookValues => ({
      url: values.url.trim(),
      events: WEBHOOK_EVENTS.filter((e) => values.events.includes(e)),
      description: values.description.trim(),
    }),
    /** Shows a payload's userErrors; true when there were none. */
    showUserErrors(userErrors: readonly UserErrorLike[]): boolean {
      const split = splitUserErrors(userErrors, FIELDS);
      show(split.fieldErrors, split.formErrors);
      return userErrors.length === 0;
    },
    showFailure(e: unknown) {
      setFormErrors([e instanceof Error ? e.message : t('errors.network')]);
    },
  };
}

/** URL, events and description of a webhook subscription; control ids are `${idPrefix}-url` and so on. */
export function WebhookFields({
  idPrefix,
  form,
}: {
  idPrefix: string;
  form: Pick<ReturnType<typeof useWebhookForm>, 'values' | 'errors' | 'change'>;
}) {
  const { t } = useTranslation();
  const { values, errors, change } = form;
  return (
    <>
      <TextField
        id={`${idPrefix}-url`}
        type="url"
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        required
        autoComplete="off"
        maxLength={2048}
        value={values.url}
        error={errors.url}
        onValueChange={(v) => change('url', v)}
      />
      <FieldsetShell id={`${idPrefix}-events`} legend={t('webhooks.events')} required error={errors.events}>
        {WEBHOOK_EVENTS.map((value, index) => {
          const id = index === 0 ? `${idPrefix}-events` : `${idPrefix}-events-${index}`;
          return (
            <label key={value} className="choice" htmlFor={id}>
              <input
                type="checkbox"
                id={id}
                value={value}
                checked={values.events.includes(value)}
                aria-invalid={errors.events ? true : undefined}
                onChange={(e) => {
                  const checked = e.target.checked;
                  change('events', checked ? [...values.events, value] : values.events.filter((x) => x !== value));
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
        id={`${idPrefix}-description`}
        label={t('webhooks.description')}
        hint={t('webhooks.descriptionHint')}
        maxLength={500}
        rows={2}
        value={values.description}
        error={errors.description}
        onValueChange={(v) => change('description', v)}
      />
    </>
  );
}
