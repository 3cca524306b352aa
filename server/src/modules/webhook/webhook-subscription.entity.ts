import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { WebhookEvent } from './webhook-event.js';

/** How long a rotated-out secret still signs deliveries beside the new one, unless expired at once. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60_000;

/**
 * A URL the organisation's events are POSTed to, signed with its secret. The secret is kept as given (it
 * signs) and never leaves through the API after the mutation that made it; row-level security shows the row
 * only to the organisation's ADMINs.
 */
@Entity({ tableName: 'webhook_subscription' })
@ObjectType({
  description:
    'A webhook subscription (подписка на вебхуки): a URL that receives the organisation’s events as signed HTTPS POST requests.',
})
export class WebhookSubscription {
  [OptionalProps]?:
    | 'id'
    | 'globalId'
    | 'active'
    | 'description'
    | 'previousSecret'
    | 'previousSecretExpiresAt'
    | 'previousSecretValidUntil'
    | 'secretRotatedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'pausedAt';

  static readonly typename = 'WebhookSubscription';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque id.' })
  get globalId(): string {
    return toGlobalId(WebhookSubscription.typename, this.id);
  }

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Field({ description: 'Where deliveries are POSTed (https://).' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [WebhookEvent], { description: 'The events it receives.' })
  @Property({ type: 'text[]' })
  events!: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What it is for, in the organisation’s words.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** Signs deliveries; shown once, by the mutation that made it. */
  @Property({ type: 'text' })
  secret!: string;

  /** The secret before the last rotation, still signing (beside the new one) until previousSecretExpiresAt. */
  @Property({ type: 'text', nullable: true })
  previousSecret?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when deliveries also carry a signature with the secret before the last rotation (null when they do not).',
  })
  get previousSecretValidUntil(): Date | null {
    return this.previousSecret && this.previousSecretExpiresAt ? this.previousSecretExpiresAt : null;
  }

  @Field(() => Date, { nullable: true, description: 'When the secret was last rotated.' })
  @Property({ type: 'timestamptz', nullable: true })
  secretRotatedAt?: Date | null;

  /** Token subject of the ADMIN who created it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Field({ description: 'When it was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When it last changed.' })
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Field(() => Date, {
    nullable: true,
    description: 'When it was paused: while paused it receives no new events, and queued deliveries wait.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  pausedAt?: Date | null;

  @Field({ description: 'Whether it receives events (not paused).' })
  get active(): boolean {
    return !this.pausedAt;
  }
}
