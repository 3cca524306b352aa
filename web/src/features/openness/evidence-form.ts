import type { DiscloseInput, EvidenceKind } from '../../gql/graphql';
import { isHttpUrl } from '../practices/practice-validation';
import { parseDecimal } from '../practices/practice-model';

// The disclose form as pure functions: what each evidence kind asks for, the checks the API makes
// (disclosure.service.ts: http(s) links, a count is a whole number ≥ 0, a share is 0–1, the as-of
// date is not in the future), and the input sent. Field keys are the API's paths under `input`.

export const EVIDENCE_LIMITS = { url: 2048, text: 5000, answer: 5000 } as const;

/** A share may be typed as a percentage (0–100, converted) or as a fraction (0–1). */
export type ShareUnit = 'percent' | 'fraction';

export type EvidenceField = 'evidenceUrl' | 'evidenceText' | 'evidenceNumber' | 'asOf' | 'answer';
export const EVIDENCE_FIELDS: readonly EvidenceField[] = [
  'evidenceUrl',
  'evidenceText',
  'evidenceNumber',
  'asOf',
  'answer',
];

export interface EvidenceFormValues {
  url: string;
  text: string;
  number: string;
  shareUnit: ShareUnit;
  asOf: string;
  answer: string;
}

export type EvidenceInputKind = 'link' | 'text' | 'number';

/** What the form asks for: a link (URL, DOCUMENT), words (TEXT) or a number (NUMBER, COUNT, SHARE). */
export function evidenceInputKind(evidence: EvidenceKind): EvidenceInputKind {
  if (evidence === 'URL' || evidence === 'DOCUMENT') return 'link';
  if (evidence === 'TEXT') return 'text';
  return 'number';
}

export type EvidenceValidationKey =
  | 'validation.required'
  | 'validation.tooLong'
  | 'validation.urlFormat'
  | 'validation.number'
  | 'validation.wholeNumber'
  | 'openness.validation.sharePercent'
  | 'openness.validation.shareFraction'
  | 'openness.validation.date'
  | 'openness.validation.dateInFuture'
  | 'openness.validation.answerRequired';

export interface EvidenceProblem {
  key: EvidenceValidationKey;
  max?: number;
}

export type EvidenceErrors = Partial<Record<EvidenceField, EvidenceProblem>>;

const pad = (value: number) => String(value).padStart(2, '0');
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * The latest as-of date the API accepts now: it refuses a date whose midnight (UTC) is still ahead,
 * so today counts once it has begun both here and in UTC.
 */
export function latestAsOf(now: Date = new Date()): string {
  const local = isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const utc = isoDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  return local < utc ? local : utc;
}

