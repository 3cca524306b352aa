import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Who did what to which object, when: one row for every mutation. Never updated or deleted. */
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  [OptionalProps]?: 'createdAt' | 'summary';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string | null;

  @Property({ type: 'text' })
  actorSubject!: string;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  objectType!: string;

  @Property({ type: 'text' })
  objectId!: string;

  @Property({ type: 'json' })
  summary: Record<string, unknown> = {};

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
