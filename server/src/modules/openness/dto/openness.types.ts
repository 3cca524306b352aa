import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../../common/graphql/user-error.js';
import { OrganisationKind } from '../../organisation/organisation.entity.js';
import { Disclosure, OpennessStandard } from '../openness.entities.js';

export enum StandardFormula {
  WEIGHTED_SHARE = 'WEIGHTED_SHARE',
  NOK_USO = 'NOK_USO',
}
registerEnumType(StandardFormula, {
  name: 'StandardFormula',
  description: 'How a standard turns disclosures into a score.',
  valuesConfig: {
    WEIGHTED_SHARE: { description: 'Weighted share of applicable criteria met, 0–100.' },
    NOK_USO: { description: 'The openness criterion of НОК УСО: K1 = 0.3·Pinf + 0.3·Pdist + 0.4·Psat.' },
  },
});

export enum EvidenceKind {
  URL = 'URL',
  DOCUMENT = 'DOCUMENT',
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  COUNT = 'COUNT',
  SHARE = 'SHARE',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What a disclosure against a criterion must carry.',
  valuesConfig: {
    URL: { description: 'A web address where it is published.' },
    DOCUMENT: { description: 'A link to a document (report, statement).' },
    TEXT: { description: 'A description in words.' },
    NUMBER: { description: 'A number.' },
    COUNT: { description: 'A whole number, 0 or more.' },
    SHARE: { description: 'A share from 0 to 1.' },
  },
});

@ObjectType({ description: 'A criterion of a standard (критерий).' })
export class Criterion {
  @Field({ description: 'Key, unique within the standard.' })
  key!: string;

  @Field({ description: "Title in the request's language." })
  title!: string;

  @Field({ description: "What meets it, in the request's language." })
  description!: string;

  @Field(() => Int, { description: 'Weight in the score.' })
  weight!: number;

  @Field({ description: 'Whether a gap here is flagged as mandatory.' })
  mandatory!: boolean;

  @Field(() => [OrganisationKind], { description: 'Kinds of organisation it applies to.' })
  appliesTo!: OrganisationKind[];

  @Field(() => Int, { nullable: true, description: 'Months a verified disclosure counts, from its as-of date.' })
  freshnessMonths?: number | null;

  @Field(() => EvidenceKind, { description: 'Evidence expected.' })
  evidence!: EvidenceKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Role in the НОК УСО formula (STAND_ITEM, SITE_ITEM, REMOTE_CHANNEL, SATISFACTION_STAND, SATISFACTION_SITE).',
  })
  nokRole?: string | null;

  @Field({ description: 'Key of its section.' })
  sectionKey!: string;
}

@ObjectType({ description: 'A section of a standard.' })
export class StandardSection {
  @Field({ description: 'Key.' })
  key!: string;

  @Field({ description: "Title in the request's language." })
  title!: string;

  @Field(() => [Criterion], { description: 'Criteria of the section.' })
  criteria!: Criterion[];
}

@ObjectType({ description: 'A level of openness (уровень открытости); levels are earned in order.' })
export class StandardLevel {
  @Field({ description: 'Key.' })
  key!: string;

  @Field({ description: "Title in the request's language." })
  title!: string;

  @Field(() => [String], { description: 'Keys of the criteria it requires (besides all lower levels).' })
  requires!: string[];
}

@ObjectType({ description: 'A section score.' })
export class SectionCompliance {
  @Field({ description: 'Section key.' })
  key!: string;

  @Field({ description: "Section title in the request's language." })
  title!: string;

  @Field(() => Float, { description: 'Score of the section, 0–100.' })
  score!: number;

  @Field(() => Int, { description: 'Applicable criteria met.' })
  met!: number;

  @Field(() => Int, { description: 'Applicable criteria.' })
  applicable!: number;
}

@ObjectType({ description: 'Something to do next (что сделать дальше), with what it would add.' })
export class NextStep {
  @Field(() => Criterion, { description: 'The criterion to meet.' })
  criterion!: Criterion;

  @Field(() => Float, { description: 'Points the score would gain.' })
  gain!: number;