/** A real calendar date written YYYY-MM-DD (what <input type="date"> gives). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A whole number of 0 or more written with optional spaces between digit groups, or null. */
export function parseWholeNumber(raw: string): number | null {
  const value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** The share as the API stores it (0–1), from what was typed in the chosen unit; null when not a number. */
export function shareValue(raw: string, unit: ShareUnit): number | null {
  const parsed = parseDecimal(raw.replace('%', ''));
  if (parsed === null) return null;
  return unit === 'percent' ? Number((parsed / 100).toFixed(8)) : parsed;
}

export interface EvidenceContext {
  evidence: EvidenceKind;
  /** The earlier claim was rejected: the organisation answers the reason. */
  answering: boolean;
  now?: Date;
}

export function validateEvidence(values: EvidenceFormValues, context: EvidenceContext): EvidenceErrors {
  const errors: EvidenceErrors = {};
  const kind = evidenceInputKind(context.evidence);
  const url = values.url.trim();
  const text = values.text.trim();
  const number = values.number.trim();

  if (kind === 'link') {
    if (!url) errors.evidenceUrl = { key: 'validation.required' };
    else if (url.length > EVIDENCE_LIMITS.url || !isHttpUrl(url)) errors.evidenceUrl = { key: 'validation.urlFormat' };
  }
  if (kind === 'text' && !text) errors.evidenceText = { key: 'validation.required' };
  if (text.length > EVIDENCE_LIMITS.text)
    errors.evidenceText = { key: 'validation.tooLong', max: EVIDENCE_LIMITS.text };

  if (kind === 'number') {
    if (!number) errors.evidenceNumber = { key: 'validation.required' };
    else if (context.evidence === 'COUNT') {
      if (parseWholeNumber(number) === null) errors.evidenceNumber = { key: 'validation.wholeNumber' };
    } else if (context.evidence === 'SHARE') {
      const share = shareValue(number, values.shareUnit);
      const key =
        values.shareUnit === 'percent' ? 'openness.validation.sharePercent' : 'openness.validation.shareFraction';
      if (share === null || share < 0 || share > 1) errors.evidenceNumber = { key };
    } else if (parseDecimal(number) === null) {
      errors.evidenceNumber = { key: 'validation.number' };
    }
  }

  const asOf = values.asOf.trim();
  if (!asOf) errors.asOf = { key: 'validation.required' };
  else if (!isIsoDate(asOf)) errors.asOf = { key: 'openness.validation.date' };
  else if (asOf > latestAsOf(context.now)) errors.asOf = { key: 'openness.validation.dateInFuture' };

  const answer = values.answer.trim();
  if (context.answering && !answer) errors.answer = { key: 'openness.validation.answerRequired' };
  else if (answer.length > EVIDENCE_LIMITS.answer)
    errors.answer = { key: 'validation.tooLong', max: EVIDENCE_LIMITS.answer };
  return errors;
}

/** The mutation input for valid values: only what the criterion asks for (and an optional explanation). */
export function discloseInput(
  values: EvidenceFormValues,
  target: { standardKey: string; criterionKey: string; evidence: EvidenceKind; answering: boolean },
): DiscloseInput {
  const kind = evidenceInputKind(target.evidence);
  const text = values.text.trim();
  const input: DiscloseInput = {
    standardKey: target.standardKey,
    criterionKey: target.criterionKey,
    asOf: values.asOf.trim(),
  };
  if (kind === 'link') input.evidenceUrl = values.url.trim();
  if (kind === 'number') {
    input.evidenceNumber =
      target.evidence === 'SHARE'
        ? shareValue(values.number, values.shareUnit)
        : target.evidence === 'COUNT'
          ? parseWholeNumber(values.number)
          : parseDecimal(values.number);
  }
  if (text && kind !== 'link') input.evidenceText = text;
  if (target.answering && values.answer.trim()) input.answer = values.answer.trim();
  return input;
}

/** The form's field for an API error path such as ["input", "evidenceNumber"]; null for the form level. */
export function evidenceFieldKey(path: readonly string[]): EvidenceField | null {
  const field = path[0] === 'input' ? path[1] : undefined;
  return field && (EVIDENCE_FIELDS as readonly string[]).includes(field) && path.length === 2
    ? (field as EvidenceField)
    : null;
}

/**
 * Starting values: an earlier claim's evidence when there is one (a share shown as a percentage),
 * and its date when it is still the date to claim (not for stale or verified information).
 */
export function initialEvidenceValues(
  earlier: {
    evidenceUrl: string | null;
    evidenceText: string | null;
    evidenceNumber: number | null;
    asOf: string;
  } | null,
  options: { evidence: EvidenceKind; keepDate: boolean; formatNumber?: (value: number) => string },
): EvidenceFormValues {
  const format = options.formatNumber ?? String;
  const number = earlier?.evidenceNumber;
  return {
    url: earlier?.evidenceUrl ?? '',
    text: earlier?.evidenceText ?? '',
    number:
      number === null || number === undefined
        ? ''
        : format(options.evidence === 'SHARE' ? Number((number * 100).toFixed(6)) : number),
    shareUnit: 'percent',
    asOf: options.keepDate && earlier ? earlier.asOf : '',
    answer: '',
  };
}
