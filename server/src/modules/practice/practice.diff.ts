import { Field, ObjectType } from 'type-graphql';
import type { Indicator, PracticeContent } from './practice-content.js';

@ObjectType({ description: 'One field that differs between two revisions, with both values as readable text.' })
export class FieldChange {
  @Field({ description: 'Path of the field, e.g. `summary` or `loopClosure.returnedHow`.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Value in the earlier revision; null when absent.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Value in the later revision; null when absent.' })
  after!: string | null;
}

const indicatorLine = (i: Indicator) =>
  `${i.tier} · ${i.name}: ${i.baseline ?? '—'} → ${i.value} ${i.unit}${i.period ? ` (${i.period})` : ''}${i.source ? `; ${i.source}` : ''}`;

/** Every comparable field of a practice's content, flattened to readable text. */
function flatten(content: PracticeContent): Record<string, string | null> {
  const text = (v: string | number | boolean | null | undefined) =>
    v === undefined || v === null || v === '' ? null : String(v);
  const lines = (items: string[]) => (items.length ? items.join('\n') : null);
  return {
    title: text(content.title),
    summary: text(content.summary),
    problem: text(content.problem),
    'beneficiarySegment.description': text(content.beneficiarySegment.description),
    'beneficiarySegment.size': text(content.beneficiarySegment.size),
    'beneficiarySegment.reach': text(content.beneficiarySegment.reach),
    participationLevel: text(content.participationLevel),
    methodKeys: lines(content.methodKeys),
    'loopClosure.returnedWhat': text(content.loopClosure.returnedWhat),
    'loopClosure.returnedHow': text(content.loopClosure.returnedHow),
    'loopClosure.turnaroundDays': text(content.loopClosure.turnaroundDays),
    'loopClosure.closed': text(content.loopClosure.closed),
    indicators: lines(content.indicators.map(indicatorLine)),
    evidenceLinks: lines(content.evidenceLinks.map((l) => `${l.title} <${l.url}>`)),
    resources: text(content.resources),
    replicationAdvice: text(content.replicationAdvice),
    tags: lines(content.tags),
  };
}

/** The fields that changed from `before` to `after`, in the order of the form. */
export function diffContent(before: PracticeContent, after: PracticeContent): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  return Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}
