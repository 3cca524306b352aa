import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes, PageArgs } from '../../../common/graphql/pagination.js';
import { UserError } from '../../../common/graphql/user-error.js';
import { WebhookDelivery, WebhookDeliveryStatus } from '../webhook-delivery.entity.js';
import { WebhookEvent } from '../webhook-event.js';
import { WebhookSubscription } from '../webhook-subscription.entity.js';

@InputType({ description: 'A new webhook subscription of the organisation the caller acts for.' })
export class CreateWebhookSubscriptionInput {
  @Field({
    description:
      'Where to POST the events: an https:// URL of at most 2,048 characters, without a user name or password (http:// only to this computer’s own address, outside production).',
  })
  url!: string;

  @Field(() => [WebhookEvent], { description: 'The events to receive (at least one).' })
  events!: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What it is for (at most 500 characters).' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook subscription; omitted fields stay as they are.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => String, { nullable: true, description: 'A new URL (the same rules as when creating).' })
  url?: string | null;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The events to receive from now on (at least one).' })
  events?: WebhookEvent[] | null;

  @Field(() => String, { nullable: true, description: 'A new description; an empty one clears it.' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false pauses it (no new events are queued for it; queued ones wait), true resumes it (queued ones go out in order).',
  })
  active?: boolean | null;
}

@InputType({ description: 'Which webhook subscription.' })
export class WebhookSubscriptionRefInput {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;
}

@InputType({ description: 'A new signing secret for a webhook subscription.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The subscription.' })
  subscriptionId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Stop signing with the old secret at once (when it leaked). By default deliveries carry signatures with both secrets for 24 hours, so receivers can switch without losing any.',
  })
  expirePreviousNow?: boolean | null;
}

@InputType({ description: 'Which webhook delivery.' })
export class ReplayWebhookDeliveryInput {
  @Field(() => ID, { description: 'The delivery to send again (DELIVERED or FAILED).' })
  deliveryId!: string;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only deliveries for this subscription.' })
  subscriptionId?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  status?: WebhookDeliveryStatus | null;
}

export const { ConnectionType: WebhookDeliveryConnection } = connectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
  'webhook delivery',
);

@ObjectType({ description: 'Result of createWebhookSubscription: the signing secret is shown this once.' })
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The new subscription; null when refused.' })
  subscription?: WebhookSubscription | null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret that signs its deliveries (Otklik-Signature): shown only now, store it safely.',
  })
  signingSecret?: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a change to a webhook subscription.' })
export class WebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, {
    nullable: true,
    description: 'The subscription as it is now; null when refused.',
  })
  subscription?: WebhookSubscription | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of rotateWebhookSecret: the new secret is shown this once.' })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The subscription; null when refused.' })
  subscription?: WebhookSubscription | null;

  @Field(() => String, { nullable: true, description: 'The new signing secret: shown only now, store it safely.' })
  signingSecret?: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleteWebhookSubscription.' })
export class DeleteWebhookSubscriptionPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted subscription; null when refused.' })
  deletedSubscriptionId?: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a mutation that queues a webhook delivery.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery queued; null when refused.' })
  delivery?: WebhookDelivery | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