  @Field({ description: 'Whether the next level needs it.' })
  forNextLevel!: boolean;
}

@ObjectType({ description: 'A criterion whose verified disclosure expires soon.' })
export class ExpiringCriterion {
  @Field(() => Criterion, { description: 'The criterion.' })
  criterion!: Criterion;

  @Field({ description: 'When the disclosure stops counting.' })
  expiresAt!: Date;
}

@ObjectType({
  description: 'Compliance (соответствие стандарту) of an organisation with one standard version, computed now.',
})
export class ComplianceReport {
  @Field(() => OpennessStandard, { description: 'The standard version.' })
  standard!: OpennessStandard;

  @Field(() => Float, { description: 'Score 0–100 by the standard’s formula.' })
  score!: number;

  @Field(() => [SectionCompliance], { description: 'Scores per section.' })
  sections!: SectionCompliance[];

  @Field(() => [Criterion], { description: 'Mandatory criteria not met.' })
  mandatoryMissing!: Criterion[];

  @Field(() => StandardLevel, { nullable: true, description: 'The highest level reached, earned in order.' })
  level?: StandardLevel | null;

  @Field(() => StandardLevel, { nullable: true, description: 'The next level to reach.' })
  nextLevel?: StandardLevel | null;

  @Field(() => [NextStep], { description: 'What to do next: first what the next level needs, then by gain.' })
  nextSteps!: NextStep[];

  @Field(() => [ExpiringCriterion], { description: 'Verified disclosures expiring within 60 days.' })
  expiringSoon!: ExpiringCriterion[];

  @Field({ description: 'When it was computed.' })
  computedAt!: Date;
}

@ObjectType({ description: 'A criterion that differs between two versions of a standard.' })
export class CriterionChange {
  @Field({ description: 'Criterion key.' })
  key!: string;

  @Field({ description: 'ADDED, REMOVED or CHANGED.' })
  change!: string;

  @Field(() => [String], {
    description: 'For CHANGED: which properties changed (weight, mandatory, freshnessMonths, …).',
  })
  properties!: string[];
}

@InputType({
  description: 'A disclosure against a criterion of the standard that applies to the organisation the caller acts for.',
})
export class DiscloseInput {
  @Field({ description: 'Standard key, e.g. `ngo-openness` (its latest version is used).' })
  standardKey!: string;

  @Field({ description: 'Criterion key.' })
  criterionKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Evidence address, http or https (for URL and DOCUMENT criteria).',
  })
  evidenceUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence in words (for TEXT criteria; optional otherwise).' })
  evidenceText?: string | null;

  @Field(() => Float, { nullable: true, description: 'A number; a whole number ≥ 0 for COUNT; 0–1 for SHARE.' })
  evidenceNumber?: number | null;

  @Field({ description: 'The date the information is as of (YYYY-MM-DD, not in the future).' })
  asOf!: string;

  @Field(() => String, { nullable: true, description: 'Answer to an earlier rejection.' })
  answer?: string | null;
}

@InputType({ description: 'A decision on a claimed disclosure.' })
export class DecideDisclosureInput {
  @Field(() => ID, { description: 'The disclosure.' })
  disclosureId!: string;

  @Field(() => Int, { description: 'The `version` the decision is based on.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why it is rejected (required to reject, 3–1,000 characters).' })
  reason?: string | null;
}

@InputType({ description: 'A new version of a standard (platform admins).' })
export class PublishStandardInput {
  @Field(() => GraphQLJSONObject, {
    description: 'The definition, in the format of seeds/standards/*.yaml; its version must be the next one.',
  })
  definition!: Record<string, unknown>;
}

@ObjectType({ description: 'Result of a mutation on a disclosure.' })
export class DisclosurePayload {
  @Field(() => Disclosure, { nullable: true, description: 'The disclosure as it is now; null when refused.' })
  disclosure?: Disclosure | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of publishing a standard.' })
export class StandardPayload {
  @Field(() => OpennessStandard, { nullable: true, description: 'The new version; null when refused.' })
  standard?: OpennessStandard | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
