import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Queued, or waiting for its next attempt.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every attempt failed; replay it when the receiver is fixed.' },
  },
});

/**
 * One event for one subscription, as queued by the database triggers (or a replay, or a test event), with
 * its attempts so far. Only the workers' database functions change it.
 */
@Entity({ tableName: 'webhook_delivery' })
@ObjectType({ description: 'One event sent (or to be sent) to one webhook subscription, with what happened to it.' })
export class WebhookDelivery {
  static readonly typename = 'WebhookDelivery';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Opaque id; also sent as the `Otklik-Delivery` header.' })
  get globalId(): string {
    return toGlobalId(WebhookDelivery.typename, this.id);
  }

  /** Order of queuing (commit order within a subscription); the list's keyset. */
  @Property({ type: 'bigint' })
  seq!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  subscriptionId!: string;

  @Field(() => ID, { name: 'subscriptionId', description: 'The webhook subscription it is for.' })
  get subscriptionGlobalId(): string {
    return toGlobalId(WebhookSubscription.typename, this.subscriptionId);
  }

  @Field({
    description:
      'The event’s id (the payload’s `id`): the same for every subscription and every replay of one event — deduplicate by it.',
  })
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field({ description: 'The event’s type, e.g. `practice.published` (`webhook.test` for sendTestWebhook).' })
  @Property({ type: 'text' })
  eventType!: string;

  @Field(() => GraphQLJSONObject, { description: 'The JSON body sent (the same bytes on every attempt and replay).' })
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  @Enum({ items: () => WebhookDeliveryStatus })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'How many attempts were made.' })
  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Field(() => Date, {
    name: 'nextAttemptAt',
    nullable: true,
    description:
      'When it is attempted next, while PENDING (later if an earlier delivery of the subscription is still pending).',
  })
  get nextAttempt(): Date | null {
    return this.status === WebhookDeliveryStatus.PENDING ? this.nextAttemptAt : null;
  }

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt (null when no response came).' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed without a response, if it did.' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver accepted it.' })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Field({ description: 'When it was queued.' })
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  replayOf?: string | null;

  @Field(() => ID, {
    name: 'replayOf',
    nullable: true,
    description: 'The delivery this one replays, if it is a replay.',
  })
  get replayOfGlobalId(): string | null {
    return this.replayOf ? toGlobalId(WebhookDelivery.typename, this.replayOf) : null;
  }
}

/** One HTTP attempt of a delivery, as the worker recorded it. */
@Entity({ tableName: 'webhook_delivery_attempt' })
@ObjectType({ description: 'One attempt to deliver a webhook: when, how long, and what the receiver answered.' })
export class WebhookDeliveryAttempt {
  @PrimaryKey({ type: 'uuid' })
  deliveryId!: string;

  @Field(() => Int, { description: 'Its number, from 1.' })
  @PrimaryKey({ type: 'integer' })
  number!: number;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Field({ description: 'When it started.' })
  @Property({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  @Property({ type: 'integer' })
  durationMs!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered (null when none came).' })
  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why no response came (timeout, refused connection, address not allowed…).',
  })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => String, { nullable: true, description: 'The start of the response body (at most 1,024 characters).' })
  @Property({ type: 'text', nullable: true })
  responseBody?: string | null;
}
