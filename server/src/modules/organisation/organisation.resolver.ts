import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { roleIn } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { MemberRole } from '../member/member-role.js';
import { OrganisationPayload, RegisterOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { OrganisationConnection } from './dto/organisation.connection.js';
import { Organisation, OrganisationKind } from './organisation.entity.js';
import {
  findOrganisationBySlug,
  listOrganisations,
  registerOrganisation,
  updateOrganisation,
} from './organisation.service.js';

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Only organisations in this region (exact name).' })
  region?: string;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'An organisation by its slug; public.' })
  organisation(
    @Arg('slug', () => String, { description: 'Short name of the organisation, e.g. `fond-semya`.' }) slug: string,
    @Ctx() ctx: Context,
  ): Promise<Organisation | null> {
    return findOrganisationBySlug(ctx.em, slug);
  }

  @Query(() => OrganisationConnection, { description: 'All organisations, by name; public.' })
  organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: Context) {
    return listOrganisations(ctx, args, { kind: args.kind, region: args.region });
  }

  @FieldResolver(() => MemberRole, {
    nullable: true,
    description: "The viewer's role in this organisation; null when not a member.",
  })
  viewerRole(@Root() organisation: Organisation, @Ctx() ctx: Context): MemberRole | null {
    return roleIn(ctx.actor, organisation.id) ?? null;
  }

  @Mutation(() => OrganisationPayload, { description: 'Registers a new organisation; the caller becomes its ADMIN.' })
  registerOrganisation(
    @Arg('input', () => RegisterOrganisationInput, { description: "The new organisation's profile." })
    input: RegisterOrganisationInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ organisation: await registerOrganisation(ctx, input) }));
  }

  @Mutation(() => OrganisationPayload, {
    description: 'Updates the profile of the organisation the caller acts for (ADMIN only).',
  })
  updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput, { description: 'The fields to change.' })
    input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ organisation: await updateOrganisation(ctx, input) }));
  }
}
