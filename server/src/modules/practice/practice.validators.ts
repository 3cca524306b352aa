import type { LocalizedMessage } from '../../common/errors/domain-error.js';
import { InputErrors } from '../../common/errors/domain-error.js';
import { isHttpUrl } from '../../common/validation.js';
import type { PracticeContentInput } from './dto/practice.input.js';
import type { IndicatorData, PracticeContentData } from './practice-content.js';

/** Everything that makes up a practice's content, as stored. */
export interface PracticeDraft {
  title: string;
  summary: string;
  data: PracticeContentData;
  methodKeys: string[];
}

export const LIMITS = {
  title: 200,
  summary: 1000,
  longText: 20_000,
  shortText: 500,
  methods: 10,
  indicators: 50,
  evidenceLinks: 20,
  tags: 10,
  tag: 40,
} as const;

const text = (value: string | null | undefined) => value?.trim() || undefined;
const optionalNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : value;

/** Applies an input to the current content: given fields replace, omitted ones stay, empty text clears. */
export function mergeContent(current: PracticeDraft, input: PracticeContentInput): PracticeDraft {
  const data: PracticeContentData = { ...current.data };
  const set = <K extends keyof PracticeContentData>(key: K, value: PracticeContentData[K] | undefined) => {
    if (value === undefined) delete data[key];
    else data[key] = value;
  };
  if (input.problem !== undefined) set('problem', text(input.problem));
  if (input.resources !== undefined) set('resources', text(input.resources));
  if (input.replicationAdvice !== undefined) set('replicationAdvice', text(input.replicationAdvice));
  if (input.participationLevel !== undefined) set('participationLevel', input.participationLevel ?? undefined);
  if (input.beneficiarySegment !== undefined) {
    const s = input.beneficiarySegment;
    set(
      'beneficiarySegment',
      s ? { description: text(s.description), size: optionalNumber(s.size), reach: text(s.reach) } : undefined,
    );
  }
  if (input.loopClosure !== undefined) {
    const l = input.loopClosure;
    set(
      'loopClosure',
      l
        ? {
            returnedWhat: text(l.returnedWhat),
            returnedHow: text(l.returnedHow),
            turnaroundDays: optionalNumber(l.turnaroundDays),
            closed: l.closed ?? undefined,
          }
        : undefined,
    );
  }
  if (input.indicators !== undefined) {
    set(
      'indicators',
      (input.indicators ?? []).map((i): IndicatorData => ({
        tier: i.tier,
        name: i.name.trim(),
        unit: i.unit.trim(),
        baseline: optionalNumber(i.baseline),
        value: i.value,
        period: text(i.period),
        source: text(i.source),
      })),
    );
  }
  if (input.evidenceLinks !== undefined) {
    set(
      'evidenceLinks',
      (input.evidenceLinks ?? []).map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
    );
  }
  if (input.tags !== undefined) {
    set('tags', [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))]);
  }
  return {
    title: input.title !== undefined ? (text(input.title) ?? '') : current.title,
    summary: input.summary !== undefined ? (text(input.summary) ?? '') : current.summary,
    data: JSON.parse(JSON.stringify(data)) as PracticeContentData,
    methodKeys:
      input.methodKeys !== undefined
        ? [...new Set((input.methodKeys ?? []).map((k) => k.trim()).filter(Boolean))]
        : current.methodKeys,
  };
}

const m = (ru: string, en: string): LocalizedMessage => ({ ru, en });
const tooLong = (max: number) => m(`Не длиннее ${max} символов`, `At most ${max} characters`);
const tooMany = (max: number) => m(`Не больше ${max}`, `At most ${max}`);

