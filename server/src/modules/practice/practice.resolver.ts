import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import type { Context } from '../../context.js';
import { FeedbackMethod } from '../feedback-method/feedback-method.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ThematicGroup } from '../thematic-group/thematic-group.entity.js';
import { PracticeConnection, PracticePayload, PracticesArgs } from './dto/practice.connection.js';
import { CreatePracticeInput, PracticeVersionInput, UpdatePracticeInput } from './dto/practice.input.js';
import { PracticeContent, toPracticeContent } from './practice-content.js';
import { PracticeRevision } from './practice-revision.entity.js';
import { diffContent, FieldChange } from './practice.diff.js';
import { Practice } from './practice.entity.js';
import { ParticipationLevel, PracticeStatus } from './practice.enums.js';
import { canEditPractice } from './practice.policy.js';
import { findVisiblePractice, listPractices } from './practice.query.js';
import { archivePractice, createPractice, publishPractice, updatePractice } from './practice.service.js';

@ArgsType()
class OrganisationPracticesArgs extends PageArgs {
  @Field(() => PracticeStatus, {
    nullable: true,
    description: 'PUBLISHED by default; DRAFT for one’s own organisation.',
  })
  status?: PracticeStatus;
}

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'A practice by id; drafts only for their own organisation.' })
  practice(@Arg('id', () => ID, { description: 'Global id of the practice.' }) id: string, @Ctx() ctx: Context) {
    const parsed = fromGlobalId(id);
    return parsed?.type === Practice.typename ? findVisiblePractice(ctx, parsed.id) : null;
  }

  @Query(() => PracticeConnection, {
    description:
      'Practices with filters, Russian full-text search and sorting; public (drafts only for their own organisation).',
  })
  practices(@Args(() => PracticesArgs) args: PracticesArgs, @Ctx() ctx: Context) {
    return listPractices(ctx, args);
  }

  @Query(() => [FeedbackMethod], {
    description: 'The feedback-methods catalogue (a bounded list, by category and title).',
  })
  feedbackMethods(@Ctx() ctx: Context): Promise<FeedbackMethod[]> {
    return ctx.em.find(FeedbackMethod, {}, { orderBy: { category: 'asc', titleRu: 'asc' } });
  }

  @FieldResolver(() => Organisation, { description: 'The owning organisation.' })
  organisation(@Root() practice: Practice, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.loadOrFail(practice.organisationId, 'organisation');
  }

  @FieldResolver(() => ThematicGroup, { description: 'The thematic group it is published in.' })
  group(@Root() practice: Practice, @Ctx() ctx: Context) {
    return ctx.loaders.thematicGroup.loadOrFail(practice.groupId, 'thematic group');
  }

  @FieldResolver(() => [FeedbackMethod], { description: 'Feedback methods used, in the author’s order.' })
  async methods(@Root() practice: Practice, @Ctx() ctx: Context): Promise<FeedbackMethod[]> {
    return (await ctx.loaders.practiceMethods.load(practice.id)) ?? [];
  }

  @FieldResolver(() => PracticeContent, {
    description: 'The current content (of the latest revision, or of the draft).',
  })
  async content(@Root() practice: Practice, @Ctx() ctx: Context): Promise<PracticeContent> {
    const methods = (await ctx.loaders.practiceMethods.load(practice.id)) ?? [];
    return toPracticeContent(
      practice.title,
      practice.summary,
      practice.content,
      methods.map((m) => m.key),
    );
  }

  @FieldResolver(() => ParticipationLevel, { nullable: true, description: 'Participation level (also in `content`).' })
  participationLevel(@Root() practice: Practice): ParticipationLevel | null {
    return practice.content.participationLevel ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the feedback loop is closed (also in `content`).',
  })
  loopClosed(@Root() practice: Practice): boolean | null {
    return practice.content.loopClosure?.closed ?? null;
  }

  @FieldResolver(() => [String], { description: 'Tags (also in `content`).' })
  tags(@Root() practice: Practice): string[] {
    return practice.content.tags ?? [];
  }

  @FieldResolver(() => [PracticeRevision], { description: 'Published revisions, newest first.' })
  async revisions(@Root() practice: Practice, @Ctx() ctx: Context): Promise<PracticeRevision[]> {
    return (await ctx.loaders.practiceRevisions.load(practice.id)) ?? [];
  }

  @FieldResolver(() => [FieldChange], {
    description: 'What changed between two revisions of this practice, field by field.',
  })
  async revisionDiff(
    @Root() practice: Practice,
    @Arg('from', () => Int, { description: 'Earlier revision number.' }) from: number,
    @Arg('to', () => Int, { description: 'Later revision number.' }) to: number,
    @Ctx() ctx: Context,
  ): Promise<FieldChange[]> {
    const revisions = (await ctx.loaders.practiceRevisions.load(practice.id)) ?? [];
    const find = (n: number, field: string) => {
      const revision = revisions.find((r) => r.number === n);
      if (!revision) throw notFound({ ru: `Нет редакции №${n}`, en: `No revision ${n}` });
      if (field === 'to' && n < from)
        throw badInput([field], {
          ru: 'Сравнивайте более раннюю с более поздней',
          en: 'Compare an earlier revision with a later one',
        });
      return toPracticeContent(revision.title, revision.summary, revision.content, revision.methodKeys);
    };
    return diffContent(find(from, 'from'), find(to, 'to'));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit, publish and archive it.' })
  viewerCanEdit(@Root() practice: Practice, @Ctx() ctx: Context): boolean {
    return canEditPractice(ctx.actor, practice);
  }

  @Mutation(() => PracticePayload, {
    description: 'Creates a draft practice for the organisation the caller acts for (EDITOR or ADMIN).',
  })
  createPractice(
    @Arg('input', () => CreatePracticeInput, { description: 'Group and content.' }) input: CreatePracticeInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ practice: await createPractice(ctx, input) }));
  }

  @Mutation(() => PracticePayload, {
    description: 'Edits a practice; on a published one the edit becomes a new revision.',
  })
  updatePractice(
    @Arg('input', () => UpdatePracticeInput, { description: 'Practice, version and changes.' })
    input: UpdatePracticeInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ practice: await updatePractice(ctx, input) }));
  }

  @Mutation(() => PracticePayload, { description: 'Publishes a draft (as revision 1) or an archived practice again.' })
  publishPractice(
    @Arg('input', () => PracticeVersionInput, { description: 'Practice and version.' }) input: PracticeVersionInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ practice: await publishPractice(ctx, input) }));
  }

  @Mutation(() => PracticePayload, { description: 'Archives a published practice.' })
  archivePractice(
    @Arg('input', () => PracticeVersionInput, { description: 'Practice and version.' }) input: PracticeVersionInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ practice: await archivePractice(ctx, input) }));
  }
}

