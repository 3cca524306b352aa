import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MemberRole } from './member-role.js';

/** An identity-provider client (client-credentials) acting as one organisation with one role. */
@Entity({ tableName: 'service_account' })
export class ServiceAccount {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
