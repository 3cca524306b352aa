import { randomBytes } from 'node:crypto';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../common/errors/domain-error.js';
import { parseGlobalId, toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';
import { UserError, withUserErrors } from '../../common/graphql/user-error.js';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole } from '../member/member-role.js';
import { canManageMembers } from '../member/member.policy.js';
import { ServiceAccount } from '../member/service-account.entity.js';

@ObjectType({
  implements: Node,
  description: 'An API client (API-клиент, service account): a system acting for the organisation.',
})
export class ApiClient {
  static readonly typename = 'ApiClient';

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  globalId!: string;

  @Field({ description: 'Its client id in the identity provider (for the client-credentials grant).' })
  clientId!: string;

  @Field({ description: 'What the organisation calls it.' })
  name!: string;

  @Field(() => MemberRole, { description: 'The role it acts with.' })
  role!: MemberRole;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; its tokens are refused since.' })
  revokedAt!: Date | null;
}

/** What the API shows of a service account. */
export const apiClientView = (a: ServiceAccount): ApiClient =>
  Object.assign(new ApiClient(), {
    globalId: toGlobalId(ApiClient.typename, a.id),
    clientId: a.clientId,
    name: a.name ?? a.clientId,
    role: a.role,
    createdAt: a.createdAt,
    revokedAt: a.revokedAt ?? null,
  });

@InputType({ description: 'A new API client for the organisation the caller acts for.' })
class CreateApiClientInput {
  @Field({ description: 'What it is for, e.g. the regional portal it feeds (2–100 characters).' })
  name!: string;

  @Field(() => MemberRole, { description: 'The role it acts with: EDITOR, REVIEWER or VIEWER (never ADMIN).' })
  role!: MemberRole;
}

@InputType({ description: 'Revoke an API client.' })
class RevokeApiClientInput {
  @Field(() => ID, { description: 'The API client.' })
  apiClientId!: string;
}

@ObjectType({ description: 'Result of createApiClient: the secret is shown this once.' })
class CreateApiClientPayload {
  @Field(() => ApiClient, { nullable: true, description: 'The new API client; null when refused.' })
  apiClient?: ApiClient | null;

  @Field(() => String, { nullable: true, description: 'Its client secret: shown only now, store it safely.' })
  clientSecret?: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of revokeApiClient.' })
class RevokeApiClientPayload {
  @Field(() => ApiClient, { nullable: true, description: 'The API client, now revoked; null when refused.' })
  apiClient?: ApiClient | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

function activeAdmin(ctx: Context): { actor: AuthenticatedActor; organisationId: string } {
  const actor = requireAuthenticated(ctx.actor);
  const organisationId = actor.active?.organisationId;
  if (!organisationId || actor.kind !== 'PERSON' || !canManageMembers(actor, organisationId)) {
    throw forbidden({
      ru: 'API-клиентами управляют администраторы организации',
      en: 'Only ADMINs of the organisation manage its API clients',
    });
  }
  return { actor, organisationId };
}

function registry(ctx: Context) {
  if (!ctx.apiClients) {
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, {
      ru: 'Создание API-клиентов не настроено: нужен доступ к администрированию Keycloak',
      en: 'API clients cannot be created here: Keycloak administration is not configured',
    });
  }
  return ctx.apiClients;
}

@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => [ApiClient], {
    description: 'API clients of the organisation the caller acts for, newest first (its ADMINs only).',
  })
  async apiClients(@Ctx() ctx: Context): Promise<ApiClient[]> {
    const { organisationId } = activeAdmin(ctx);
    const accounts = await ctx.em.find(ServiceAccount, { organisationId }, { orderBy: { createdAt: 'desc' } });
    return accounts.map(apiClientView);
  }

  @Mutation(() => CreateApiClientPayload, {
    description: 'Creates an API client acting for the organisation (ADMINs); its secret is returned once.',
  })
  createApiClient(
    @Arg('input', () => CreateApiClientInput, { description: 'Name and role.' }) input: CreateApiClientInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => {
      const { actor, organisationId } = activeAdmin(ctx);
      const name = input.name.trim();
      if (name.length < 2 || name.length > 100) {
        throw badInput(['input', 'name'], { ru: 'Название — от 2 до 100 символов', en: 'A name is 2–100 characters' });
      }
      if (input.role === MemberRole.ADMIN) {
        throw badInput(['input', 'role'], {
          ru: 'API-клиент не может быть администратором',
          en: 'An API client cannot be an ADMIN',
        });
      }
      const clientId = `otklik-${randomBytes(6).toString('hex')}`;
      const { secret } = await registry(ctx).create(clientId);
      try {
        const account = await ctx.em.transactional(async (em) => {
          const created = em.create(ServiceAccount, {
            clientId,
            organisationId,
            role: input.role,
            name,
            createdBy: actor.subject,
          });
          await em.flush();
          recordAudit(em, actor, {
            organisationId,
            action: 'apiClient.created',
            objectType: ApiClient.typename,
            objectId: created.id,
            summary: { clientId, name, role: input.role },
          });
          return created;
        });
        return { apiClient: apiClientView(account), clientSecret: secret };
      } catch (error) {
        await registry(ctx)
          .remove(clientId)
          .catch(() => {});
        throw error;
      }
    });
  }

  @Mutation(() => RevokeApiClientPayload, {
    description: 'Revokes an API client at once: its tokens are refused from the next request (ADMINs).',
  })
  revokeApiClient(
    @Arg('input', () => RevokeApiClientInput, { description: 'Which one.' }) input: RevokeApiClientInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => {
      const { actor, organisationId } = activeAdmin(ctx);
      const id = parseGlobalId(input.apiClientId, ApiClient.typename, ['input', 'apiClientId']);
      const account = await ctx.em.findOne(ServiceAccount, { id, organisationId });
      if (!account) throw notFound({ ru: 'API-клиент не найден', en: 'API client not found' });
      if (!account.revokedAt) {
        await ctx.em.transactional(async (em) => {
          account.revokedAt = ctx.now();
          em.persist(account);
          await em.flush();
          recordAudit(em, actor, {
            organisationId,
            action: 'apiClient.revoked',
            objectType: ApiClient.typename,
            objectId: account.id,
            summary: { clientId: account.clientId, name: account.name ?? account.clientId },
          });
        });
        await ctx.apiClients?.remove(account.clientId).catch((error: unknown) => {
          ctx.logger.warn(
            { err: error, clientId: account.clientId },
            'API client revoked here but not removed from the identity provider',
          );
        });
      }
      return { apiClient: apiClientView(account) };
    });
  }
}