@Resolver(() => PracticeRevision)
export class PracticeRevisionResolver {
  @FieldResolver(() => PracticeContent, { description: 'The content as published in this revision.' })
  content(@Root() revision: PracticeRevision): PracticeContent {
    return toPracticeContent(revision.title, revision.summary, revision.content, revision.methodKeys);
  }
}

@Resolver(() => Organisation)
export class OrganisationPracticesResolver {
  @FieldResolver(() => PracticeConnection, {
    description: "The organisation's practices, newest first: PUBLISHED by default; its own members may ask for DRAFT.",
  })
  practices(
    @Root() organisation: Organisation,
    @Args(() => OrganisationPracticesArgs) args: OrganisationPracticesArgs,
    @Ctx() ctx: Context,
  ) {
    return listPractices(ctx, {
      first: args.first,
      after: args.after,
      filter: { organisationId: organisation.globalId, status: args.status },
    });
  }
}

@Resolver(() => FeedbackMethod)
export class FeedbackMethodResolver {
  @FieldResolver(() => String, { description: "Title in the request's language." })
  title(@Root() method: FeedbackMethod, @Ctx() ctx: Context): string {
    return ctx.locale === 'en' ? method.titleEn : method.titleRu;
  }

  @FieldResolver(() => String, { description: "Description in the request's language." })
  description(@Root() method: FeedbackMethod, @Ctx() ctx: Context): string {
    return ctx.locale === 'en' ? method.descriptionEn : method.descriptionRu;
  }
}
