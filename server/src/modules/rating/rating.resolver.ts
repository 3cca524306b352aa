import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { badInput } from '../../common/errors/domain-error.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { connectionTypes, decodeCursor, encodeCursor, PageArgs, pageSize } from '../../common/graphql/pagination.js';
import type { Context } from '../../context.js';
import { Organisation, OrganisationKind } from '../organisation/organisation.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import type { RatingScope } from './rating.facts.js';
import { createComplianceLoader, howToImprove } from './rating.improve.js';
import { ratingsIn } from './rating.service.js';
import { ratingParameters } from './rating.parameters.js';

@ObjectType({ description: 'One component (составляющая) of a rating, 0–100, with what it rests on and adds.' })
export class RatingComponent {
  @Field(() => Float, { nullable: true, description: 'Score 0–100; null without data (counts as 0 in the composite).' })
  score!: number | null;

  @Field(() => Int, {
    description: 'How much data it rests on (reviews, practices, activities; 1 for a computed compliance).',
  })
  sample!: number;

  @Field(() => Float, { description: 'Its published weight.' })
  weight!: number;

  @Field(() => Float, { description: 'Points it adds to the composite (score × weight).' })
  points!: number;
}

@ObjectType({ description: "An organisation's rating (рейтинг) with its breakdown: why this score." })
export class OrganisationRating {
  @Field(() => Organisation, { description: 'The organisation.' })
  organisation!: Organisation;

  @Field(() => Float, { description: 'Composite 0–100: the weighted sum of the components.' })
  composite!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among the organisations compared (ties share a rank); null with not enough data.',
  })
  rank!: number | null;

  @Field({ description: 'Whether there is enough data for a rank (else "not enough data").' })
  enoughData!: boolean;

  @Field(() => RatingComponent, { description: 'Openness: compliance with the standard for its kind.' })
  openness!: RatingComponent;

  @Field(() => RatingComponent, { description: 'Practice quality: Bayesian average of peer-review scores.' })
  practiceQuality!: RatingComponent;

  @Field(() => RatingComponent, {
    description: 'Engagement depth: participation levels and closed feedback loops of its practices.',
  })
  engagementDepth!: RatingComponent;

  @Field(() => RatingComponent, { description: 'Contribution: reviews given and practices published in 12 months.' })
  contribution!: RatingComponent;
}

const { ConnectionType: RatingConnection } = connectionTypes(OrganisationRating, 'OrganisationRating', 'rating');

@ObjectType({ description: 'The published rating parameters.' })
class RatingParametersView {
  @Field(() => Float, { description: 'Weight of openness.' })
  opennessWeight!: number;

  @Field(() => Float, { description: 'Weight of practice quality.' })
  practiceQualityWeight!: number;

  @Field(() => Float, { description: 'Weight of engagement depth.' })
  engagementDepthWeight!: number;

  @Field(() => Float, { description: 'Weight of contribution.' })
  contributionWeight!: number;

  @Field(() => Float, { description: 'm: prior strength of the Bayesian average, in reviews.' })
  priorReviews!: number;

  @Field(() => Int, { description: 'Reviews needed for a rank.' })
  minReviews!: number;

  @Field(() => Int, { description: 'Published practices needed for a rank.' })
  minPractices!: number;
}

@ArgsType()
class RatingsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Compare the ACTIVE members of this thematic group (practice quality then uses the group’s reviews).',
  })
  groupId?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'Compare organisations of this kind.' })
  kind?: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Only organisations in this region.' })
  region?: string;
}

@Resolver()
export class RatingResolver {
  @Query(() => RatingConnection, {
    description:
      'The leaderboard: organisations of a thematic group or of a kind (compare like with like), best first; public.',
  })
  async ratings(@Args(() => RatingsArgs) args: RatingsArgs, @Ctx() ctx: Context) {
    const scope: RatingScope = {
      groupId: args.groupId ? parseGlobalId(args.groupId, ThematicGroup.typename, ['groupId']) : undefined,
      kind: args.kind,
      region: args.region,
    };
    const all = await ratingsIn(ctx.em, ctx.now(), scope);
    const size = pageSize(args);
    const after = decodeCursor(args.after);
    const position = after ? Number(after.value) : -1;
    if (!Number.isInteger(position) || position < -1)
      throw badInput(['after'], { ru: 'Некорректный курсор', en: 'Malformed cursor' });
    const start = position + 1;
    const page = all.slice(start, start + size);
    const edges = page.map((node, i) => ({
      node,
      cursor: encodeCursor({ value: String(start + i), id: node.organisation.id }),
    }));
    return {
      edges,
      totalCount: all.length,
      pageInfo: {
        hasNextPage: start + size < all.length,
        hasPreviousPage: start > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => RatingParametersView, { description: 'The published weights and parameters of the rating.' })
  async ratingParameters(): Promise<RatingParametersView> {
    const p = await ratingParameters();
    return {
      opennessWeight: p.weights.openness,
      practiceQualityWeight: p.weights.practiceQuality,
      engagementDepthWeight: p.weights.engagementDepth,
      contributionWeight: p.weights.contribution,
      priorReviews: p.priorReviews,
      minReviews: p.minReviews,
      minPractices: p.minPractices,
    };
  }
}

/** Ratings per kind, computed once per request however many organisations ask. */
const ratingsByKind = new WeakMap<Context, Map<OrganisationKind, Promise<OrganisationRating[]>>>();

function ratingsOfKind(ctx: Context, kind: OrganisationKind): Promise<OrganisationRating[]> {
  let perRequest = ratingsByKind.get(ctx);
  if (!perRequest) ratingsByKind.set(ctx, (perRequest = new Map()));
  let ratings = perRequest.get(kind);
  if (!ratings) perRequest.set(kind, (ratings = ratingsIn(ctx.em, ctx.now(), { kind })));
  return ratings;
}

/** Per-request compliance loaders, for the improvement tips of every rating in a response. */
const complianceLoaders = new WeakMap<Context, ReturnType<typeof createComplianceLoader>>();

@Resolver(() => OrganisationRating)
export class OrganisationRatingFieldsResolver {
  @FieldResolver(() => [String], {
    description:
      "How to improve, in the request's language: the openness steps that add most, then reviews, closing loops and contribution.",
  })
  async howToImprove(@Root() rating: OrganisationRating, @Ctx() ctx: Context): Promise<string[]> {
    let loader = complianceLoaders.get(ctx);
    if (!loader) complianceLoaders.set(ctx, (loader = createComplianceLoader(ctx.em, ctx.now)));
    return howToImprove(rating, await loader.load(rating.organisation.id), ctx.locale);
  }
}

@Resolver(() => Organisation)
export class OrganisationRatingResolver {
  @FieldResolver(() => OrganisationRating, {
    description: 'Its rating among organisations of the same kind, with the breakdown; public.',
  })
  async rating(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<OrganisationRating> {
    const all = await ratingsOfKind(ctx, organisation.kind);
    return all.find((r) => r.organisation.id === organisation.id)!;
  }
}
