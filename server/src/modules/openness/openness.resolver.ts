import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import { connectionTypes, PageArgs } from '../../common/graphql/pagination.js';
import { withUserErrors } from '../../common/graphql/user-error.js';
import { activeOrganisationId, isAuthenticated } from '../../common/tenancy/actor.js';
import type { Context } from '../../context.js';
import { Organisation, OrganisationKind } from '../organisation/organisation.entity.js';
import { canSeeOrganisationPrivate } from '../organisation/organisation.policy.js';
import { expiresAt } from './compliance.engine.js';
import { computeFor, toReport } from './compliance.service.js';
import { canVerify, decideDisclosure, disclose } from './disclosure.service.js';
import {
  ComplianceReport,
  Criterion,
  CriterionChange,
  DecideDisclosureInput,
  DiscloseInput,
  DisclosurePayload,
  PublishStandardInput,
  StandardFormula,
  StandardLevel,
  StandardPayload,
  StandardSection,
} from './dto/openness.types.js';
import { ComplianceSnapshot, Disclosure, DisclosureStatus, OpennessStandard } from './openness.entities.js';
import {
  criteriaOf,
  diffStandards,
  findStandard,
  latestStandards,
  levelsOf,
  localized,
  publishStandard,
  sectionsOf,
  standardForKind,
} from './standard.service.js';

const { ConnectionType: DisclosureConnection } = connectionTypes(Disclosure, 'Disclosure', 'disclosure');

@Resolver(() => OpennessStandard)
export class OpennessStandardResolver {
  @Query(() => [OpennessStandard], { description: 'The latest version of every information-openness standard.' })
  opennessStandards(@Ctx() ctx: Context) {
    return latestStandards(ctx.em);
  }

  @Query(() => OpennessStandard, { description: 'A standard by key, at a version (the latest when omitted).' })
  opennessStandard(
    @Arg('key', () => String, { description: 'Standard key.' }) key: string,
    @Arg('version', () => Int, { nullable: true, description: 'Version; the latest when omitted.' })
    version: number | null,
    @Ctx() ctx: Context,
  ) {
    return findStandard(ctx.em, key, version);
  }

  @Query(() => [CriterionChange], { description: 'What changed in a standard between two versions.' })
  async standardChanges(
    @Arg('key', () => String, { description: 'Standard key.' }) key: string,
    @Arg('from', () => Int, { description: 'Earlier version.' }) from: number,
    @Arg('to', () => Int, { description: 'Later version.' }) to: number,
    @Ctx() ctx: Context,
  ): Promise<CriterionChange[]> {
    const [before, after] = await Promise.all([findStandard(ctx.em, key, from), findStandard(ctx.em, key, to)]);
    return diffStandards(before.definition, after.definition);
  }

  @FieldResolver(() => String, { description: "Title in the request's language." })
  title(@Root() s: OpennessStandard, @Ctx() ctx: Context) {
    return localized(ctx.locale, s.definition.titleRu, s.definition.titleEn);
  }

  @FieldResolver(() => String, { description: "Description in the request's language." })
  description(@Root() s: OpennessStandard, @Ctx() ctx: Context) {
    return localized(ctx.locale, s.definition.descriptionRu, s.definition.descriptionEn);
  }

  @FieldResolver(() => StandardFormula, { name: 'formula', description: 'Scoring formula.' })
  formulaKind(@Root() s: OpennessStandard) {
    return s.formula as StandardFormula;
  }

  @FieldResolver(() => [OrganisationKind], { name: 'appliesTo', description: 'Kinds of organisation it applies to.' })
  appliesToKinds(@Root() s: OpennessStandard) {
    return s.appliesTo as OrganisationKind[];
  }

  @FieldResolver(() => [String], { description: 'Sources the standard is based on.' })
  sources(@Root() s: OpennessStandard) {
    return s.definition.sources;
  }

  @FieldResolver(() => [StandardSection], { description: 'Sections with their criteria.' })
  sections(@Root() s: OpennessStandard, @Ctx() ctx: Context) {
    return sectionsOf(s, ctx.locale);
  }

  @FieldResolver(() => [StandardLevel], { description: 'Levels, lowest first; earned in order.' })
  levels(@Root() s: OpennessStandard, @Ctx() ctx: Context) {
    return levelsOf(s, ctx.locale);
  }

  @Mutation(() => StandardPayload, {
    description: 'Publishes a new version of a standard (platform admins); earlier scores stay as computed.',
  })
  publishStandard(
    @Arg('input', () => PublishStandardInput, { description: 'The definition.' }) input: PublishStandardInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ standard: await publishStandard(ctx, input.definition) }));
  }
}

