import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IndicatorTier, ParticipationLevel } from './practice.enums.js';

/** The stored shape of a practice's content (JSON), shared by the practice and its revisions. */
export interface PracticeContentData {
  problem?: string;
  beneficiarySegment?: { description?: string; size?: number | null; reach?: string };
  participationLevel?: ParticipationLevel;
  loopClosure?: { returnedWhat?: string; returnedHow?: string; turnaroundDays?: number | null; closed?: boolean };
  indicators?: IndicatorData[];
  evidenceLinks?: Array<{ title: string; url: string }>;
  resources?: string;
  replicationAdvice?: string;
  tags?: string[];
}

export interface IndicatorData {
  tier: IndicatorTier;
  name: string;
  unit: string;
  baseline?: number | null;
  value: number;
  period?: string;
  source?: string;
}

@ObjectType({
  description: 'Who the beneficiaries are (сегмент благополучателей), how many, and how they were reached.',
})
export class BeneficiarySegment {
  @Field(() => String, { nullable: true, description: 'Who they are.' })
  description?: string;

  @Field(() => Int, { nullable: true, description: 'How many people the segment counts.' })
  size?: number | null;

  @Field(() => String, { nullable: true, description: 'How they were reached.' })
  reach?: string;
}

@ObjectType({
  description:
    'How the feedback loop is closed (возвращение обратной связи): what was returned to beneficiaries, how and how fast.',
})
export class LoopClosure {
  @Field(() => String, { nullable: true, description: 'What was returned: results, decisions, what changed.' })
  returnedWhat?: string;

  @Field(() => String, { nullable: true, description: 'How it was returned: meeting, letter, messenger, poster, …' })
  returnedHow?: string;

  @Field(() => Int, { nullable: true, description: 'Days until beneficiaries heard back.' })
  turnaroundDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the loop is closed: beneficiaries learn what became of their feedback.',
  })
  closed?: boolean;
}

@ObjectType({ description: 'A result indicator in one of the three tiers (outputs, outcomes, long-term effects).' })
export class Indicator {
  @Field(() => IndicatorTier, { description: 'Tier.' })
  tier!: IndicatorTier;

  @Field({ description: 'What is measured.' })
  name!: string;

  @Field({ description: 'Unit, e.g. "%", "people", "decisions".' })
  unit!: string;

  @Field(() => Float, { nullable: true, description: 'Value before the practice.' })
  baseline?: number | null;

  @Field(() => Float, { description: 'Value reached.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Period, e.g. "2025" or "Q1 2026".' })
  period?: string;

  @Field(() => String, { nullable: true, description: 'Where the figure comes from.' })
  source?: string;
}

@ObjectType({ description: 'A link to evidence: a report, an evaluation, a publication.' })
export class EvidenceLink {
  @Field({ description: 'What it is.' })
  title!: string;

  @Field({ description: 'Address (http or https).' })
  url!: string;
}

@ObjectType({ description: 'The content of a practice (or of one revision). Long texts are Markdown source.' })
export class PracticeContent {
  @Field({ description: 'Title.' })
  title!: string;

  @Field({ description: 'Summary in a few sentences.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The problem and its context (Markdown).' })
  problem?: string;

  @Field(() => BeneficiarySegment, { description: 'Who the beneficiaries are.' })
  beneficiarySegment!: BeneficiarySegment;

  @Field(() => ParticipationLevel, { nullable: true, description: 'Participation level reached.' })
  participationLevel?: ParticipationLevel;

  @Field(() => [String], { description: 'Keys of the feedback methods used, from the catalogue.' })
  methodKeys!: string[];

  @Field(() => LoopClosure, { description: 'How the feedback loop is closed.' })
  loopClosure!: LoopClosure;

  @Field(() => [Indicator], { description: 'Result indicators, in catalogue order of tiers.' })
  indicators!: Indicator[];

  @Field(() => [EvidenceLink], { description: 'Links to evidence.' })
  evidenceLinks!: EvidenceLink[];

  @Field(() => String, { nullable: true, description: 'Resources it took (Markdown).' })
  resources?: string;

  @Field(() => String, { nullable: true, description: 'Advice for those who would repeat it (Markdown).' })
  replicationAdvice?: string;

  @Field(() => [String], { description: 'Tags.' })
  tags!: string[];
}

/** The GraphQL view of stored content. */
export function toPracticeContent(
  title: string,
  summary: string,
  data: PracticeContentData,
  methodKeys: string[],
): PracticeContent {
  return {
    title,
    summary,
    problem: data.problem,
    beneficiarySegment: data.beneficiarySegment ?? {},
    participationLevel: data.participationLevel,
    methodKeys,
    loopClosure: data.loopClosure ?? {},
    indicators: data.indicators ?? [],
    evidenceLinks: data.evidenceLinks ?? [],
    resources: data.resources,
    replicationAdvice: data.replicationAdvice,
    tags: data.tags ?? [],
  };
}
