import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MemberRole } from './member-role.js';

/** An identity-provider client (client-credentials) acting as one organisation with one role. */
@Entity({ tableName: 'service_account' })
export class ServiceAccount {
  [OptionalProps]?: 'id' | 'createdAt' | 'createdBy' | 'revokedAt' | 'name';

  /** Its id in the API (client ids are the identity provider's). */
  @Property({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  /** What the organisation calls it (the portal or system it serves); configured ones may have none. */
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** Token subject of the ADMIN who created it (null for configured ones). */
  @Property({ type: 'text', nullable: true })
  createdBy?: string | null;

  /** When it was revoked: its tokens are refused from then on. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
