import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { forbidden } from '../../common/errors/domain-error.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import { connectionTypes, PageArgs } from '../../common/graphql/pagination.js';
import { hasPlatformRole } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import type { Context } from '../../context.js';
import { PlatformRole } from '../member/member-role.js';
import { canAdministerOrganisation } from '../organisation/organisation.policy.js';
import { AuditEvent } from './audit-event.entity.js';

const { ConnectionType: AuditEventConnection } = connectionTypes(AuditEvent, 'AuditEvent', 'activity-log entry');

@ArgsType()
class AuditEventsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `practice.published`.' })
  action?: string;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, {
    description:
      "The activity log, newest first: an organisation's ADMINs read their organisation's; platform admins read all.",
  })
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: Context) {
    const actor = requireAuthenticated(ctx.actor);
    const platform = hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN);
    const organisationId = actor.active?.organisationId;
    const admin = organisationId !== undefined && canAdministerOrganisation(actor, organisationId);
    if (!platform && !admin) {
      throw forbidden({ ru: 'Журнал действий доступен администраторам', en: 'The activity log is for administrators' });
    }
    const where = { ...(platform ? {} : { organisationId }), ...(args.action ? { action: args.action } : {}) };
    return keysetPage(ctx.em, AuditEvent, where, args, { column: 'createdAt', date: true, descending: true });
  }
}
