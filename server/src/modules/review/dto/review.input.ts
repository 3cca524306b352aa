import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../../common/graphql/user-error.js';
import { Review, ReviewResponse } from '../review.entity.js';

export enum RubricCriterion {
  RELEVANCE = 'RELEVANCE',
  DEPTH = 'DEPTH',
  LOOP_CLOSURE = 'LOOP_CLOSURE',
  EVIDENCE = 'EVIDENCE',
  REPLICABILITY = 'REPLICABILITY',
}

registerEnumType(RubricCriterion, {
  name: 'RubricCriterion',
  description: 'Criteria of the review rubric, each scored 1–5.',
  valuesConfig: {
    RELEVANCE: { description: "Relevance to beneficiaries' needs (актуальность)." },
    DEPTH: { description: 'Depth of involvement (глубина вовлечения).' },
    LOOP_CLOSURE: { description: 'Closed feedback loop (возвращение обратной связи).' },
    EVIDENCE: { description: 'Evidence of results (подтверждённость результатов).' },
    REPLICABILITY: { description: 'Replicability (тиражируемость).' },
  },
});

/** The rubric, both as read (a draft may lack scores) and as written. */
@ObjectType({ description: 'Rubric scores, 1–5 each; null in a draft where not yet given.' })
@InputType('RubricScoresInput', { description: 'Rubric scores, integers 1–5; all five are needed to submit.' })
export class RubricScores {
  @Field(() => Int, { nullable: true, description: "Relevance to beneficiaries' needs." })
  relevance?: number | null;

  @Field(() => Int, { nullable: true, description: 'Depth of involvement.' })
  depth?: number | null;

  @Field(() => Int, { nullable: true, description: 'Closed feedback loop.' })
  loopClosure?: number | null;

  @Field(() => Int, { nullable: true, description: 'Evidence of results.' })
  evidence?: number | null;

  @Field(() => Int, { nullable: true, description: 'Replicability.' })
  replicability?: number | null;
}

export { RubricScores as RubricScoresInput };

@InputType({ description: 'A review of the current revision of a practice, by the organisation the caller acts for.' })
export class CreateReviewInput {
  @Field(() => ID, { description: 'The practice (its current revision is reviewed).' })
  practiceId!: string;

  @Field(() => RubricScores, { nullable: true, description: 'Rubric scores.' })
  scores?: RubricScores | null;

  @Field(() => Int, { nullable: true, description: 'Reviewer confidence, 1–5.' })
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: 'Review text, Markdown (at least 200 characters to submit).' })
  body?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Submit at once instead of saving a draft.' })
  submit?: boolean | null;
}

@InputType({ description: 'Changes to a review; a submitted review can be revised until the author responds.' })
export class UpdateReviewInput {
  @Field(() => ID, { description: 'The review.' })
  reviewId!: string;

  @Field(() => Int, { description: 'The `version` the change is based on; a stale one is refused with CONFLICT.' })
  version!: number;

  @Field(() => RubricScores, { nullable: true, description: 'Scores to change (given ones replace).' })
  scores?: RubricScores | null;

  @Field(() => Int, { nullable: true, description: 'Reviewer confidence, 1–5.' })
  confidence?: number | null;

  @Field(() => String, { nullable: true, description: 'Review text.' })
  body?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Submit a draft.' })
  submit?: boolean | null;
}

@InputType({ description: "The practice owner's response to a review." })
export class RespondToReviewInput {
  @Field(() => ID, { description: 'The review.' })
  reviewId!: string;

  @Field({ description: 'The response, Markdown (10–10,000 characters).' })
  body!: string;
}

@ObjectType({ description: 'Result of a mutation on a review.' })
export class ReviewPayload {
  @Field(() => Review, { nullable: true, description: 'The review as it is now; null when refused.' })
  review?: Review | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of responding to a review.' })
export class ReviewResponsePayload {
  @Field(() => ReviewResponse, { nullable: true, description: 'The response; null when refused.' })
  response?: ReviewResponse | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'A mean score with the number of reviews it rests on.' })
export class ScoreMean {
  @Field(() => Float, { nullable: true, description: 'Mean, 1–5; null without reviews.' })
  mean!: number | null;

  @Field(() => Int, { description: 'How many reviews it rests on.' })
  count!: number;
}

@ObjectType({ description: 'Mean of one rubric criterion.' })
export class CriterionMean extends ScoreMean {
  @Field(() => RubricCriterion, { description: 'The criterion.' })
  criterion!: RubricCriterion;
}

@ObjectType({ description: "Summary of a practice's submitted reviews (all revisions)." })
export class ReviewSummary {
  @Field(() => Int, { description: 'Number of submitted reviews.' })
  count!: number;

  @Field(() => ScoreMean, { description: 'Mean of all criteria of all reviews.' })
  overall!: ScoreMean;

  @Field(() => [CriterionMean], { description: 'Mean per criterion, in rubric order.' })
  criteria!: CriterionMean[];
}

@ObjectType('ReviewEdition', {
  description: 'A submitted edition of a review; revising a review keeps the earlier ones.',
})
export class ReviewEditionView {
  @Field(() => Int, { description: 'Edition number, from 1.' })
  number!: number;

  @Field(() => RubricScores, { description: 'Scores in this edition.' })
  scores!: RubricScores;

  @Field(() => Int, { description: 'Confidence in this edition.' })
  confidence!: number;

  @Field({ description: 'Text of this edition.' })
  body!: string;

  @Field({ description: 'When this edition was submitted.' })
  createdAt!: Date;
}
