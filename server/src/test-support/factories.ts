import { expect } from 'vitest';
import type { Person, TestServer } from './test-server.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export interface OrganisationFixture {
  id: string;
  slug: string;
  admin: Person;
}

/** Registers an organisation through the API; the given (or a new) person becomes its ADMIN. */
export async function createOrganisation(
  server: TestServer,
  overrides: Record<string, unknown> = {},
  admin?: Person,
): Promise<OrganisationFixture> {
  const person = admin ?? (await server.person());
  const slug = (overrides.slug as string | undefined) ?? unique('org');
  const result = await server.gql(
    `mutation($input: RegisterOrganisationInput!) {
      registerOrganisation(input: $input) { organisation { id slug } userErrors { code field message } }
    }`,
    { input: { name: `Организация ${slug}`, slug, kind: 'NGO', region: 'Санкт-Петербург', ...overrides } },
    { token: person.token },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.registerOrganisation.userErrors).toEqual([]);
  return { id: result.data!.registerOrganisation.organisation.id, slug, admin: person };
}

export interface GroupFixture {
  id: string;
  slug: string;
}

/** Creates a thematic group as a platform admin. */
export async function createGroup(
  server: TestServer,
  overrides: Record<string, unknown> = {},
  platformAdmin?: Person,
): Promise<GroupFixture> {
  const person = platformAdmin ?? (await server.person({ realmRoles: ['PLATFORM_ADMIN'] }));
  const slug = (overrides.slug as string | undefined) ?? unique('group');
  const result = await server.gql(
    `mutation($input: CreateThematicGroupInput!) {
      createThematicGroup(input: $input) { group { id slug } userErrors { code field message } }
    }`,
    {
      input: {
        slug,
        titleRu: `Группа ${slug}`,
        titleEn: `Group ${slug}`,
        descriptionRu: 'Описание группы',
        descriptionEn: 'Group description',
        joinPolicy: 'OPEN',
        ...overrides,
      },
    },
    { token: person.token },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.createThematicGroup.userErrors).toEqual([]);
  return { id: result.data!.createThematicGroup.group.id, slug };
}

