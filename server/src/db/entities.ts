import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Invitation } from '../modules/member/invitation.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { ServiceAccount } from '../modules/member/service-account.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { GroupMembership } from '../modules/thematic-group/group-membership.entity.js';
import { GroupModerator, ThematicGroup } from '../modules/thematic-group/thematic-group.entity.js';

export const entities = [
  Organisation,
  Member,
  Invitation,
  ServiceAccount,
  ThematicGroup,
  GroupModerator,
  GroupMembership,
  AuditEvent,
];