@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Query(() => DisclosureConnection, {
    description:
      'Claimed disclosures of other organisations the viewer may verify (moderators: all; ADMINs: organisations sharing an ACTIVE group), oldest first.',
  })
  disclosureVerificationQueue(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    const own = activeOrganisationId(ctx.actor);
    const where = { status: DisclosureStatus.CLAIMED, ...(own ? { organisationId: { $ne: own } } : {}) };
    return keysetPage(ctx.em, Disclosure, where, args, { column: 'createdAt', date: true });
  }

  @FieldResolver(() => Organisation, { description: 'The disclosing organisation.' })
  organisation(@Root() d: Disclosure, @Ctx() ctx: Context) {
    return ctx.loaders.organisation.loadOrFail(d.organisationId, 'organisation');
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may verify or reject it now.' })
  async viewerCanVerify(@Root() d: Disclosure, @Ctx() ctx: Context): Promise<boolean> {
    return (
      d.status === DisclosureStatus.CLAIMED && isAuthenticated(ctx.actor) && canVerify(ctx, ctx.actor, d.organisationId)
    );
  }

  @FieldResolver(() => OpennessStandard, { description: 'The standard version.' })
  standard(@Root() d: Disclosure, @Ctx() ctx: Context) {
    return ctx.loaders.opennessStandard.loadOrFail(d.standardId, 'standard');
  }

  @FieldResolver(() => Criterion, { description: 'The criterion.' })
  async criterion(@Root() d: Disclosure, @Ctx() ctx: Context) {
    const standard = await ctx.loaders.opennessStandard.loadOrFail(d.standardId, 'standard');
    return criteriaOf(standard, ctx.locale).find((c) => c.key === d.criterionKey);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When a verified disclosure stops counting (its criterion’s freshness period).',
  })
  async expiresAt(@Root() d: Disclosure, @Ctx() ctx: Context): Promise<Date | null> {
    const standard = await ctx.loaders.opennessStandard.loadOrFail(d.standardId, 'standard');
    const criterion = standard.definition.sections.flatMap((s) => s.criteria).find((c) => c.key === d.criterionKey);
    return criterion ? expiresAt(criterion, new Date(`${d.asOf}T00:00:00Z`)) : null;
  }

  @Mutation(() => DisclosurePayload, {
    description:
      'Claims a criterion for the organisation the caller acts for (ADMIN or EDITOR), or claims it again with new evidence.',
  })
  disclose(
    @Arg('input', () => DiscloseInput, { description: 'Criterion and evidence.' }) input: DiscloseInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({ disclosure: await disclose(ctx, input) }));
  }

  @Mutation(() => DisclosurePayload, {
    description:
      'Verifies a claimed disclosure (moderators, or ADMINs of another organisation sharing an ACTIVE group).',
  })
  verifyDisclosure(
    @Arg('input', () => DecideDisclosureInput, { description: 'Disclosure and version.' }) input: DecideDisclosureInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({
      disclosure: await decideDisclosure(ctx, input, DisclosureStatus.VERIFIED),
    }));
  }

  @Mutation(() => DisclosurePayload, {
    description:
      'Rejects a claimed disclosure with a reason (moderators, or ADMINs of another organisation sharing an ACTIVE group).',
  })
  rejectDisclosure(
    @Arg('input', () => DecideDisclosureInput, { description: 'Disclosure, version and reason.' })
    input: DecideDisclosureInput,
    @Ctx() ctx: Context,
  ) {
    return withUserErrors(ctx.locale, async () => ({
      disclosure: await decideDisclosure(ctx, input, DisclosureStatus.REJECTED),
    }));
  }
}

@Resolver(() => Organisation)
export class OrganisationOpennessResolver {
  @FieldResolver(() => ComplianceReport, {
    nullable: true,
    description:
      'Compliance with a standard (by key; by default the one for the organisation’s kind), computed now; public.',
  })
  async compliance(
    @Root() organisation: Organisation,
    @Arg('standardKey', () => String, { nullable: true, description: 'Standard key.' }) standardKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ComplianceReport | null> {
    const standard = standardKey
      ? await findStandard(ctx.em, standardKey)
      : await standardForKind(ctx.em, organisation.kind);
    if (!standard || !standard.appliesTo.includes(organisation.kind)) return null;
    const now = ctx.now();
    return toReport(standard, await computeFor(ctx.em, organisation, standard, now), ctx.locale, now);
  }

  @FieldResolver(() => [Disclosure], {
    description:
      'Disclosures: verified ones for everyone; claimed and rejected ones for the organisation and its verifiers.',
  })
  async disclosures(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Disclosure[]> {
    // The organisation itself, and whoever may verify it (moderators, peer ADMINs), see every state.
    const seesAll =
      canSeeOrganisationPrivate(ctx.actor, organisation.id) ||
      (isAuthenticated(ctx.actor) && (await canVerify(ctx, ctx.actor, organisation.id)));
    return ctx.em.find(
      Disclosure,
      { organisationId: organisation.id, ...(seesAll ? {} : { status: DisclosureStatus.VERIFIED }) },
      { orderBy: { criterionKey: 'asc' } },
    );
  }

  @FieldResolver(() => [ComplianceSnapshot], {
    description:
      'Compliance history with one standard version (by key and version; by default the latest for its kind), oldest first.',
  })
  async complianceHistory(
    @Root() organisation: Organisation,
    @Arg('standardKey', () => String, { nullable: true, description: 'Standard key.' }) standardKey: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'Standard version; the latest when omitted.' })
    version: number | null,
    @Ctx() ctx: Context,
  ): Promise<ComplianceSnapshot[]> {
    const standard = standardKey
      ? await findStandard(ctx.em, standardKey, version)
      : await standardForKind(ctx.em, organisation.kind);
    if (!standard) return [];
    return ctx.em.find(
      ComplianceSnapshot,
      { organisationId: organisation.id, standardId: standard.id },
      { orderBy: { takenAt: 'asc' } },
    );
  }
}