/** Checks formats and sizes; applies to every save, draft or published. */
export function validateShape(draft: PracticeDraft, errors: InputErrors): void {
  const at = (...path: Array<string | number>) => ['input', 'content', ...path.map(String)];
  const maxLength = (value: string | undefined, max: number, ...path: Array<string | number>) => {
    if (value && value.length > max) errors.add(at(...path), tooLong(max));
  };
  if (!draft.title) errors.add(at('title'), m('Укажите название практики', 'Title is required'));
  maxLength(draft.title, LIMITS.title, 'title');
  maxLength(draft.summary, LIMITS.summary, 'summary');
  const d = draft.data;
  for (const key of ['problem', 'resources', 'replicationAdvice'] as const) maxLength(d[key], LIMITS.longText, key);
  maxLength(d.beneficiarySegment?.description, LIMITS.longText, 'beneficiarySegment', 'description');
  maxLength(d.beneficiarySegment?.reach, LIMITS.longText, 'beneficiarySegment', 'reach');
  maxLength(d.loopClosure?.returnedWhat, LIMITS.longText, 'loopClosure', 'returnedWhat');
  maxLength(d.loopClosure?.returnedHow, LIMITS.longText, 'loopClosure', 'returnedHow');
  const size = d.beneficiarySegment?.size;
  if (size !== undefined && size !== null && size < 0)
    errors.add(at('beneficiarySegment', 'size'), m('Число не может быть отрицательным', 'Must not be negative'));
  const days = d.loopClosure?.turnaroundDays;
  if (days !== undefined && days !== null && days < 0)
    errors.add(at('loopClosure', 'turnaroundDays'), m('Число не может быть отрицательным', 'Must not be negative'));
  if (draft.methodKeys.length > LIMITS.methods) errors.add(at('methodKeys'), tooMany(LIMITS.methods));
  const indicators = d.indicators ?? [];
  if (indicators.length > LIMITS.indicators) errors.add(at('indicators'), tooMany(LIMITS.indicators));
  indicators.forEach((indicator, i) => {
    if (!indicator.name) errors.add(at('indicators', i, 'name'), m('Укажите, что измеряется', 'Name what is measured'));
    if (!indicator.unit) errors.add(at('indicators', i, 'unit'), m('Укажите единицу измерения', 'Give a unit'));
    maxLength(indicator.name, LIMITS.shortText, 'indicators', i, 'name');
    maxLength(indicator.unit, 50, 'indicators', i, 'unit');
    maxLength(indicator.period, 100, 'indicators', i, 'period');
    maxLength(indicator.source, LIMITS.shortText, 'indicators', i, 'source');
    for (const key of ['value', 'baseline'] as const) {
      const value = indicator[key];
      if (value !== undefined && value !== null && !Number.isFinite(value))
        errors.add(at('indicators', i, key), m('Нужно число', 'Must be a number'));
    }
  });
  const links = d.evidenceLinks ?? [];
  if (links.length > LIMITS.evidenceLinks) errors.add(at('evidenceLinks'), tooMany(LIMITS.evidenceLinks));
  links.forEach((link, i) => {
    if (!link.title)
      errors.add(at('evidenceLinks', i, 'title'), m('Укажите, что это за материал', 'Say what the link is'));
    maxLength(link.title, LIMITS.shortText, 'evidenceLinks', i, 'title');
    if (!isHttpUrl(link.url)) {
      errors.add(
        at('evidenceLinks', i, 'url'),
        m('Ссылка должна начинаться с http:// или https://', 'Link must be an http:// or https:// address'),
      );
    }
  });
  const tags = d.tags ?? [];
  if (tags.length > LIMITS.tags) errors.add(at('tags'), tooMany(LIMITS.tags));
  tags.forEach((tag, i) => maxLength(tag, LIMITS.tag, 'tags', i));
}

/** What a practice must have before it is published. */
export function validateForPublish(draft: PracticeDraft, errors: InputErrors): void {
  const at = (...path: string[]) => ['input', 'content', ...path];
  const required = (present: unknown, path: string[], ru: string, en: string) => {
    if (
      present === undefined ||
      present === null ||
      present === '' ||
      (Array.isArray(present) && present.length === 0)
    ) {
      errors.add(at(...path), m(`Для публикации ${ru}`, `To publish, ${en}`));
    }
  };
  const d = draft.data;
  required(draft.summary, ['summary'], 'нужно краткое описание', 'add a summary');
  required(d.problem, ['problem'], 'опишите проблему и контекст', 'describe the problem and context');
  required(
    d.beneficiarySegment?.description,
    ['beneficiarySegment', 'description'],
    'опишите благополучателей',
    'describe the beneficiaries',
  );
  required(d.participationLevel, ['participationLevel'], 'выберите уровень участия', 'choose the participation level');
  required(draft.methodKeys, ['methodKeys'], 'выберите хотя бы один метод', 'choose at least one method');
  required(
    d.loopClosure?.returnedWhat,
    ['loopClosure', 'returnedWhat'],
    'расскажите, что вернули благополучателям',
    'say what was returned to beneficiaries',
  );
  required(
    d.loopClosure?.returnedHow,
    ['loopClosure', 'returnedHow'],
    'расскажите, как вернули обратную связь',
    'say how it was returned',
  );
  required(
    d.loopClosure?.closed,
    ['loopClosure', 'closed'],
    'отметьте, замкнута ли петля обратной связи',
    'say whether the loop is closed',
  );
  required(
    d.indicators,
    ['indicators'],
    'добавьте хотя бы один показатель результата',
    'add at least one result indicator',
  );
}
