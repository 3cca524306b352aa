import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Invitation } from '../modules/member/invitation.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { ServiceAccount } from '../modules/member/service-account.entity.js';
import { Comment, CommentEdit, CommentReport } from '../modules/comment/comment.entity.js';
import { Notification, NotificationOutbox } from '../modules/notification/notification.entity.js';
import { FeedbackMethod } from '../modules/feedback-method/feedback-method.entity.js';
import { ComplianceSnapshot, Disclosure, OpennessStandard } from '../modules/openness/openness.entities.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { PracticeRevision } from '../modules/practice/practice-revision.entity.js';
import { Review, ReviewEdition, ReviewResponse } from '../modules/review/review.entity.js';
import { Practice, PracticeMethod } from '../modules/practice/practice.entity.js';
import { GroupMembership } from '../modules/thematic-group/group-membership.entity.js';
import { GroupModerator, ThematicGroup } from '../modules/thematic-group/thematic-group.entity.js';
import { WebhookDelivery, WebhookDeliveryAttempt } from '../modules/webhook/webhook-delivery.entity.js';
import { WebhookSubscription } from '../modules/webhook/webhook-subscription.entity.js';

export const entities = [
  Organisation,
  Member,
  Invitation,
  ServiceAccount,
  ThematicGroup,
  GroupModerator,
  GroupMembership,
  AuditEvent,
  FeedbackMethod,
  Practice,
  PracticeMethod,
  PracticeRevision,
  Review,
  ReviewEdition,
  ReviewResponse,
  Comment,
  CommentEdit,
  CommentReport,
  Notification,
  NotificationOutbox,
  OpennessStandard,
  Disclosure,
  ComplianceSnapshot,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
];
