import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { isAuthenticated } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Member } from '../member/member.entity.js';
import { MemberRole, PlatformRole } from '../member/member-role.js';
import { Organisation } from '../organisation/organisation.entity.js';

export enum ActorKind {
  PERSON = 'PERSON',
  SERVICE_ACCOUNT = 'SERVICE_ACCOUNT',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Who is calling.',
  valuesConfig: {
    PERSON: { description: 'A person signed in through the identity provider.' },
    SERVICE_ACCOUNT: { description: 'An integration using an API client (client credentials).' },
  },
});

@ObjectType({ description: 'The signed-in person or service account, with their organisations.' })
export class Me {
  @Field({ description: 'Subject of the token (the identity provider’s user or client id).' })
  subject!: string;

  @Field(() => ActorKind, { description: 'Person or service account.' })
  kind!: ActorKind;

  @Field({ description: 'Name to show.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Verified e-mail, when the token carries one.' })
  email?: string | null;

  @Field(() => [PlatformRole], { description: 'Platform-wide roles from the identity provider.' })
  platformRoles!: PlatformRole[];

  @Field(() => [Member], {
    description: 'The person’s memberships, one per organisation (empty for service accounts).',
  })
  memberships!: Member[];

  @Field(() => Organisation, {
    nullable: true,
    description:
      'The organisation acted for: the one named in the X-Otklik-Organisation header, else the first membership.',
  })
  activeOrganisation?: Organisation | null;

  @Field(() => MemberRole, { nullable: true, description: 'Role in the active organisation.' })
  activeRole?: MemberRole | null;
}

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { nullable: true, description: 'Who is calling; null when anonymous.' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    const actor = ctx.actor;
    if (!isAuthenticated(actor)) return null;
    const memberIds = actor.memberships.flatMap((m) => (m.memberId ? [m.memberId] : []));
    const [members, activeOrganisation] = await Promise.all([
      memberIds.length
        ? ctx.em.find(Member, { id: { $in: memberIds } }, { orderBy: { createdAt: 'asc', id: 'asc' } })
        : [],
      actor.active ? ctx.loaders.organisation.load(actor.active.organisationId) : undefined,
    ]);
    return {
      subject: actor.subject,
      kind: actor.kind as ActorKind,
      displayName: actor.displayName,
      email: actor.email ?? null,
      platformRoles: actor.platformRoles,
      memberships: members,
      activeOrganisation: activeOrganisation ?? null,
      activeRole: actor.active?.role ?? null,
    };
  }
}
