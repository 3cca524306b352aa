import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { badInput, forbidden } from '../../common/errors/domain-error.js';
import { UserError, withUserErrors } from '../../common/graphql/user-error.js';
import { hasPlatformRole } from '../../common/tenancy/actor.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { PlatformRole } from '../member/member-role.js';
import { parseGlobalId } from '../../common/graphql/global-id.js';
import { connectionTypes, decodeCursor, encodeCursor, PageArgs, pageSize } from '../../common/graphql/pagination.js';
import type { Context } from '../../context.js';
import { Organisation, OrganisationKind } from '../organisation/organisation.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import { ALL_GROUPS, type RatingScope, type RatingSubject } from './rating.facts.js';
import { createComplianceLoader, howToImprove } from './rating.improve.js';
import { ratingsIn } from './rating.service.js';
import { ratingParameters } from './rating.parameters.js';
import { distribution, ratingHistory, takeRatingSnapshot } from './rating.snapshot.js';

export enum RatingSnapshotReason {
  MONTHLY = 'MONTHLY',
  ON_DEMAND = 'ON_DEMAND',
}
registerEnumType(RatingSnapshotReason, {
  name: 'RatingSnapshotReason',
  description: 'Why a rating snapshot (срез рейтинга) was taken.',
  valuesConfig: {
    MONTHLY: { description: 'The monthly snapshot, taken automatically.' },
    ON_DEMAND: { description: 'Taken by a platform admin.' },
  },
});

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
  /** Who it is about; the `organisation` field loads the organisation itself, only for what is returned. */
  subject!: RatingSubject;

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

@ObjectType({ description: 'A recorded rating (срез рейтинга) of one organisation at one moment.' })
class RatingHistoryPoint {
  @Field(() => Date, { description: 'When the snapshot was taken.' })
  takenAt!: Date;

  @Field(() => RatingSnapshotReason, { description: 'Why it was taken.' })
  reason!: RatingSnapshotReason;

  @Field(() => Float, { description: 'Composite 0–100 then.' })
  composite!: number;

  @Field(() => Int, { nullable: true, description: 'Rank then; null with not enough data.' })
  rank!: number | null;

  @Field({ description: 'Whether there was enough data for a rank.' })
  enoughData!: boolean;

  @Field(() => Float, { nullable: true, description: 'Openness score then.' })
  openness!: number | null;

  @Field(() => Float, { nullable: true, description: 'Practice quality then.' })
  practiceQuality!: number | null;

  @Field(() => Float, { nullable: true, description: 'Engagement depth then.' })
  engagementDepth!: number | null;

  @Field(() => Float, { nullable: true, description: 'Contribution then.' })
  contribution!: number | null;
}

@ObjectType({ description: 'One bar of the distribution: how many ranked organisations score in [from, to).' })
class RatingDistributionBin {
  @Field(() => Float, { description: 'Lower bound (inclusive).' })
  from!: number;

  @Field(() => Float, { description: 'Upper bound (exclusive; the last bin includes 100).' })
  to!: number;

  @Field(() => Int, { description: 'Organisations in the bin.' })
  count!: number;
}

@ObjectType({ description: 'How composites spread among the organisations compared.' })
class RatingDistribution {
  @Field(() => [RatingDistributionBin], { description: 'Bins over 0–100, lowest first.' })
  bins!: RatingDistributionBin[];

  @Field(() => Int, { description: 'Organisations with a rank (counted in the bins).' })
  ranked!: number;

  @Field(() => Int, { description: 'Organisations with not enough data (not in the bins).' })
  notEnoughData!: number;
}

@ObjectType({ description: 'A rating snapshot: every organisation’s rating among its kind and in its groups.' })
class RatingSnapshot {
  @Field(() => ID, { description: 'Snapshot id.' })
  id!: string;

  @Field(() => Date, { description: 'When it was taken.' })
  takenAt!: Date;

