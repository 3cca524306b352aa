import { useTranslation } from 'react-i18next';
import type { FeedbackMethodCategory, IndicatorTier } from '../../../../gql/graphql';
import {
  ChoiceLabel,
  FieldsetShell,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../../app/ui/form-fields';
import {
  INDICATOR_TIERS,
  METHOD_CATEGORIES,
  PARTICIPATION_LEVELS,
  type EvidenceRow,
  type IndicatorRow,
  type PracticeFormValues,
} from '../../practice-model';
import { practiceFieldId } from '../../practice-fields';
import { MarkdownField } from './markdown-field';

export interface EditorMethod {
  key: string;
  category: FeedbackMethodCategory;
  title: string;
  description: string;
}

export interface EditorGroup {
  id: string;
  slug: string;
  title: string;
}

/** What every step gets: the values, the errors by field key, and ways to change them. */
export interface StepProps {
  values: PracticeFormValues;
  errors: Record<string, string>;
  change: <K extends keyof PracticeFormValues>(field: K, value: PracticeFormValues[K], errorKey: string) => void;
}

const fid = practiceFieldId;

export function ContextStep({
  values,
  errors,
  change,
  groups,
  fixedGroup,
}: StepProps & { groups: readonly EditorGroup[]; fixedGroup: EditorGroup | null }) {
  const { t } = useTranslation();
  const toPublish = t('practice.editor.neededToPublish');
  return (
    <>
      {fixedGroup ? (
        <p className="muted">{t('practice.editor.groupFixed', { group: fixedGroup.title })}</p>
      ) : (
        <SelectField
          id={fid('groupId')}
          label={t('practice.fields.group')}
          hint={t('practice.editor.groupHint')}
          required
          value={values.groupId}
          error={errors.groupId}
          options={[
            { value: '', label: t('practice.editor.chooseGroup') },
            ...groups.map((group) => ({ value: group.id, label: group.title })),
          ]}
          onValueChange={(value) => change('groupId', value, 'groupId')}
        />
      )}
      <TextField
        id={fid('title')}
        label={t('practice.fields.title')}
        hint={t('practice.editor.titleHint')}
        required
        value={values.title}
        error={errors.title}
        onValueChange={(value) => change('title', value, 'title')}
      />
      <TextAreaField
        id={fid('summary')}
        label={t('practice.fields.summary')}
        hint={`${t('practice.editor.summaryHint')} ${toPublish}`}
        rows={4}
        value={values.summary}
        error={errors.summary}
        onValueChange={(value) => change('summary', value, 'summary')}
      />
      <MarkdownField
        id={fid('problem')}
        label={t('practice.fields.problem')}
        hint={toPublish}
        value={values.problem}
        error={errors.problem}
        onValueChange={(value) => change('problem', value, 'problem')}
      />
      <fieldset className="fieldset subform">
        <legend className="subform__legend">{t('practice.fields.beneficiarySegment')}</legend>
        <TextAreaField
          id={fid('beneficiarySegment.description')}
          label={t('practice.fields.beneficiaryDescription')}
          hint={toPublish}
          value={values.beneficiaryDescription}
          error={errors['beneficiarySegment.description']}
          onValueChange={(value) => change('beneficiaryDescription', value, 'beneficiarySegment.description')}
        />
        <TextField
          id={fid('beneficiarySegment.size')}
          label={t('practice.fields.beneficiarySize')}
          hint={t('practice.editor.sizeHint')}
          inputMode="numeric"
          className="input input--short"
          value={values.beneficiarySize}
          error={errors['beneficiarySegment.size']}
          onValueChange={(value) => change('beneficiarySize', value, 'beneficiarySegment.size')}
        />
        <TextAreaField
          id={fid('beneficiarySegment.reach')}
          label={t('practice.fields.beneficiaryReach')}
          rows={3}
          value={values.beneficiaryReach}
          error={errors['beneficiarySegment.reach']}
          onValueChange={(value) => change('beneficiaryReach', value, 'beneficiarySegment.reach')}
        />
      </fieldset>
    </>
  );
}

export function ParticipationStep({ values, errors, change }: StepProps) {
  const { t } = useTranslation();
  return (
    <RadioGroupField
      id={fid('participationLevel')}
      name="participationLevel"
      legend={t('practice.editor.levelLegend')}
      hint={t('practice.editor.neededToPublish')}
      value={values.participationLevel}
      error={errors.participationLevel}
      className="level-choices"
      options={PARTICIPATION_LEVELS.map((level, index) => ({
        value: level,
        label: (
          <strong>
            {index + 1}. {t(`practice.level.${level}`)}
          </strong>
        ),
        hint: t(`practice.levelDescription.${level}`),
      }))}
      onValueChange={(value) =>
        change('participationLevel', value as PracticeFormValues['participationLevel'], 'participationLevel')
      }
    />
  );
}

export function MethodsStep({ values, errors, change, methods }: StepProps & { methods: readonly EditorMethod[] }) {
  const { t } = useTranslation();
  // The first checkbox carries the field's id, so the error summary can move focus to it.
  const firstKey = METHOD_CATEGORIES.flatMap((category) => methods.filter((m) => m.category === category))[0]?.key;
  const toggle = (key: string, checked: boolean) =>
    change(
      'methodKeys',
      checked ? [...values.methodKeys, key] : values.methodKeys.filter((existing) => existing !== key),
      'methodKeys',
    );
  return (
    <FieldsetShell
      id={`${fid('methodKeys')}-group`}
      legend={t('practice.editor.methodsLegend')}
      hint={t('practice.editor.neededToPublish')}
      error={errors.methodKeys}
    >
      {METHOD_CATEGORIES.map((category) => {
        const inCategory = methods.filter((method) => method.category === category);
        if (inCategory.length === 0) return null;
        return (
          <fieldset key={category} className="fieldset method-category">
            <legend className="method-category__legend">{t(`practice.methodCategory.${category}`)}</legend>
            {inCategory.map((method) => {
              const id = method.key === firstKey ? fid('methodKeys') : `${fid('methodKeys')}-${method.key}`;
              return (
                <label key={method.key} className="choice" htmlFor={id}>
                  <input
                    type="checkbox"
                    id={id}
                    value={method.key}
                    checked={values.methodKeys.includes(method.key)}
                    aria-invalid={errors.methodKeys ? true : undefined}
                    onChange={(event) => toggle(method.key, event.target.checked)}
                  />
                  <ChoiceLabel option={{ value: method.key, label: method.title, hint: method.description }} />
                </label>
              );
            })}
          </fieldset>
        );
      })}
    </FieldsetShell>
  );
}

export function LoopStep({ values, errors, change }: StepProps) {
  const { t } = useTranslation();
  const toPublish = t('practice.editor.neededToPublish');
  return (
    <>
      <TextAreaField
        id={fid('loopClosure.returnedWhat')}
        label={t('practice.fields.returnedWhat')}
        hint={toPublish}
        rows={5}
        value={values.returnedWhat}
        error={errors['loopClosure.returnedWhat']}
        onValueChange={(value) => change('returnedWhat', value, 'loopClosure.returnedWhat')}
      />
      <TextAreaField
        id={fid('loopClosure.returnedHow')}
        label={t('practice.fields.returnedHow')}
        hint={toPublish}
        value={values.returnedHow}
        error={errors['loopClosure.returnedHow']}
        onValueChange={(value) => change('returnedHow', value, 'loopClosure.returnedHow')}
      />
      <TextField
        id={fid('loopClosure.turnaroundDays')}
        label={t('practice.fields.turnaroundDays')}
        hint={t('practice.editor.turnaroundHint')}
        inputMode="numeric"
        className="input input--short"
        value={values.turnaroundDays}
        error={errors['loopClosure.turnaroundDays']}
        onValueChange={(value) => change('turnaroundDays', value, 'loopClosure.turnaroundDays')}
      />
      <RadioGroupField
        id={fid('loopClosure.closed')}
        name="loopClosed"
        legend={t('practice.editor.closedLegend')}
        hint={toPublish}
        value={values.loopClosed}
        error={errors['loopClosure.closed']}
        options={[
          { value: 'yes', label: t('practice.yes') },
          { value: 'no', label: t('practice.no') },
        ]}
        onValueChange={(value) => change('loopClosed', value as PracticeFormValues['loopClosed'], 'loopClosure.closed')}
      />
    </>
  );
}

type IndicatorField = Exclude<keyof IndicatorRow, 'rowKey'>;

export function ResultsStep({
  values,
  errors,
  onIndicatorChange,
  onAddIndicator,
  onRemoveIndicator,
}: Omit<StepProps, 'change'> & {
  onIndicatorChange: (index: number, field: IndicatorField, value: string) => void;
  onAddIndicator: () => void;
  onRemoveIndicator: (index: number) => void;
}) {
  const { t } = useTranslation();
  const listError = errors.indicators;
  const cell = (index: number, field: IndicatorField, input: { inputMode?: 'decimal'; wide?: boolean } = {}) => {
    const key = `indicators.${index}.${field}`;
    return (
      <td className={input.wide ? 'indicator-cell indicator-cell--wide' : 'indicator-cell'}>
        <TextField
          id={fid(key)}
          label={`${t(`practice.fields.${field}`)}, ${t('practice.editor.indicatorRow', { number: index + 1 })}`}
          className="input input--cell"
          inputMode={input.inputMode}
          value={values.indicators[index]![field]}
          error={errors[key]}
          onValueChange={(value) => onIndicatorChange(index, field, value)}
        />
      </td>
    );
  };
  return (
    <>
      <dl className="tier-guide">
        {INDICATOR_TIERS.map((tier) => (
          <div key={tier}>
            <dt>{t(`practice.tier.${tier}`)}</dt>
            <dd>{t(`practice.tierHint.${tier}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint" id="indicators-hint">
        {t('practice.editor.indicatorsHint')}
      </p>
      {listError && (
        <p className="field__error" id="indicators-error">
          <span className="visually-hidden">{t('forms.errorPrefix')}: </span>
          {listError}
        </p>
      )}
      {values.indicators.length === 0 ? (
        <p className="muted">{t('practice.editor.noIndicators')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table indicator-table">
            <caption className="visually-hidden">{t('practice.fields.indicators')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('practice.fields.tier')}</th>
                <th scope="col">{t('practice.fields.name')}</th>
                <th scope="col">{t('practice.fields.unit')}</th>
                <th scope="col">{t('practice.fields.baseline')}</th>
                <th scope="col">{t('practice.fields.value')}</th>
                <th scope="col">{t('practice.fields.period')}</th>
                <th scope="col">{t('practice.fields.source')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('practice.editor.removeIndicator')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {values.indicators.map((row, index) => (
                <tr key={row.rowKey} data-indicator-row={index}>
                  <td className="indicator-cell">
                    <SelectField
                      id={fid(`indicators.${index}.tier`)}
                      label={`${t('practice.fields.tier')}, ${t('practice.editor.indicatorRow', { number: index + 1 })}`}
                      className="input input--select input--cell"
                      value={row.tier}
                      error={errors[`indicators.${index}.tier`]}
                      options={[
                        { value: '', label: t('practice.editor.chooseTier') },
                        ...INDICATOR_TIERS.map((tier: IndicatorTier) => ({
                          value: tier,
                          label: t(`practice.tier.${tier}`),
                        })),
                      ]}
                      onValueChange={(value) => onIndicatorChange(index, 'tier', value)}
                    />
                  </td>
                  {cell(index, 'name', { wide: true })}
                  {cell(index, 'unit')}
                  {cell(index, 'baseline', { inputMode: 'decimal' })}
                  {cell(index, 'value', { inputMode: 'decimal' })}
                  {cell(index, 'period')}
                  {cell(index, 'source', { wide: true })}
                  <td>
                    <button
                      type="button"
                      className="button button--danger-quiet"
                      aria-label={t('practice.editor.removeIndicatorLabel', { number: index + 1 })}
                      onClick={() => onRemoveIndicator(index)}
                    >
                      {t('practice.editor.removeIndicator')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="button-row">
        <button
          type="button"
          id={fid('indicators')}
          className="button button--secondary"
          aria-describedby={listError ? 'indicators-hint indicators-error' : 'indicators-hint'}
          onClick={onAddIndicator}
        >
          {t('practice.editor.addIndicator')}
        </button>
      </p>
    </>
  );
}

export function EvidenceStep({
  values,
  errors,
  change,
  onLinkChange,
  onAddLink,
  onRemoveLink,
}: StepProps & {
  onLinkChange: (index: number, field: Exclude<keyof EvidenceRow, 'rowKey'>, value: string) => void;
  onAddLink: () => void;
  onRemoveLink: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="fieldset subform">
        <legend className="subform__legend">{t('practice.fields.evidenceLinks')}</legend>
        {errors.evidenceLinks && (
          <p className="field__error" id="evidence-links-error">
            <span className="visually-hidden">{t('forms.errorPrefix')}: </span>
            {errors.evidenceLinks}
          </p>
        )}
        {values.evidenceLinks.length === 0 && <p className="muted">{t('practice.editor.noLinks')}</p>}
        <ol className="evidence-rows">
          {values.evidenceLinks.map((link, index) => (
            <li key={link.rowKey} className="evidence-row" data-evidence-row={index}>
              <fieldset className="fieldset">
                <legend className="visually-hidden">{t('practice.editor.linkNumber', { number: index + 1 })}</legend>
                <div className="field-row">
                  <TextField
                    id={fid(`evidenceLinks.${index}.title`)}
                    label={t('practice.fields.linkTitle')}
                    value={link.title}
                    error={errors[`evidenceLinks.${index}.title`]}
                    onValueChange={(value) => onLinkChange(index, 'title', value)}
                  />
                  <TextField
                    id={fid(`evidenceLinks.${index}.url`)}
                    type="url"
                    inputMode="url"
                    spellCheck={false}
                    label={t('practice.fields.linkUrl')}
                    value={link.url}
                    error={errors[`evidenceLinks.${index}.url`]}
                    onValueChange={(value) => onLinkChange(index, 'url', value)}
                  />
                </div>
                <button type="button" className="button button--danger-quiet" onClick={() => onRemoveLink(index)}>
                  {t('practice.editor.removeLink', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <p className="button-row">
          <button
            type="button"
            id={fid('evidenceLinks')}
            className="button button--secondary"
            aria-describedby={errors.evidenceLinks ? 'evidence-links-error' : undefined}
            onClick={onAddLink}
          >
            {t('practice.editor.addLink')}
          </button>
        </p>
      </fieldset>
      <MarkdownField
        id={fid('resources')}
        label={t('practice.fields.resources')}
        rows={5}
        value={values.resources}
        error={errors.resources}
        onValueChange={(value) => change('resources', value, 'resources')}
      />
      <MarkdownField
        id={fid('replicationAdvice')}
        label={t('practice.fields.replicationAdvice')}
        rows={5}
        value={values.replicationAdvice}
        error={errors.replicationAdvice}
        onValueChange={(value) => change('replicationAdvice', value, 'replicationAdvice')}
      />
      <TextField
        id={fid('tags')}
        label={t('practice.fields.tags')}
        hint={t('practice.editor.tagsHint')}
        value={values.tags}
        error={errors.tags}
        onValueChange={(value) => change('tags', value, 'tags')}
      />
    </>
  );
}
