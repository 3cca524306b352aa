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
