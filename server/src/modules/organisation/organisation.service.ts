import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, forbidden, InputErrors, notFound } from '../../common/errors/domain-error.js';
import { keysetPage } from '../../common/graphql/keyset-page.js';
import type { PageArgs } from '../../common/graphql/pagination.js';
import { requireAuthenticated } from '../../common/tenancy/require.js';
import { switchTenantInTransaction } from '../../common/tenancy/session.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { Member } from '../member/member.entity.js';
import { MemberRole } from '../member/member-role.js';
import type { RegisterOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { Organisation, type OrganisationKind } from './organisation.entity.js';
import { canAdministerOrganisation, canRegisterOrganisation } from './organisation.policy.js';
import { isValidInn, isValidOgrn, messages } from './organisation.validators.js';
import { isHttpUrl, isValidSlug } from '../../common/validation.js';

type ProfileFields = Partial<Omit<RegisterOrganisationInput, 'slug'>> & { slug?: string };

const LIMITS = { name: 300, region: 120, description: 5000 } as const;

function normalise(input: ProfileFields): ProfileFields {
  const trim = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null);
  return {
    ...input,
    name: input.name?.trim(),
    slug: input.slug?.trim().toLowerCase(),
    region: input.region?.trim(),
    website: trim(input.website),
    inn: trim(input.inn),
    ogrn: trim(input.ogrn),
    description: trim(input.description),
  };
}

/** Every problem with a profile at once, each with its field path. */
function validateProfile(input: ProfileFields, required: boolean, raw: Record<string, unknown> = {}): void {
  const errors = new InputErrors();
  const at = (name: string) => ['input', name];
  for (const name of ['name', 'kind', 'region'] as const) {
    if (raw[name] === null)
      errors.add(at(name), { ru: 'Это поле нельзя очистить', en: 'This field cannot be cleared' });
  }
  if (required || input.name !== undefined) {
    if (!input.name) errors.add(at('name'), messages.required('название', 'Name'));
    else if (input.name.length > LIMITS.name) errors.add(at('name'), messages.tooLong(LIMITS.name));
  }
  if (required || input.region !== undefined) {
    if (!input.region) errors.add(at('region'), messages.required('регион', 'Region'));
    else if (input.region.length > LIMITS.region) errors.add(at('region'), messages.tooLong(LIMITS.region));
  }
  if (required && !isValidSlug(input.slug ?? '')) errors.add(at('slug'), messages.slug);
  if (input.website && !isHttpUrl(input.website)) errors.add(at('website'), messages.website);
  if (input.inn && !isValidInn(input.inn)) errors.add(at('inn'), messages.inn);
  if (input.ogrn && !isValidOgrn(input.ogrn)) errors.add(at('ogrn'), messages.ogrn);
  if (input.description && input.description.length > LIMITS.description) {
    errors.add(at('description'), messages.tooLong(LIMITS.description));
  }
  errors.throwIfAny();
}

const slugTaken = () => conflict(messages.slugTaken, ['input', 'slug']);

export async function registerOrganisation(ctx: Context, raw: RegisterOrganisationInput): Promise<Organisation> {
  const actor = requireAuthenticated(ctx.actor);
  if (!canRegisterOrganisation(actor)) {
    throw forbidden({
      ru: 'Регистрировать организации могут только люди',
      en: 'Only people can register organisations',
    });
  }
  const input = normalise(raw);
  validateProfile(input, true);
  if (await ctx.em.count(Organisation, { slug: input.slug })) throw slugTaken();
  try {
    return await ctx.em.transactional(async (em) => {
      const organisation = em.create(Organisation, {
        slug: input.slug!,
        name: input.name!,
        kind: input.kind!,
        region: input.region!,
        website: input.website ?? null,
        inn: input.inn ?? null,
        ogrn: input.ogrn ?? null,
        description: input.description ?? null,
      });
      await em.flush();
      await switchTenantInTransaction(em, organisation.id);
      const member = em.create(Member, {
        organisationId: organisation.id,
        subject: actor.subject,
        displayName: actor.displayName,
        email: actor.email ?? null,
        role: MemberRole.ADMIN,
      });
      await em.flush();
      recordAudit(em, actor, {
        organisationId: organisation.id,
        action: 'organisation.registered',
        objectType: 'Organisation',
        objectId: organisation.id,
        summary: { slug: organisation.slug, adminMemberId: member.id },
      });
      return organisation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw slugTaken();
    throw error;
  }
}

export async function updateOrganisation(ctx: Context, raw: UpdateOrganisationInput): Promise<Organisation> {
  const actor = requireAuthenticated(ctx.actor);
  const organisationId = actor.active?.organisationId;
  if (!organisationId || !canAdministerOrganisation(actor, organisationId)) {
    throw forbidden({
      ru: 'Изменять профиль может только администратор организации',
      en: 'Only the organisation’s ADMIN can edit its profile',
    });
  }
  const input = normalise(raw);
  validateProfile(input, false, raw as unknown as Record<string, unknown>);
  return ctx.em.transactional(async (em) => {
    const organisation = await em.findOne(Organisation, { id: organisationId });
    if (!organisation) throw notFound();
    const changed: Record<string, unknown> = {};
    for (const key of ['name', 'kind', 'region', 'website', 'inn', 'ogrn', 'description'] as const) {
      const value = input[key];
      if (value === undefined || value === organisation[key]) continue;
      changed[key] = { from: organisation[key] ?? null, to: value };
      Object.assign(organisation, { [key]: value });
    }
    if (!Object.keys(changed).length) return organisation;
    recordAudit(em, actor, {
      organisationId,
      action: 'organisation.updated',
      objectType: 'Organisation',
      objectId: organisationId,
      summary: changed,
    });
    return organisation;
  });
}

export function findOrganisationBySlug(em: EntityManager, slug: string): Promise<Organisation | null> {
  return em.findOne(Organisation, { slug });
}

export function listOrganisations(ctx: Context, args: PageArgs, filter: { kind?: OrganisationKind; region?: string }) {
  const where = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.region ? { region: filter.region } : {}),
  };
  return keysetPage(ctx.em, Organisation, where, args, { column: 'name' });
}