/** Adds a person to an organisation through an invitation, accepted by their next signed-in request. */
export async function addMember(server: TestServer, organisation: OrganisationFixture, role: string): Promise<Person> {
  const person = await server.person();
  const invited = await server.gql(
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } userErrors { code message } } }`,
    { input: { email: person.user.email, role } },
    { token: organisation.admin.token, organisation: organisation.id },
  );
  expect(invited.data?.inviteMember.userErrors).toEqual([]);
  const me = await server.gql(`{ me { memberships { role organisation { id } } } }`, {}, { token: person.token });
  expect(me.data?.me.memberships).toContainEqual({ role, organisation: { id: organisation.id } });
  return person;
}

/** The database uuid inside a global id. */
export const uuidOf = (globalId: string): string => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

/** Catalogue methods for practices (the catalogue is seed data, absent from test databases). */
export async function createMethods(server: TestServer, keys: string[]): Promise<void> {
  for (const key of keys) {
    await server.db.query(
      `insert into feedback_method (key, category, title_ru, title_en, description_ru, description_en)
       values ($1, 'COLLECTION_METHOD', $1, $1, 'Описание', 'Description') on conflict (key) do nothing`,
      [key],
    );
  }
}

/** Makes the organisation an ACTIVE member of the (OPEN) group through the API. */
export async function joinGroup(
  server: TestServer,
  organisation: OrganisationFixture,
  group: GroupFixture,
): Promise<void> {
  const result = await server.gql(
    `mutation($id: ID!) { requestGroupMembership(groupId: $id) { membership { status } userErrors { code } } }`,
    { id: group.id },
    { token: organisation.admin.token },
  );
  expect(result.data?.requestGroupMembership.membership?.status).toBe('ACTIVE');
}

/** Content complete enough to publish; override any field. */
export function practiceContent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Совет получателей услуг',
    summary: 'Получатели услуг вместе с администрацией решают, как меняется работа центра.',
    problem: 'Семьи не знали, как повлиять на расписание и формат занятий.',
    beneficiarySegment: { description: 'Родители детей с инвалидностью', size: 40, reach: 'Через родительский чат' },
    participationLevel: 'GOVERNANCE_PARTICIPATION',
    methodKeys: ['survey'],
    loopClosure: { returnedWhat: 'Решения совета', returnedHow: 'Рассылка и стенд', turnaroundDays: 14, closed: true },
    indicators: [{ tier: 'OUTPUT', name: 'Заседаний совета', unit: 'шт.', baseline: 0, value: 6, period: '2026' }],
    evidenceLinks: [{ title: 'Отчёт', url: 'https://example.org/report' }],
    resources: 'Координатор на 0,25 ставки',
    replicationAdvice: 'Начинайте с малого',
    tags: ['совет', 'родители'],
    ...overrides,
  };
}

export const PRACTICE_FIELDS = `id status version revisionNumber title summary participationLevel loopClosed tags viewerCanEdit
  organisation { slug } group { slug } methods { key }`;

/** Creates a practice through the API as the organisation's admin; publishes it unless `draft`. */
export async function createPractice(
  server: TestServer,
  organisation: OrganisationFixture,
  group: GroupFixture,
  opts: { content?: Record<string, unknown>; draft?: boolean; token?: string } = {},
): Promise<{ id: string; version: number }> {
  const token = opts.token ?? organisation.admin.token;
  const created = await server.gql(
    `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { practice { id version } userErrors { code field message } } }`,
    { input: { groupId: group.id, content: practiceContent(opts.content) } },
    { token },
  );
  expect(created.data?.createPractice.userErrors).toEqual([]);
  const practice = created.data!.createPractice.practice as { id: string; version: number };
  if (opts.draft) return practice;
  const published = await server.gql(
    `mutation($input: PracticeVersionInput!) { publishPractice(input: $input) { practice { id version } userErrors { code field message } } }`,
    { input: { practiceId: practice.id, version: practice.version } },
    { token },
  );
  expect(published.data?.publishPractice.userErrors).toEqual([]);
  return published.data!.publishPractice.practice;
}

export const REVIEW_BODY =
  'Рецензия по существу: практика хорошо описывает, как вовлекают получателей услуг и как им возвращают обратную связь. '.repeat(
    2,
  );

/** Submits a rubric review of a practice as the given person (a REVIEWER or above of an ACTIVE group member). */
export async function submitReview(server: TestServer, token: string, practiceId: string, score = 5): Promise<void> {
  const result = await server.gql(
    `mutation($input: CreateReviewInput!) { createReview(input: $input) { userErrors { code message } } }`,
    {
      input: {
        practiceId,
        scores: { relevance: score, depth: score, loopClosure: score, evidence: score, replicability: score },
        confidence: 5,
        body: REVIEW_BODY,
        submit: true,
      },
    },
    { token },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.createReview.userErrors).toEqual([]);
}

/** Publishes a one-criterion standard for NGOs (criterion `mission`, evidence a link) as a platform admin. */
export async function publishMissionStandard(server: TestServer, key: string): Promise<void> {
  const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  const result = await server.gql(
    `mutation($input: PublishStandardInput!) { publishStandard(input: $input) { userErrors { code message } } }`,
    {
      input: {
        definition: {
          ...{ key, version: 1, titleRu: 'С', titleEn: 'S', descriptionRu: 'С', descriptionEn: 'S' },
          ...{ appliesTo: ['NGO'], formula: 'WEIGHTED_SHARE' },
          sections: [
            {
              key: 'about',
              titleRu: 'О',
              titleEn: 'A',
              criteria: [
                {
                  ...{ key: 'mission', titleRu: 'М', titleEn: 'M', descriptionRu: 'М', descriptionEn: 'M' },
                  ...{ weight: 1, mandatory: true, evidence: 'URL' },
                },
              ],
            },
          ],
          levels: [{ key: 'base', titleRu: 'Б', titleEn: 'B', requires: ['mission'] }],
        },
      },
    },
    { token: admin.token },
  );
  expect(result.data?.publishStandard.userErrors).toEqual([]);
}

/** Claims the `mission` criterion of a standard from publishMissionStandard; returns the disclosure to decide on. */
export async function discloseMission(
  server: TestServer,
  organisation: OrganisationFixture,
  standardKey: string,
  evidenceUrl = 'https://example.org/mission',
): Promise<{ id: string; version: number }> {
  const result = await server.gql(
    `mutation($input: DiscloseInput!) { disclose(input: $input) { disclosure { id version } userErrors { code } } }`,
    { input: { standardKey, criterionKey: 'mission', evidenceUrl, asOf: '2026-01-01' } },
    { token: organisation.admin.token },
  );
  expect(result.data?.disclose.userErrors).toEqual([]);
  return result.data!.disclose.disclosure;
}
