import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withUserErrors } from '../../common/graphql/user-error.js';
import type { Context } from '../../context.js';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionPayload,
  ReplayWebhookDeliveryInput,
  RotateWebhookSecretInput,
  RotateWebhookSecretPayload,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookSubscriptionPayload,
  WebhookSubscriptionRefInput,
} from './dto/webhook.input.js';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import {
  createSubscription,
  deleteSubscription,
  findSubscription,
  listDeliveries,
  listSubscriptions,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateSubscription,
} from './webhook.service.js';

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Query(() => [WebhookSubscription], {
    description: 'Webhook subscriptions of the organisation the caller acts for, oldest first (its ADMINs only).',
  })
  webhookSubscriptions(@Ctx() ctx: Context) {
    return listSubscriptions(ctx);
  }

  @Query(() => WebhookSubscription, {
    nullable: true,
    description: 'One webhook subscription of the organisation the caller acts for (its ADMINs only).',
  })
  webhookSubscription(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return findSubscription(ctx, id);
  }

  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description:
      'Subscribes a URL to events of the organisation (ADMINs; at most 10 per organisation); the signing secret is returned once.',
  })
  createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: 'URL, events and description.' })
    input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, () => createSubscription(ctx, input));
  }

  @Mutation(() => WebhookSubscriptionPayload, {
    description: 'Changes the URL, events or description of a webhook subscription, or pauses and resumes it (ADMINs).',
  })
  updateWebhookSubscription(
    @Arg('input', () => UpdateWebhookSubscriptionInput, { description: 'Which one and what changes.' })
    input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ subscription: await updateSubscription(ctx, input) }));
  }

  @Mutation(() => DeleteWebhookSubscriptionPayload, {
    description: 'Deletes a webhook subscription with its queued deliveries and delivery log (ADMINs).',
  })
  deleteWebhookSubscription(
    @Arg('input', () => WebhookSubscriptionRefInput, { description: 'Which one.' }) input: WebhookSubscriptionRefInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ deletedSubscriptionId: await deleteSubscription(ctx, input) }));
  }

  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Gives a webhook subscription a new signing secret, returned once; the old one keeps signing beside it for 24 hours unless expired now (ADMINs).',
  })
  rotateWebhookSecret(
    @Arg('input', () => RotateWebhookSecretInput, { description: 'Which one, and whether the old secret stops now.' })
    input: RotateWebhookSecretInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, () => rotateSecret(ctx, input));
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description:
      'Sends a delivered or failed webhook delivery again: a new delivery with the same event id and payload, after what is already queued (ADMINs).',
  })
  replayWebhookDelivery(
    @Arg('input', () => ReplayWebhookDeliveryInput, { description: 'Which delivery.' })
    input: ReplayWebhookDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ delivery: await replayDelivery(ctx, input) }));
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Queues a `webhook.test` event for an active webhook subscription, to check the receiver (ADMINs).',
  })
  sendTestWebhook(
    @Arg('input', () => WebhookSubscriptionRefInput, { description: 'Which subscription.' })
    input: WebhookSubscriptionRefInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ delivery: await sendTestEvent(ctx, input) }));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Query(() => WebhookDeliveryConnection, {
    description:
      'The delivery log of the organisation’s webhooks, newest first (its ADMINs only); kept 30 days after a delivery ends.',
  })
  webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    return listDeliveries(ctx, args);
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every attempt so far, first to last.' })
  async attemptLog(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookDeliveryAttempt[]> {
    return (await ctx.loaders.webhookAttempts.load(delivery.id)) ?? [];
  }
}
