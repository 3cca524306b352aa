import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const REGISTER = `mutation($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) {
    organisation { id slug name kind region website inn ogrn viewerRole }
    userErrors { code field message }
  }
}`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { id name website inn } userErrors { code field message } }
}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const organisationRows = () => server.db.query('select slug, name, website, inn, ogrn from organisation order by slug');

describe('registerOrganisation', () => {
  it('registers an organisation and makes the caller its ADMIN, with an audit event', async () => {
    const person = await server.person();
    const result = await server.gql(
      REGISTER,
      {
        input: {
          name: 'Фонд «Родные люди»',
          slug: 'rodnye-lyudi',
          kind: 'NGO',
          region: 'Москва',
          website: 'https://rodnye.example.org',
          inn: '7707083893',
          ogrn: '1027700132195',
        },
      },
      { token: person.token },
    );
    expect(result.data?.registerOrganisation).toMatchObject({
      organisation: { slug: 'rodnye-lyudi', kind: 'NGO', inn: '7707083893', viewerRole: null },
      userErrors: [],
    });
    const members = await server.db.query(
      `select m.role from member m join organisation o on o.id = m.organisation_id where o.slug = 'rodnye-lyudi' and m.subject = $1`,
      [person.user.id],
    );
    expect(members).toEqual([{ role: 'ADMIN' }]);
    const audit = await server.db.query(
      `select action, actor_subject from audit_event where action = 'organisation.registered'`,
    );
    expect(audit).toContainEqual({ action: 'organisation.registered', actor_subject: person.user.id });
    const me = await server.gql(`{ me { activeRole activeOrganisation { slug } } }`, {}, { token: person.token });
    expect(me.data?.me).toEqual({ activeRole: 'ADMIN', activeOrganisation: { slug: 'rodnye-lyudi' } });
  });

  it('refuses bad registration numbers, website and slug, each with its field, and writes nothing', async () => {
    const person = await server.person();
    const before = await organisationRows();
    const result = await server.gql(
      REGISTER,
      {
        input: {
          name: ' ',
          slug: 'Bad Slug',
          kind: 'NGO',
          region: 'Москва',
          website: 'javascript:alert(1)',
          inn: '7707083894',
          ogrn: '1027700132196',
        },
      },
      { token: person.token },
    );
    const errors = result.data?.registerOrganisation.userErrors as Array<{ code: string; field: string[] }>;
    expect(result.data?.registerOrganisation.organisation).toBeNull();
    expect(errors.map((e) => e.field.join('.')).sort()).toEqual(
      ['input.inn', 'input.name', 'input.ogrn', 'input.slug', 'input.website'].sort(),
    );
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(await organisationRows()).toEqual(before);
  });

  it('speaks Russian by default', async () => {
    const person = await server.person();
    const result = await server.gql(
      REGISTER,
      { input: { name: 'X', slug: 'valid-slug-ru', kind: 'NGO', region: 'Москва', inn: '123' } },
      { token: person.token, locale: 'ru' },
    );
    expect(result.data?.registerOrganisation.userErrors[0].message).toMatch(/ИНН/);
  });

  it('refuses a duplicate slug with CONFLICT', async () => {
    const existing = await createOrganisation(server);
    const person = await server.person();
    const result = await server.gql(
      REGISTER,
      { input: { name: 'Другая', slug: existing.slug, kind: 'OTHER', region: 'Тверь' } },
      { token: person.token },
    );
    expect(result.data?.registerOrganisation.userErrors).toMatchObject([
      { code: 'CONFLICT', field: ['input', 'slug'] },
    ]);
  });

  it('requires a signed-in person', async () => {
    const result = await server.gql(REGISTER, {
      input: { name: 'A', slug: 'anon-org', kind: 'NGO', region: 'Москва' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.db.query(`select 1 from organisation where slug = 'anon-org'`)).toEqual([]);
  });
});

describe('updateOrganisation', () => {
  it('lets the ADMIN edit the profile of the organisation they act for', async () => {
    const org = await createOrganisation(server);
    const result = await server.gql(
      UPDATE,
      { input: { name: 'Новое название', website: 'https://new.example.org', inn: null } },
      { token: org.admin.token },
    );
    expect(result.data?.updateOrganisation).toEqual({
      organisation: { id: org.id, name: 'Новое название', website: 'https://new.example.org', inn: null },
      userErrors: [],
    });
  });

  it('refuses an EDITOR with FORBIDDEN and changes nothing', async () => {
    const org = await createOrganisation(server);
    const editor = await addMember(server, org, 'EDITOR');
    const result = await server.gql(UPDATE, { input: { name: 'Взлом' } }, { token: editor.token });
    expect(result.data?.updateOrganisation.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect(
      await server.db.query(
        'select name from organisation where id = (select organisation_id from member where subject = $1)',
        [editor.user.id],
      ),
    ).not.toContainEqual({ name: 'Взлом' });
  });

  it('never lets another organisation edit it: the header cannot name an organisation one is not a member of', async () => {
    const victim = await createOrganisation(server);
    const attacker = await createOrganisation(server);
    const result = await server.gql(
      UPDATE,
      { input: { name: 'Чужое имя' } },
      { token: attacker.admin.token, organisation: victim.id },
    );
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await server.gql(UPDATE, { input: { name: 'Своё имя' } }, { token: attacker.admin.token });
    expect(own.data?.updateOrganisation.organisation.id).toBe(attacker.id);
    const victimRow = await server.db.query('select name from organisation where slug = $1', [victim.slug]);
    expect(victimRow).toEqual([{ name: `Организация ${victim.slug}` }]);
  });

  it('refuses a bad ОГРН and changes nothing', async () => {
    const org = await createOrganisation(server);
    const result = await server.gql(
      UPDATE,
      { input: { name: 'Не сохранится', ogrn: '1027700132196' } },
      { token: org.admin.token },
    );
    expect(result.data?.updateOrganisation.userErrors).toMatchObject([
      { code: 'BAD_USER_INPUT', field: ['input', 'ogrn'] },
    ]);
    expect(await server.db.query('select name from organisation where slug = $1', [org.slug])).toEqual([
      { name: `Организация ${org.slug}` },
    ]);
  });
});

describe('reading organisations', () => {
  it('is public, paginated with stable cursors, and filterable by kind', async () => {
    await createOrganisation(server, { kind: 'MUNICIPAL_INSTITUTION', name: 'Муниципальное 3' });
    await createOrganisation(server, { kind: 'MUNICIPAL_INSTITUTION', name: 'Муниципальное 1' });
    const page = (after?: string) =>
      server.gql(
        `query($after: String) { organisations(first: 1, after: $after, kind: MUNICIPAL_INSTITUTION) {
          totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const first = await page();
    expect(first.data?.organisations.totalCount).toBe(2);
    expect(first.data?.organisations.edges).toEqual([{ node: { name: 'Муниципальное 1' } }]);
    await createOrganisation(server, { kind: 'MUNICIPAL_INSTITUTION', name: 'Муниципальное 2' });
    const second = await page(first.data?.organisations.pageInfo.endCursor);
    expect(second.data?.organisations.edges).toEqual([{ node: { name: 'Муниципальное 2' } }]);
    const third = await page(second.data?.organisations.pageInfo.endCursor);
    expect(third.data?.organisations.edges).toEqual([{ node: { name: 'Муниципальное 3' } }]);
    expect(third.data?.organisations.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects a malformed cursor and an oversized page with BAD_USER_INPUT', async () => {
    const bad = await server.gql(`{ organisations(after: "nonsense") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await server.gql(`{ organisations(first: 1000) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
