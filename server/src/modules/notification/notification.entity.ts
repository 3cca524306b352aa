import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.js';

export enum NotificationKind {
  REVIEW_ON_MY_PRACTICE = 'REVIEW_ON_MY_PRACTICE',
  RESPONSE_TO_MY_REVIEW = 'RESPONSE_TO_MY_REVIEW',
  REPLY_TO_MY_COMMENT = 'REPLY_TO_MY_COMMENT',
  MEMBERSHIP_DECIDED = 'MEMBERSHIP_DECIDED',
  COMMENT_HIDDEN = 'COMMENT_HIDDEN',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What happened.',
  valuesConfig: {
    REVIEW_ON_MY_PRACTICE: { description: 'A peer review was submitted on a practice I wrote.' },
    RESPONSE_TO_MY_REVIEW: { description: "The practice's author responded to my review." },
    REPLY_TO_MY_COMMENT: { description: 'Someone replied to my comment.' },
    MEMBERSHIP_DECIDED: { description: "A moderator approved or rejected my organisation's request to join a group." },
    COMMENT_HIDDEN: { description: 'My comment was hidden.' },
  },
});

/** What a notification points at; its texts are made in the reader's language when read. */
export interface NotificationPayload {
  practiceId?: string;
  practiceTitle?: string;
  groupSlug?: string;
  groupTitleRu?: string;
  groupTitleEn?: string;
  status?: string;
  actorName?: string;
  reason?: string;
}

@Entity({ tableName: 'notification' })
@ObjectType({ implements: Node, description: 'An in-app notification for one person.' })
export class Notification {
  [OptionalProps]?: 'globalId' | 'payload' | 'createdAt';

  static readonly typename = 'Notification';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId(Notification.typename, this.id);
  }

  @Property({ type: 'text' })
  recipientSubject!: string;

  @Field(() => NotificationKind, { description: 'What happened.' })
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Property({ type: 'json' })
  payload: NotificationPayload = {};

  @Field({ description: 'When it happened.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was read; null while unread.' })
  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}

/** One row per notification for the e-mail digest sender; nothing fails when no sender runs. */
@Entity({ tableName: 'notification_outbox' })
export class NotificationOutbox {
  [OptionalProps]?: 'createdAt' | 'attempts';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid' })
  notificationId!: string;

  @Property({ type: 'text' })
  recipientSubject!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Property({ type: 'integer' })
  attempts: number = 0;
}
