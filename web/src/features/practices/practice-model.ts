import type {
  FeedbackMethodCategory,
  IndicatorTier,
  ParticipationLevel,
  PracticeContentFieldsFragment,
  PracticeContentInput,
} from '../../gql/graphql';

/** The source's spectrum of participatory approaches, in order: the index + 1 is the ordinal. */
export const PARTICIPATION_LEVELS: readonly ParticipationLevel[] = [
  'CONSULTATION_FEEDBACK',
  'RESEARCH',
  'COLLABORATION_CODESIGN',
  'GOVERNANCE_PARTICIPATION',
  'DISTRIBUTED_DECISION_MAKING',
];

export const participationOrdinal = (level: ParticipationLevel) => PARTICIPATION_LEVELS.indexOf(level) + 1;

/** The outputs / outcomes / long-term outcomes framework of the source, in its order. */
export const INDICATOR_TIERS: readonly IndicatorTier[] = ['OUTPUT', 'OUTCOME', 'LONG_TERM'];

export const METHOD_CATEGORIES: readonly FeedbackMethodCategory[] = ['COLLECTION_METHOD', 'TOOL', 'RECOMMENDATION'];

export interface IndicatorRow {
  /** React key only; never sent. */
  rowKey: string;
  tier: IndicatorTier | '';
  name: string;
  unit: string;
  baseline: string;
  value: string;
  period: string;
  source: string;
}

export interface EvidenceRow {
  rowKey: string;
  title: string;
  url: string;
}

/** What the editor holds: text as typed (numbers too), converted only when sent. */
export interface PracticeFormValues {
  groupId: string;
  title: string;
  summary: string;
  problem: string;
  beneficiaryDescription: string;
  beneficiarySize: string;
  beneficiaryReach: string;
  participationLevel: ParticipationLevel | '';
  methodKeys: string[];
  returnedWhat: string;
  returnedHow: string;
  turnaroundDays: string;
  loopClosed: 'yes' | 'no' | '';
  indicators: IndicatorRow[];
  evidenceLinks: EvidenceRow[];
  resources: string;
  replicationAdvice: string;
  /** Comma-separated, as typed. */
  tags: string;
}

let nextRowKey = 0;
export const newRowKey = () => `row-${++nextRowKey}`;

export const emptyIndicator = (): IndicatorRow => ({
  rowKey: newRowKey(),
  tier: '',
  name: '',
  unit: '',
  baseline: '',
  value: '',
  period: '',
  source: '',
});

export const emptyEvidenceLink = (): EvidenceRow => ({ rowKey: newRowKey(), title: '', url: '' });

export const EMPTY_PRACTICE: PracticeFormValues = {
  groupId: '',
  title: '',
  summary: '',
  problem: '',
  beneficiaryDescription: '',
  beneficiarySize: '',
  beneficiaryReach: '',
  participationLevel: '',
  methodKeys: [],
  returnedWhat: '',
  returnedHow: '',
  turnaroundDays: '',
  loopClosed: '',
  indicators: [],
  evidenceLinks: [],
  resources: '',
  replicationAdvice: '',
  tags: '',
};

const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function valuesFromContent(content: PracticeContentFieldsFragment, groupId: string): PracticeFormValues {
  return {
    groupId,
    title: content.title,
    summary: content.summary,
    problem: content.problem ?? '',
    beneficiaryDescription: content.beneficiarySegment.description ?? '',
    beneficiarySize: numberText(content.beneficiarySegment.size),
    beneficiaryReach: content.beneficiarySegment.reach ?? '',
    participationLevel: content.participationLevel ?? '',
    methodKeys: [...content.methodKeys],
    returnedWhat: content.loopClosure.returnedWhat ?? '',
    returnedHow: content.loopClosure.returnedHow ?? '',
    turnaroundDays: numberText(content.loopClosure.turnaroundDays),
    loopClosed: content.loopClosure.closed === true ? 'yes' : content.loopClosure.closed === false ? 'no' : '',
    indicators: content.indicators.map((indicator) => ({
      rowKey: newRowKey(),
      tier: indicator.tier,
      name: indicator.name,
      unit: indicator.unit,
      baseline: numberText(indicator.baseline),
      value: numberText(indicator.value),
      period: indicator.period ?? '',
      source: indicator.source ?? '',
    })),
    evidenceLinks: content.evidenceLinks.map((link) => ({ rowKey: newRowKey(), title: link.title, url: link.url })),
    resources: content.resources ?? '',
    replicationAdvice: content.replicationAdvice ?? '',
    tags: content.tags.join(', '),
  };
}

/**
 * A number as people type it in Russian or English: "12,5", "12.5", "1 200", "-3".
 * null when it is not a number.
 */
export function parseDecimal(raw: string): number | null {
  const value = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** GraphQL Int is 32-bit. */
export const MAX_INT = 2_147_483_647;

/** A whole number of 0 or more, or null. */
export function parseCount(raw: string): number | null {
  const value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(value)) return null;
  const parsed = Number(value);
  return parsed <= MAX_INT ? parsed : null;
}

export function parseTags(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[,;\n]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The whole content, every field given (the API replaces given fields; empty text clears). Values must be valid. */
export function toContentInput(values: PracticeFormValues): PracticeContentInput {
  const optionalCount = (raw: string) => (raw.trim() === '' ? null : parseCount(raw));
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    problem: values.problem.trim(),
    beneficiarySegment: {
      description: values.beneficiaryDescription.trim(),
      size: optionalCount(values.beneficiarySize),
      reach: values.beneficiaryReach.trim(),
    },
    participationLevel: values.participationLevel || null,
    methodKeys: values.methodKeys,
    loopClosure: {
      returnedWhat: values.returnedWhat.trim(),
      returnedHow: values.returnedHow.trim(),
      turnaroundDays: optionalCount(values.turnaroundDays),
      closed: values.loopClosed === '' ? null : values.loopClosed === 'yes',
    },
    indicators: values.indicators.map((row) => ({
      tier: row.tier as IndicatorTier,
      name: row.name.trim(),
      unit: row.unit.trim(),
      baseline: row.baseline.trim() === '' ? null : parseDecimal(row.baseline),
      value: parseDecimal(row.value) ?? 0,
      period: row.period.trim(),
      source: row.source.trim(),
    })),
    evidenceLinks: values.evidenceLinks.map((link) => ({ title: link.title.trim(), url: link.url.trim() })),
    resources: values.resources.trim(),
    replicationAdvice: values.replicationAdvice.trim(),
    tags: parseTags(values.tags),
  };
}
