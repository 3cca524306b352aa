import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { MeResolver } from './modules/me/me.resolver.js';
import { MemberResolver, OrganisationMembersResolver } from './modules/member/member.resolver.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { OrganisationResolver } from './modules/organisation/organisation.resolver.js';
import {
  GroupMembershipResolver,
  OrganisationGroupsResolver,
  ThematicGroupResolver,
} from './modules/thematic-group/thematic-group.resolver.js';

export const resolvers = [
  MeResolver,
  NodeResolver,
  OrganisationResolver,
  OrganisationMembersResolver,
  OrganisationGroupsResolver,
  MemberResolver,
  ThematicGroupResolver,
  GroupMembershipResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The code-first schema; built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
  });
  return cached;
}
