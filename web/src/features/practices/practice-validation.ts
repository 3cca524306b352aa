import {
  INDICATOR_TIERS,
  parseCount,
  parseDecimal,
  parseTags,
  type EvidenceRow,
  type IndicatorRow,
  type PracticeFormValues,
} from './practice-model';

// Pure validation of the practice editor, mirroring the API's rules (lengths from the schema's
// descriptions and the server's limits) so that people learn about a problem before sending.
// Field keys are the API's paths under `input.content`: "title", "loopClosure.returnedWhat",
// "indicators.0.value"; messages are i18n keys with their parameters.

export const PRACTICE_LIMITS = {
  title: 200,
  summary: 1000,
  longText: 20_000,
  shortText: 500,
  unit: 50,
  period: 100,
  methods: 10,
  indicators: 50,
  evidenceLinks: 20,
  tags: 10,
  tag: 40,
} as const;

export type PracticeValidationKey =
  | 'validation.required'
  | 'validation.tooLong'
  | 'validation.tooMany'
  | 'validation.number'
  | 'validation.wholeNumber'
  | 'validation.urlFormat'
  | 'validation.tagTooLong'
  | 'validation.chooseOne'
  | 'validation.publishRequired'
  | 'validation.publishMethods'
  | 'validation.publishIndicators'
  | 'validation.publishLevel'
  | 'validation.publishClosed';

export interface PracticeProblem {
  key: PracticeValidationKey;
  max?: number;
}

export type PracticeErrors = Record<string, PracticeProblem>;

export type IndicatorField = Exclude<keyof IndicatorRow, 'rowKey'>;

/** Problems of one indicator row, by its field. */
export function validateIndicatorRow(row: IndicatorRow): Partial<Record<IndicatorField, PracticeProblem>> {
  const errors: Partial<Record<IndicatorField, PracticeProblem>> = {};
  if (!row.tier || !INDICATOR_TIERS.includes(row.tier)) errors.tier = { key: 'validation.chooseOne' };
  const name = row.name.trim();
  if (!name) errors.name = { key: 'validation.required' };
  else if (name.length > PRACTICE_LIMITS.shortText) errors.name = { key: 'validation.tooLong', max: 500 };
  const unit = row.unit.trim();
  if (!unit) errors.unit = { key: 'validation.required' };
  else if (unit.length > PRACTICE_LIMITS.unit) errors.unit = { key: 'validation.tooLong', max: PRACTICE_LIMITS.unit };
  if (!row.value.trim()) errors.value = { key: 'validation.required' };
  else if (parseDecimal(row.value) === null) errors.value = { key: 'validation.number' };
  if (row.baseline.trim() && parseDecimal(row.baseline) === null) errors.baseline = { key: 'validation.number' };
  if (row.period.trim().length > PRACTICE_LIMITS.period)
    errors.period = { key: 'validation.tooLong', max: PRACTICE_LIMITS.period };
  if (row.source.trim().length > PRACTICE_LIMITS.shortText)
    errors.source = { key: 'validation.tooLong', max: PRACTICE_LIMITS.shortText };
  return errors;
}

export function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function validateEvidenceRow(row: EvidenceRow): Partial<Record<'title' | 'url', PracticeProblem>> {
  const errors: Partial<Record<'title' | 'url', PracticeProblem>> = {};
  const title = row.title.trim();
  if (!title) errors.title = { key: 'validation.required' };
  else if (title.length > PRACTICE_LIMITS.shortText)
    errors.title = { key: 'validation.tooLong', max: PRACTICE_LIMITS.shortText };
  if (!row.url.trim()) errors.url = { key: 'validation.required' };
  else if (!isHttpUrl(row.url)) errors.url = { key: 'validation.urlFormat' };
  return errors;
}

export interface ValidateOptions {
  /** "publish" adds what the API requires before a practice is public (also for edits of published ones). */
  mode: 'draft' | 'publish';
  /** A new practice chooses its group; an existing one keeps it. */
  withGroup: boolean;
}

