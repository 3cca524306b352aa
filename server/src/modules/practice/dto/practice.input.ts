import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IndicatorTier, ParticipationLevel } from '../practice.enums.js';

@InputType({ description: 'Who the beneficiaries are, how many, how they were reached.' })
export class BeneficiarySegmentInput {
  @Field(() => String, { nullable: true, description: 'Who they are.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people the segment counts (0 or more).' })
  size?: number | null;

  @Field(() => String, { nullable: true, description: 'How they were reached.' })
  reach?: string | null;
}

@InputType({ description: 'How the feedback loop is closed.' })
export class LoopClosureInput {
  @Field(() => String, { nullable: true, description: 'What was returned to beneficiaries.' })
  returnedWhat?: string | null;

  @Field(() => String, { nullable: true, description: 'How it was returned.' })
  returnedHow?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days until beneficiaries heard back (0 or more).' })
  turnaroundDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the loop is closed.' })
  closed?: boolean | null;
}

@InputType({ description: 'A result indicator.' })
export class IndicatorInput {
  @Field(() => IndicatorTier, { description: 'Tier: OUTPUT, OUTCOME or LONG_TERM.' })
  tier!: IndicatorTier;

  @Field({ description: 'What is measured.' })
  name!: string;

  @Field({ description: 'Unit.' })
  unit!: string;

  @Field(() => Float, { nullable: true, description: 'Value before the practice (a number).' })
  baseline?: number | null;

  @Field(() => Float, { description: 'Value reached (a number).' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Period.' })
  period?: string | null;

  @Field(() => String, { nullable: true, description: 'Source of the figure.' })
  source?: string | null;
}

@InputType({ description: 'A link to evidence.' })
export class EvidenceLinkInput {
  @Field({ description: 'What it is.' })
  title!: string;

  @Field({ description: 'Address: http or https only.' })
  url!: string;
}

@InputType({
  description:
    'Content of a practice. On update, every field given replaces the stored one and omitted fields stay; lists are replaced whole.',
})
export class PracticeContentInput {
  @Field(() => String, { nullable: true, description: 'Title (up to 200 characters; required).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary (up to 1,000 characters; required to publish).' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Problem and context, Markdown (required to publish).' })
  problem?: string | null;

  @Field(() => BeneficiarySegmentInput, {
    nullable: true,
    description: 'Beneficiary segment (its description is required to publish).',
  })
  beneficiarySegment?: BeneficiarySegmentInput | null;

  @Field(() => ParticipationLevel, { nullable: true, description: 'Participation level (required to publish).' })
  participationLevel?: ParticipationLevel | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Keys of catalogue methods used (at least one to publish, at most 10).',
  })
  methodKeys?: string[] | null;

  @Field(() => LoopClosureInput, {
    nullable: true,
    description: 'Loop closure (what, how and whether it is closed are required to publish).',
  })
  loopClosure?: LoopClosureInput | null;

  @Field(() => [IndicatorInput], {
    nullable: true,
    description: 'Result indicators (at least one to publish, at most 50).',
  })
  indicators?: IndicatorInput[] | null;

  @Field(() => [EvidenceLinkInput], { nullable: true, description: 'Evidence links (at most 20).' })
  evidenceLinks?: EvidenceLinkInput[] | null;

  @Field(() => String, { nullable: true, description: 'Resources it took, Markdown.' })
  resources?: string | null;

  @Field(() => String, { nullable: true, description: 'Advice for replication, Markdown.' })
  replicationAdvice?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags (at most 10, each up to 40 characters).' })
  tags?: string[] | null;
}

@InputType({ description: 'A new draft practice of the organisation the caller acts for.' })
export class CreatePracticeInput {
  @Field(() => ID, { description: 'Thematic group to publish in; the organisation must be an ACTIVE member.' })
  groupId!: string;

  @Field(() => PracticeContentInput, { description: 'Content; only the title is required for a draft.' })
  content!: PracticeContentInput;
}

@InputType({ description: 'Changes to a practice. Editing a published practice publishes a new revision.' })
export class UpdatePracticeInput {
  @Field(() => ID, { description: 'The practice.' })
  practiceId!: string;

  @Field(() => Int, { description: 'The `version` the edit was based on; a stale version is refused with CONFLICT.' })
  version!: number;

  @Field(() => PracticeContentInput, { description: 'The fields to change.' })
  content!: PracticeContentInput;
}

@InputType({ description: 'A practice and the version the change is based on.' })
export class PracticeVersionInput {
  @Field(() => ID, { description: 'The practice.' })
  practiceId!: string;

  @Field(() => Int, { description: 'The `version` the change was based on; a stale version is refused with CONFLICT.' })
  version!: number;
}