  @Field(() => RatingSnapshotReason, { description: 'Why it was taken.' })
  reason!: RatingSnapshotReason;

  @Field(() => Int, { description: 'Ratings recorded (organisation × scope).' })
  entries!: number;
}

@ObjectType({ description: 'Result of takeRatingSnapshot.' })
class RatingSnapshotPayload {
  @Field(() => RatingSnapshot, { nullable: true, description: 'The snapshot; null when refused.' })
  snapshot?: RatingSnapshot | null;

  @Field(() => [UserError], { description: 'What was wrong; empty on success.' })
  userErrors!: UserError[];
}

@ArgsType()
class RatingScopeArgs {
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

@ArgsType()
class RatingDistributionArgs extends RatingScopeArgs {
  @Field(() => Int, { defaultValue: 10, description: 'Bin width in points (1–50).' })
  binWidth!: number;
}

const scopeOf = (args: RatingScopeArgs): RatingScope => ({
  groupId: args.groupId ? parseGlobalId(args.groupId, ThematicGroup.typename, ['groupId']) : undefined,
  kind: args.kind,
  region: args.region,
});

@Resolver()
export class RatingResolver {
  @Query(() => RatingConnection, {
    description:
      'The leaderboard: organisations of a thematic group or of a kind (compare like with like), best first; public.',
  })
  async ratings(
    @Args(() => PageArgs) args: PageArgs,
    @Args(() => RatingScopeArgs) scope: RatingScopeArgs,
    @Ctx() ctx: Context,
  ) {
    const all = await ratingsIn(ctx.em, ctx.now(), scopeOf(scope), ctx.ratings);
    const size = pageSize(args);
    const after = decodeCursor(args.after);
    const position = after ? Number(after.value) : -1;
    if (!Number.isInteger(position) || position < -1)
      throw badInput(['after'], { ru: 'Некорректный курсор', en: 'Malformed cursor' });
    // The page goes on after the organisation the cursor names, wherever the ranking has moved it since; its
    // position is the fallback when it is no longer in the list.
    const anchor = after ? all.findIndex((rating) => rating.subject.id === after.id) : -1;
    const start = (anchor >= 0 ? anchor : position) + 1;
    const page = all.slice(start, start + size);
    const edges = page.map((node, i) => ({
      node,
      cursor: encodeCursor({ value: String(start + i), id: node.subject.id }),
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

  @Query(() => RatingDistribution, {
    description: 'How the composites of a thematic group or kind spread (a histogram); public.',
  })
  async ratingDistribution(
    @Args(() => RatingDistributionArgs) args: RatingDistributionArgs,
    @Ctx() ctx: Context,
  ): Promise<RatingDistribution> {
    if (!Number.isInteger(args.binWidth) || args.binWidth < 1 || args.binWidth > 50) {
      throw badInput(['binWidth'], { ru: 'Ширина интервала — от 1 до 50 баллов', en: 'Bin width is 1–50 points' });
    }
    const all = await ratingsIn(ctx.em, ctx.now(), scopeOf(args), ctx.ratings);
    const ranked = all.filter((r) => r.enoughData).length;
    return { bins: distribution(all, args.binWidth), ranked, notEnoughData: all.length - ranked };
  }

  @Query(() => [RatingSnapshot], { description: 'The latest rating snapshots, newest first; public.' })
  async ratingSnapshots(
    @Arg('last', () => Int, { defaultValue: 12, description: 'How many (1–100).' }) last: number,
    @Ctx() ctx: Context,
  ): Promise<RatingSnapshot[]> {
    if (!Number.isInteger(last) || last < 1 || last > 100)
      throw badInput(['last'], { ru: 'От 1 до 100', en: 'Between 1 and 100' });
    const rows = await ctx.em.execute<
      Array<{ id: string; taken_at: Date; reason: RatingSnapshotReason; entries: string }>
    >(
      `select s.id, s.taken_at, s.reason, (select count(*) from rating_snapshot_entry e where e.snapshot_id = s.id) as entries
         from rating_snapshot s order by s.taken_at desc limit ?`,
      [last],
    );
    return rows.map((r) => ({ id: r.id, takenAt: new Date(r.taken_at), reason: r.reason, entries: Number(r.entries) }));
  }

  @Mutation(() => RatingSnapshotPayload, {
    description: 'Records every organisation’s current rating now (platform admins); monthly ones are automatic.',
  })
  takeRatingSnapshot(@Ctx() ctx: Context) {
    return withUserErrors(ctx.locale, async () => {
      const actor = requireAuthenticated(ctx.actor);
      if (!hasPlatformRole(actor, PlatformRole.PLATFORM_ADMIN)) {
        throw forbidden({
          ru: 'Срез рейтинга делает администратор платформы',
          en: 'Only platform admins take rating snapshots',
        });
      }
      const snapshot = await takeRatingSnapshot(ctx.em, ctx.now(), 'ON_DEMAND', actor.subject);
      return { snapshot: snapshot && { ...snapshot, reason: RatingSnapshotReason.ON_DEMAND } };
    });
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
  if (!ratings) perRequest.set(kind, (ratings = ratingsIn(ctx.em, ctx.now(), { kind }, ctx.ratings)));
  return ratings;
}

/** Per-request compliance loaders, for the improvement tips of every rating in a response. */
const complianceLoaders = new WeakMap<Context, ReturnType<typeof createComplianceLoader>>();

@Resolver(() => OrganisationRating)
export class OrganisationRatingFieldsResolver {
  @FieldResolver(() => Organisation, { description: 'The organisation.' })
  organisation(@Root() rating: OrganisationRating, @Ctx() ctx: Context): Promise<Organisation> {
    return ctx.loaders.organisation.loadOrFail(rating.subject.id, 'organisation');
  }

  @FieldResolver(() => [String], {
    description:
      "How to improve, in the request's language: the openness steps that add most, then reviews, closing loops and contribution.",
  })
  async howToImprove(@Root() rating: OrganisationRating, @Ctx() ctx: Context): Promise<string[]> {
    let loader = complianceLoaders.get(ctx);
    if (!loader) complianceLoaders.set(ctx, (loader = createComplianceLoader(ctx.em, ctx.now)));
    return howToImprove(rating, await loader.load(rating.subject.id), ctx.locale);
  }
}

@Resolver(() => Organisation)
export class OrganisationRatingResolver {
  @FieldResolver(() => OrganisationRating, {
    description: 'Its rating among organisations of the same kind, with the breakdown; public.',
  })
  async rating(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<OrganisationRating> {
    const all = await ratingsOfKind(ctx, organisation.kind);
    return all.find((r) => r.subject.id === organisation.id)!;
  }

  @FieldResolver(() => [RatingHistoryPoint], {
    description: 'Its recorded ratings (monthly and on-demand snapshots), oldest first: the trend; public.',
  })
  async ratingHistory(
    @Root() organisation: Organisation,
    @Arg('groupId', () => ID, {
      nullable: true,
      description: 'Within this thematic group; among its kind when omitted.',
    })
    groupId: string | null,
    @Arg('last', () => Int, { defaultValue: 24, description: 'At most this many points (1–120).' }) last: number,
    @Ctx() ctx: Context,
  ): Promise<RatingHistoryPoint[]> {
    if (!Number.isInteger(last) || last < 1 || last > 120)
      throw badInput(['last'], { ru: 'От 1 до 120', en: 'Between 1 and 120' });
    const scope = groupId ? parseGlobalId(groupId, ThematicGroup.typename, ['groupId']) : ALL_GROUPS;
    const points = await ratingHistory(ctx.em, organisation.id, scope, last);
    return points.map((p) => ({ ...p, reason: p.reason as RatingSnapshotReason }));
  }
}
