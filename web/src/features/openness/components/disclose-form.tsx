import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, RadioGroupField, TextAreaField, TextField } from '../../../app/ui/form-fields';
import { splitUserErrorsByPath } from '../../../app/ui/user-errors';
import type { CriterionFieldsFragment, DisclosureFieldsFragment } from '../../../gql/graphql';
import {
  discloseInput,
  EVIDENCE_FIELDS,
  EVIDENCE_LIMITS,
  evidenceFieldKey,
  evidenceInputKind,
  initialEvidenceValues,
  latestAsOf,
  validateEvidence,
  type EvidenceErrors,
  type EvidenceField,
  type EvidenceFormValues,
  type ShareUnit,
} from '../evidence-form';
import { DiscloseDocument, OrganisationOpennessDocument } from '../graphql/openness';
import { criterionAnchor, type DiscloseAction } from '../openness-model';
import { useOpennessFormatters } from '../use-openness-formatters';

interface Props {
  standardKey: string;
  criterion: CriterionFieldsFragment;
  /** The organisation's earlier disclosure on this criterion, if any (its evidence is the starting point). */
  earlier: DisclosureFieldsFragment | null;
  action: DiscloseAction;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * Discloses one criterion: asks exactly for the evidence it expects (a link, words or a number in
 * its bounds), the as-of date and, after a rejection, an answer. Checked here as the API checks;
 * the API's own refusals appear at their fields.
 */
export function DiscloseForm({ standardKey, criterion, earlier, action, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { formatPlain } = useOpennessFormatters();
  const prefix = `disclose-${criterionAnchor(criterion.key)}`;
  const kind = evidenceInputKind(criterion.evidence);
  const answering = action === 'answer';
  const [values, setValues] = useState<EvidenceFormValues>(() =>
    initialEvidenceValues(earlier, {
      evidence: criterion.evidence,
      keepDate: action === 'answer' || action === 'edit',
      formatNumber: formatPlain,
    }),
  );
  const [clientErrors, setClientErrors] = useState<EvidenceErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const [disclose, { loading }] = useMutation(DiscloseDocument, {
    refetchQueries: [OrganisationOpennessDocument],
    awaitRefetchQueries: true,
  });

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const fieldId = (field: EvidenceField) => `${prefix}-${field}`;
  const fieldError = (field: EvidenceField): string | null => {
    const problem = clientErrors[field];
    if (problem) return t(problem.key, { max: problem.max });
    return serverErrors[field] ?? null;
  };
  const numberLabel =
    criterion.evidence === 'COUNT' || criterion.evidence === 'SHARE' || criterion.evidence === 'NUMBER'
      ? t(`openness.form.number.${criterion.evidence}`)
      : '';
  const fieldLabel: Record<EvidenceField, string> = {
    evidenceUrl: t('openness.form.url'),
    evidenceText: kind === 'text' ? t('openness.form.text') : t('openness.form.explanation'),
    evidenceNumber: numberLabel,
    asOf: t('openness.form.asOf'),
    answer: t('openness.form.answer'),
  };
  const fieldLinks = EVIDENCE_FIELDS.flatMap((field) => {
    const message = fieldError(field);
    return message ? [{ id: fieldId(field), message: `${fieldLabel[field]}: ${message}` }] : [];
  });

  function change(next: Partial<EvidenceFormValues>) {
    setValues((current) => ({ ...current, ...next }));
  }

  function showProblems() {
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateEvidence(values, { evidence: criterion.evidence, answering });
    setClientErrors(problems);
    setServerErrors({});
    setFormErrors([]);
    if (Object.keys(problems).length > 0) {
      showProblems();
      return;
    }
    try {
      const input = discloseInput(values, {
        standardKey,
        criterionKey: criterion.key,
        evidence: criterion.evidence,
        answering,
      });
      const payload = (await disclose({ variables: { input } })).data?.disclose;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0 || !payload?.disclosure) {
        const split = splitUserErrorsByPath(userErrors, evidenceFieldKey);
        setServerErrors(split.fieldErrors);
        setFormErrors(split.formErrors);
        showProblems();
        return;
      }
      onSaved();
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('errors.network')]);
      showProblems();
    }
  }

  const hasProblems = formErrors.length > 0 || fieldLinks.length > 0;
  return (
    <form className="disclose-form" aria-labelledby={`${prefix}-title`} noValidate onSubmit={(e) => void submit(e)}>
      <p id={`${prefix}-title`} ref={titleRef} tabIndex={-1} className="disclose-form__title">
        {t('openness.form.title', { criterion: criterion.title })}
      </p>
      {answering && earlier?.rejectionReason && (
        <p className="notice notice--warning">
          {t('openness.form.rejectedBecause', { reason: earlier.rejectionReason })}
        </p>
      )}
      {action === 'update' && <p className="notice">{t('openness.form.reverifyNote')}</p>}
      <div ref={alertRef} tabIndex={-1} className="form-alert-anchor">
        {hasProblems && <FormAlert messages={formErrors} fieldLinks={fieldLinks} />}
      </div>

      {kind === 'link' && (
        <TextField
          id={fieldId('evidenceUrl')}
          label={fieldLabel.evidenceUrl}
          hint={t(`openness.form.urlHint.${criterion.evidence === 'DOCUMENT' ? 'DOCUMENT' : 'URL'}`)}
          required
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          maxLength={EVIDENCE_LIMITS.url}
          value={values.url}
          error={fieldError('evidenceUrl')}
          onValueChange={(url) => change({ url })}
        />
      )}

      {kind === 'number' && criterion.evidence === 'SHARE' && (
        <RadioGroupField
          id={`${prefix}-shareUnit`}
          name={`${prefix}-shareUnit`}
          legend={t('openness.form.shareUnit')}
          value={values.shareUnit}
          options={[
            { value: 'percent', label: t('openness.form.sharePercent') },
            { value: 'fraction', label: t('openness.form.shareFraction') },
          ]}
          onValueChange={(shareUnit) => change({ shareUnit: shareUnit as ShareUnit })}
        />
      )}
      {kind === 'number' && (
        <TextField
          id={fieldId('evidenceNumber')}
          label={fieldLabel.evidenceNumber}
          hint={t(
            `openness.form.numberHint.${criterion.evidence === 'COUNT' ? 'COUNT' : criterion.evidence === 'SHARE' ? 'SHARE' : 'NUMBER'}`,
          )}
          required
          inputMode={criterion.evidence === 'COUNT' ? 'numeric' : 'decimal'}
          autoComplete="off"
          className="input input--short"
          value={values.number}
          error={fieldError('evidenceNumber')}
          onValueChange={(number) => change({ number })}
        />
      )}

      {kind !== 'link' && (
        <TextAreaField
          id={fieldId('evidenceText')}
          label={fieldLabel.evidenceText}
          hint={kind === 'text' ? t('openness.form.textHint') : t('openness.form.explanationHint')}
          required={kind === 'text'}
          rows={kind === 'text' ? 4 : 2}
          value={values.text}
          error={fieldError('evidenceText')}
          onValueChange={(text) => change({ text })}
        />
      )}

      <TextField
        id={fieldId('asOf')}
        label={fieldLabel.asOf}
        hint={t('openness.form.asOfHint')}
        required
        type="date"
        max={latestAsOf()}
        className="input input--short"
        value={values.asOf}
        error={fieldError('asOf')}
        onValueChange={(asOf) => change({ asOf })}
      />

      {answering && (
        <TextAreaField
          id={fieldId('answer')}
          label={fieldLabel.answer}
          hint={t('openness.form.answerHint')}
          required
          rows={3}
          value={values.answer}
          error={fieldError('answer')}
          onValueChange={(answer) => change({ answer })}
        />
      )}

      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('openness.form.sending') : t('openness.form.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
