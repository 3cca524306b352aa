import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiClientResolver } from './modules/api-client/api-client.resolver.js';
import { MeResolver } from './modules/me/me.resolver.js';
import { MemberResolver, OrganisationMembersResolver } from './modules/member/member.resolver.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { OrganisationResolver } from './modules/organisation/organisation.resolver.js';
import {
  FeedbackMethodResolver,
  OrganisationPracticesResolver,
  PracticeResolver,
  PracticeRevisionResolver,
} from './modules/practice/practice.resolver.js';
import { PracticeReviewsResolver, ReviewResolver } from './modules/review/review.resolver.js';
import {
  CommentResolver,
  PracticeCommentsResolver,
  ReviewCommentsResolver,
} from './modules/comment/comment.resolver.js';
import {
  NotificationResolver,
  NotificationSubscriptionResolver,
} from './modules/notification/notification.resolver.js';
import { pubSub } from './common/graphql/pubsub.js';
import { AuditEventResolver } from './modules/audit/audit.resolver.js';
import {
  OrganisationRatingFieldsResolver,
  OrganisationRatingResolver,
  RatingResolver,
} from './modules/rating/rating.resolver.js';
import {
  DisclosureResolver,
  OpennessStandardResolver,
  OrganisationOpennessResolver,
} from './modules/openness/openness.resolver.js';
import {
  GroupMembershipResolver,
  OrganisationGroupsResolver,
  ThematicGroupResolver,
} from './modules/thematic-group/thematic-group.resolver.js';
import { WebhookDeliveryResolver, WebhookSubscriptionResolver } from './modules/webhook/webhook.resolver.js';

export const resolvers = [
  MeResolver,
  ApiClientResolver,
  NodeResolver,
  OrganisationResolver,
  OrganisationMembersResolver,
  OrganisationGroupsResolver,
  MemberResolver,
  ThematicGroupResolver,
  GroupMembershipResolver,
  PracticeResolver,
  PracticeRevisionResolver,
  OrganisationPracticesResolver,
  FeedbackMethodResolver,
  ReviewResolver,
  PracticeReviewsResolver,
  CommentResolver,
  PracticeCommentsResolver,
  ReviewCommentsResolver,
  NotificationResolver,
  NotificationSubscriptionResolver,
  AuditEventResolver,
  OpennessStandardResolver,
  DisclosureResolver,
  OrganisationOpennessResolver,
  RatingResolver,
  OrganisationRatingResolver,
  OrganisationRatingFieldsResolver,
  WebhookSubscriptionResolver,
  WebhookDeliveryResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

async function build(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    pubSub,
  });
  schema.getQueryType()!.description =
    'Reads. Published data (organisations, groups, active memberships) is public; private data needs a token.';
  schema.getSubscriptionType()!.description =
    'Live events over WebSocket at /graphql (graphql-ws protocol); authenticate in connectionParams.';
  schema.getMutationType()!.description =
    'Writes, as the organisation the caller acts for. Each returns a payload whose `userErrors` say what was refused; a refused mutation changes nothing.';
  return schema;
}

/** The code-first schema; built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= build();
  return cached;
}