export function validatePractice(values: PracticeFormValues, options: ValidateOptions): PracticeErrors {
  const errors: PracticeErrors = {};
  const maxLength = (key: string, value: string, max: number) => {
    if (value.trim().length > max && !errors[key]) errors[key] = { key: 'validation.tooLong', max };
  };
  const count = (key: string, value: string) => {
    if (value.trim() && parseCount(value) === null) errors[key] = { key: 'validation.wholeNumber' };
  };

  if (options.withGroup && !values.groupId) errors.groupId = { key: 'validation.chooseOne' };
  if (!values.title.trim()) errors.title = { key: 'validation.required' };
  maxLength('title', values.title, PRACTICE_LIMITS.title);
  maxLength('summary', values.summary, PRACTICE_LIMITS.summary);
  maxLength('problem', values.problem, PRACTICE_LIMITS.longText);
  maxLength('beneficiarySegment.description', values.beneficiaryDescription, PRACTICE_LIMITS.longText);
  maxLength('beneficiarySegment.reach', values.beneficiaryReach, PRACTICE_LIMITS.longText);
  count('beneficiarySegment.size', values.beneficiarySize);
  if (values.methodKeys.length > PRACTICE_LIMITS.methods)
    errors.methodKeys = { key: 'validation.tooMany', max: PRACTICE_LIMITS.methods };
  maxLength('loopClosure.returnedWhat', values.returnedWhat, PRACTICE_LIMITS.longText);
  maxLength('loopClosure.returnedHow', values.returnedHow, PRACTICE_LIMITS.longText);
  count('loopClosure.turnaroundDays', values.turnaroundDays);

  if (values.indicators.length > PRACTICE_LIMITS.indicators)
    errors.indicators = { key: 'validation.tooMany', max: PRACTICE_LIMITS.indicators };
  values.indicators.forEach((row, index) => {
    for (const [field, problem] of Object.entries(validateIndicatorRow(row))) {
      errors[`indicators.${index}.${field}`] = problem;
    }
  });
  if (values.evidenceLinks.length > PRACTICE_LIMITS.evidenceLinks)
    errors.evidenceLinks = { key: 'validation.tooMany', max: PRACTICE_LIMITS.evidenceLinks };
  values.evidenceLinks.forEach((row, index) => {
    for (const [field, problem] of Object.entries(validateEvidenceRow(row))) {
      errors[`evidenceLinks.${index}.${field}`] = problem;
    }
  });
  maxLength('resources', values.resources, PRACTICE_LIMITS.longText);
  maxLength('replicationAdvice', values.replicationAdvice, PRACTICE_LIMITS.longText);
  const tags = parseTags(values.tags);
  if (tags.length > PRACTICE_LIMITS.tags) errors.tags = { key: 'validation.tooMany', max: PRACTICE_LIMITS.tags };
  else if (tags.some((tag) => tag.length > PRACTICE_LIMITS.tag))
    errors.tags = { key: 'validation.tagTooLong', max: PRACTICE_LIMITS.tag };

  if (options.mode === 'publish') {
    const required = (key: string, value: string) => {
      if (!value.trim() && !errors[key]) errors[key] = { key: 'validation.publishRequired' };
    };
    required('summary', values.summary);
    required('problem', values.problem);
    required('beneficiarySegment.description', values.beneficiaryDescription);
    if (!values.participationLevel) errors.participationLevel = { key: 'validation.publishLevel' };
    if (values.methodKeys.length === 0) errors.methodKeys = { key: 'validation.publishMethods' };
    required('loopClosure.returnedWhat', values.returnedWhat);
    required('loopClosure.returnedHow', values.returnedHow);
    if (!values.loopClosed) errors['loopClosure.closed'] = { key: 'validation.publishClosed' };
    if (values.indicators.length === 0) errors.indicators = { key: 'validation.publishIndicators' };
  }
  return errors;
}
