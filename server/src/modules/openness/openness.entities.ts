import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import type { StandardDefinition } from './standard.definition.js';

export enum DisclosureStatus {
  CLAIMED = 'CLAIMED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

registerEnumType(DisclosureStatus, {
  name: 'DisclosureStatus',
  description: 'CLAIMED → VERIFIED | REJECTED; a rejected or outdated disclosure can be answered and claimed again.',
  valuesConfig: {
    CLAIMED: { description: 'Claimed by the organisation, waiting for verification (заявлено).' },
    VERIFIED: { description: 'Verified by a moderator or a peer (подтверждено); counts while fresh.' },
    REJECTED: { description: 'Rejected with a reason (отклонено).' },
  },
});

/** A published version of an information-openness standard; never changed once published. */
@Entity({ tableName: 'openness_standard' })
@ObjectType({
  implements: Node,
  description: 'A published version of an information-openness standard (стандарт информационной открытости).',
})
export class OpennessStandard {
  [OptionalProps]?: 'globalId' | 'publishedAt';

  static readonly typename = 'OpennessStandard';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(OpennessStandard.typename, this.id);
  }

  @Field({ description: 'Stable key of the standard, e.g. `ngo-openness`.' })
  @Property({ type: 'text' })
  key!: string;

  @Field(() => Int, { description: 'Version, from 1; scores computed on a version stay as computed.' })
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  formula!: StandardDefinition['formula'];

  @Property({ type: 'text[]' })
  appliesTo!: string[];

  @Property({ type: 'json' })
  definition!: StandardDefinition;

  @Field({ description: 'When this version was published.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  publishedAt: Date = new Date();

  @Property({ type: 'text' })
  publishedBy!: string;
}

/** An organisation's claim that it meets one criterion, with evidence (раскрытие информации). */
@Entity({ tableName: 'disclosure' })
@ObjectType({
  implements: Node,
  description: 'A disclosure (раскрытие информации): the claim that a criterion is met, with evidence and a date.',
})
export class Disclosure {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'createdAt' | 'updatedAt';

  static readonly typename = 'Disclosure';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Disclosure.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  standardId!: string;

  @Field({ description: 'Key of the criterion disclosed against.' })
  @Property({ type: 'text' })
  criterionKey!: string;

  @Field(() => DisclosureStatus, { description: 'Where it stands.' })
  @Enum({ items: () => DisclosureStatus })
  status: DisclosureStatus = DisclosureStatus.CLAIMED;

  @Field(() => String, { nullable: true, description: 'Evidence address (http or https).' })
  @Property({ type: 'text', nullable: true })
  evidenceUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence in words.' })
  @Property({ type: 'text', nullable: true })
  evidenceText?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A number, count or share (0–1) where the criterion asks for one.',
  })
  @Property({ type: 'double', nullable: true })
  evidenceNumber?: number | null;

  @Field({ description: 'The date the disclosed information is as of; freshness counts from it.' })
  @Property({ type: 'date' })
  asOf!: string;

  @Property({ type: 'text' })
  submittedBy!: string;

  @Property({ type: 'text', nullable: true })
  decidedBy?: string | null;

  @Property({ type: 'uuid', nullable: true })
  decidedByOrganisationId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was verified or rejected.' })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The organisation's answer to a rejection, sent with the new claim.",
  })
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back when verifying or rejecting.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field({ description: 'When it was first claimed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field({ description: 'When it last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A computed compliance, kept so that trends can be drawn. */
@Entity({ tableName: 'compliance_snapshot' })
@ObjectType({ description: 'A compliance score as computed at one moment (history).' })
export class ComplianceSnapshot {
  [OptionalProps]?: 'takenAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  standardId!: string;

  @Field(() => Float, { description: 'Score 0–100.' })
  @Property({ type: 'double' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Key of the level reached, if any.' })
  @Property({ type: 'text', nullable: true })
  levelKey?: string | null;

  @Property({ type: 'json' })
  breakdown!: Record<string, unknown>;

  @Field({ description: 'When it was computed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  takenAt: Date = new Date();
}
