import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../gql/graphql';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../../app/ui/form-fields';
import { splitUserErrors, type UserErrorLike } from '../../../app/ui/user-errors';
import {
  LIMITS,
  suggestSlug,
  validateOrganisation,
  type OrganisationField,
  type OrganisationFormValues,
} from '../organisation-validation';

const KINDS: OrganisationKind[] = ['NGO', 'STATE_INSTITUTION', 'MUNICIPAL_INSTITUTION', 'OTHER'];
const FIELDS: OrganisationField[] = ['name', 'slug', 'kind', 'region', 'website', 'inn', 'ogrn', 'description'];

export const EMPTY_ORGANISATION: OrganisationFormValues = {
  name: '',
  slug: '',
  kind: 'NGO',
  region: '',
  website: '',
  inn: '',
  ogrn: '',
  description: '',
};

interface Props {
  idPrefix: string;
  initialValues: OrganisationFormValues;
  /** Registration chooses the slug; a profile edit cannot change it. */
  withSlug: boolean;
  submitLabel: string;
  /** Sends the values; resolves with the payload's userErrors (empty on success). */
  onSubmit: (values: OrganisationFormValues) => Promise<readonly UserErrorLike[]>;
  onSaved?: () => void;
}

export function OrganisationForm({ idPrefix, initialValues, withSlug, submitLabel, onSubmit, onSaved }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Partial<Record<OrganisationField, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);
  const [slugTouched, setSlugTouched] = useState(!withSlug || initialValues.slug !== '');
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // New values from the server (after saving, or another organisation chosen) replace the form's.
  const [shownInitial, setShownInitial] = useState(initialValues);
  if (shownInitial !== initialValues) {
    setShownInitial(initialValues);
    setValues(initialValues);
  }

  // After a refused submission, focus moves to the summary of what to fix.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('.form-alert-anchor')?.focus();
  }, [attempt]);

  const fieldId = (field: OrganisationField) => `${idPrefix}-${field}`;

  function update<K extends OrganisationField>(field: K, value: OrganisationFormValues[K]) {
    setSaved(false);
    setValues((current) => {
      const next = { ...current, [field]: value };
      if (field === 'name' && withSlug && !slugTouched) next.slug = suggestSlug(String(value));
      return next;
    });
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setFormErrors([]);
    const problems = validateOrganisation(values, { withSlug });
    const translated = Object.fromEntries(
      Object.entries(problems).map(([field, key]) => [field, t(key, { max: LIMITS[field as keyof typeof LIMITS] })]),
    ) as Partial<Record<OrganisationField, string>>;
    setErrors(translated);
    if (Object.keys(translated).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setSubmitting(true);
    try {
      const userErrors = await onSubmit(values);
      const { fieldErrors, formErrors: other } = splitUserErrors(userErrors, FIELDS);
      setErrors(fieldErrors);
      setFormErrors(other);
      if (userErrors.length > 0) setAttempt((n) => n + 1);
      else {
        setSaved(true);
        onSaved?.();
      }
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('errors.network')]);
      setAttempt((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  }

  const fieldLinks = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ id: fieldId(field), message: `${t(`organisation.fields.${field}`)}: ${message}` }] : [];
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
      <div tabIndex={-1} className="form-alert-anchor">
        {(fieldLinks.length > 0 || formErrors.length > 0) && (
          <FormAlert messages={formErrors} fieldLinks={fieldLinks} />
        )}
      </div>
      <TextField
        id={fieldId('name')}
        label={t('organisation.fields.name')}
        required
        autoComplete="organization"
        value={values.name}
        error={errors.name}
        onValueChange={(v) => update('name', v)}
      />
      {withSlug && (
        <TextField
          id={fieldId('slug')}
          label={t('organisation.fields.slug')}
          hint={t('organisation.hints.slug')}
          required
          spellCheck={false}
          autoCapitalize="none"
          value={values.slug}
          error={errors.slug}
          onValueChange={(v) => {
            setSlugTouched(true);
            update('slug', v);
          }}
        />
      )}
      <SelectField
        id={fieldId('kind')}
        label={t('organisation.fields.kind')}
        required
        value={values.kind}
        options={KINDS.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }))}
        error={errors.kind}
        onValueChange={(v) => update('kind', v as OrganisationKind)}
      />
      <TextField
        id={fieldId('region')}
        label={t('organisation.fields.region')}
        hint={t('organisation.hints.region')}
        required
        autoComplete="address-level1"
        value={values.region}
        error={errors.region}
        onValueChange={(v) => update('region', v)}
      />
      <TextField
        id={fieldId('website')}
        type="url"
        label={t('organisation.fields.website')}
        hint={t('organisation.hints.website')}
        autoComplete="url"
        inputMode="url"
        spellCheck={false}
        value={values.website}
        error={errors.website}
        onValueChange={(v) => update('website', v)}
      />
      <div className="field-row">
        <TextField
          id={fieldId('inn')}
          label={t('organisation.fields.inn')}
          hint={t('organisation.hints.inn')}
          inputMode="numeric"
          maxLength={12}
          value={values.inn}
          error={errors.inn}
          onValueChange={(v) => update('inn', v.replace(/\s+/g, ''))}
        />
        <TextField
          id={fieldId('ogrn')}
          label={t('organisation.fields.ogrn')}
          hint={t('organisation.hints.ogrn')}
          inputMode="numeric"
          maxLength={15}
          value={values.ogrn}
          error={errors.ogrn}
          onValueChange={(v) => update('ogrn', v.replace(/\s+/g, ''))}
        />
      </div>
      <TextAreaField
        id={fieldId('description')}
        label={t('organisation.fields.description')}
        rows={5}
        value={values.description}
        error={errors.description}
        onValueChange={(v) => update('description', v)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('common.saving') : submitLabel}
        </button>
        <p role="status" className="form-status">
          {saved ? t('forms.saved') : ''}
        </p>
      </div>
    </form>
  );
}
