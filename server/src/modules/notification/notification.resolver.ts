import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscriptionHandlerData,
} from 'type-graphql';
import type { NotificationSignal } from '../../common/graphql/pubsub.js';
import { isAuthenticated } from '../../common/tenancy/actor.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { connectionTypes, PageArgs } from '../../common/graphql/pagination.js';
import { UserError, withUserErrors } from '../../common/graphql/user-error.js';
import type { Context } from '../../context.js';
import { Notification } from './notification.entity.js';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadNotificationCount,
} from './notification.service.js';
import { notificationText } from './notification.text.js';

const { ConnectionType: NotificationConnection } = connectionTypes(Notification, 'Notification', 'notification');

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones.' })
  unreadOnly?: boolean;
}

@ObjectType({ description: 'Result of marking a notification read.' })
class NotificationPayload {
  @Field(() => Notification, { nullable: true, description: 'The notification; null when refused.' })
  notification?: Notification | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of marking all notifications read.' })
class MarkAllNotificationsReadPayload {
  @Field(() => Int, { description: 'How many were unread.' })
  count!: number;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors!: UserError[];
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The signed-in person's notifications, newest first." })
  notifications(@Args(() => NotificationsArgs) args: NotificationsArgs, @Ctx() ctx: Context) {
    return listNotifications(ctx, args, Boolean(args.unreadOnly));
  }

  @Query(() => Int, { description: 'How many of the signed-in person’s notifications are unread.' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return unreadNotificationCount(ctx);
  }

  @FieldResolver(() => String, { description: "What happened, in the request's language." })
  text(@Root() notification: Notification, @Ctx() ctx: Context): string {
    return notificationText(notification.kind, notification.payload, ctx.locale);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where in the dashboard it points (a path), if anywhere.',
  })
  link(@Root() notification: Notification): string | null {
    const { practiceId, groupSlug } = notification.payload;
    if (practiceId) return `/practices/${toGlobalId('Practice', practiceId)}`;
    return groupSlug ? `/groups/${groupSlug}` : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether it was read.' })
  read(@Root() notification: Notification): boolean {
    return Boolean(notification.readAt);
  }

  @Mutation(() => NotificationPayload, { description: 'Marks one of one’s notifications read.' })
  markNotificationRead(@Arg('id', () => ID, { description: 'The notification.' }) id: string, @Ctx() ctx: Context) {
    return withUserErrors(ctx.locale, async () => ({ notification: await markNotificationRead(ctx, id) }));
  }

  @Mutation(() => MarkAllNotificationsReadPayload, { description: 'Marks all of one’s notifications read.' })
  markAllNotificationsRead(@Ctx() ctx: Context) {
    return withUserErrors(ctx.locale, async () => ({ count: await markAllNotificationsRead(ctx) }));
  }
}

@Resolver(() => Notification)
export class NotificationSubscriptionResolver {
  @Subscription(() => Notification, {
    topics: 'NOTIFICATION',
    filter: ({ payload, context }: SubscriptionHandlerData<NotificationSignal, object, Context>) =>
      isAuthenticated(context.actor) && payload.recipient === context.actor.subject,
    description:
      'New notifications of the signed-in person, as they happen (GraphQL over WebSocket, graphql-ws protocol).',
  })
  async notificationReceived(@Root() signal: NotificationSignal, @Ctx() ctx: Context): Promise<Notification> {
    // Each event reads the row afresh, as the recipient: row-level security has the last word.
    return ctx.em.fork().findOneOrFail(Notification, { id: signal.id });
  }
}
