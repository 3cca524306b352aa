import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthenticatedActor } from '../../common/tenancy/actor.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  organisationId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  summary?: Record<string, unknown>;
}

/** Records one mutation in the activity log; call inside the mutation's transaction so both land or neither. */
export function recordAudit(em: EntityManager, actor: AuthenticatedActor, entry: AuditEntry): void {
  em.create(AuditEvent, {
    organisationId: entry.organisationId,
    actorSubject: actor.subject,
    actorName: actor.displayName,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    summary: entry.summary ?? {},
  });
}
