import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/graphql/user-error.js';
import { Organisation, OrganisationKind } from '../organisation.entity.js';

@InputType({ description: 'A new organisation; the person registering it becomes its ADMIN.' })
export class RegisterOrganisationInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Unique short name: 3–60 lower-case Latin letters, digits and hyphens.' })
  slug!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  kind!: OrganisationKind;

  @Field({ description: 'Region where it works.' })
  region!: string;

  @Field(() => String, { nullable: true, description: 'Website, http or https.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН, 10 or 12 digits with valid check digits.' })
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'ОГРН (13 digits) or ОГРНИП (15), with a valid check digit.' })
  ogrn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  description?: string | null;
}

@InputType({
  description:
    'Changes to the active organisation’s profile; omitted fields stay as they are, null clears an optional one.',
})
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  name?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Kind of organisation.' })
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Region where it works.' })
  region?: string;

  @Field(() => String, { nullable: true, description: 'Website, http or https.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'ИНН, 10 or 12 digits with valid check digits.' })
  inn?: string | null;

  @Field(() => String, { nullable: true, description: 'ОГРН (13 digits) or ОГРНИП (15), with a valid check digit.' })
  ogrn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organisation does.' })
  description?: string | null;
}

@ObjectType({ description: 'Result of a mutation on an organisation.' })
export class OrganisationPayload {
  @Field(() => Organisation, {
    nullable: true,
    description: 'The organisation as it is now; null when the input was refused.',
  })
  organisation?: Organisation | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
