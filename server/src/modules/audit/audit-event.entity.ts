import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';

/**
 * Who did what to which object, when: one row for every mutation. Never updated or deleted.
 * Id and time are made here, so the insert needs no RETURNING (the actor may not read the row back).
 */
@Entity({ tableName: 'audit_event' })
@ObjectType({ description: 'An entry of the activity log (журнал действий): who did what to which object, when.' })
export class AuditEvent {
  [OptionalProps]?: 'id' | 'createdAt' | 'summary' | 'globalId' | 'objectGlobalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id.' })
  get globalId(): string {
    return toGlobalId('AuditEvent', this.id);
  }

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string | null;

  @Property({ type: 'text' })
  actorSubject!: string;

  @Field({ description: 'Name of the person or service account who acted.' })
  @Property({ type: 'text' })
  actorName!: string;

  @Field({ description: 'What was done, e.g. `practice.published`.' })
  @Property({ type: 'text' })
  action!: string;

  @Field({ description: 'Type of the object, e.g. `Practice`.' })
  @Property({ type: 'text' })
  objectType!: string;

  @Property({ type: 'text' })
  objectId!: string;

  @Field(() => ID, { name: 'objectId', description: 'Global id of the object (pass it to `node(id:)`).' })
  get objectGlobalId(): string {
    return toGlobalId(this.objectType, this.objectId);
  }

  @Field(() => GraphQLJSONObject, { description: 'What changed, in brief.' })
  @Property({ type: 'json' })
  summary: Record<string, unknown> = {};

  @Field({ description: 'When.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
