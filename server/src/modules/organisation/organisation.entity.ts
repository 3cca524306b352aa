import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/graphql/node.js';
import { toGlobalId } from '../../common/graphql/global-id.js';

export enum OrganisationKind {
  NGO = 'NGO',
  STATE_INSTITUTION = 'STATE_INSTITUTION',
  MUNICIPAL_INSTITUTION = 'MUNICIPAL_INSTITUTION',
  OTHER = 'OTHER',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of organisation it is; ratings compare like with like.',
  valuesConfig: {
    NGO: { description: 'Non-profit organisation (НКО).' },
    STATE_INSTITUTION: { description: 'State social-service institution (государственное учреждение).' },
    MUNICIPAL_INSTITUTION: { description: 'Municipal institution (муниципальное учреждение).' },
    OTHER: { description: 'Any other kind.' },
  },
});

@Entity({ tableName: 'organisation' })
@ObjectType({
  implements: Node,
  description: 'An organisation (the tenant): an NGO or a state or municipal social-service institution.',
})
export class Organisation {
  [OptionalProps]?: 'globalId' | 'createdAt' | 'updatedAt';

  static readonly typename = 'Organisation';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Organisation.typename, this.id);
  }

  @Field({ description: 'Unique short name used in addresses, e.g. `fond-semya`.' })
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field({ description: 'Full name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  @Enum({ items: () => OrganisationKind })
  kind!: OrganisationKind;

  @Field({ description: 'Region of the Russian Federation where it works, e.g. «Санкт-Петербург».' })
  @Property({ type: 'text' })
  region!: string;

  @Field(() => String, { nullable: true, description: 'Website (http or https).' })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН (taxpayer number), 10 or 12 digits.' })
  @Property({ type: 'text', nullable: true })
  inn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ОГРН (state registration number), 13 digits, or 15 for ОГРНИП.',
  })
  @Property({ type: 'text', nullable: true })
  ogrn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does, in its own words.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field({ description: 'When it registered on Otklik.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
