import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../test-support/factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { renderBadge } from './badge.route.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.person({ realmRoles: ['PLATFORM_ADMIN'] });
  const criterion = (key: string) => ({
    key,
    titleRu: key,
    titleEn: key,
    descriptionRu: key,
    descriptionEn: key,
    weight: 1,
    mandatory: true,
    evidence: 'URL',
  });
  await server.gql(
    `mutation($input: PublishStandardInput!) { publishStandard(input: $input) { userErrors { code } } }`,
    {
      input: {
        definition: {
          key: 'badge-standard',
          version: 1,
          titleRu: 'Стандарт',
          titleEn: 'Standard',
          descriptionRu: 'С',
          descriptionEn: 'S',
          appliesTo: ['NGO'],
          formula: 'WEIGHTED_SHARE',
          sections: [
            { key: 'about', titleRu: 'О', titleEn: 'A', criteria: [criterion('mission'), criterion('contacts')] },
          ],
          levels: [{ key: 'base', titleRu: 'Базовый', titleEn: 'Base', requires: ['mission'] }],
        },
      },
    },
    { token: admin.token },
  );
});
afterAll(() => server?.close());

describe('openness badge', () => {
  it('serves the level and score as SVG in Russian or English, with caching and an ETag', async () => {
    const org = await createOrganisation(server, { kind: 'NGO', name: 'Фонд <script>alert(1)</script> & «Друзья»' });
    const response = await fetch(`${server.url}/badge/${org.slug}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const svg = await response.text();
    expect(svg).toContain('Открытость');
    expect(svg).toContain('нет уровня · 0/100');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('Фонд &lt;script&gt;alert(1)&lt;/script&gt; &amp; «Друзья»');
    const english = await (await fetch(`${server.url}/badge/${org.slug}.svg?lang=en`)).text();
    expect(english).toContain('Openness');
    const etag = response.headers.get('etag')!;
    const cached = await fetch(`${server.url}/badge/${org.slug}.svg`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
  });

  it('answers 404 for an unknown organisation or a malformed name', async () => {
    expect((await fetch(`${server.url}/badge/no-such-organisation.svg`)).status).toBe(404);
    expect((await fetch(`${server.url}/badge/..%2Fetc.svg`)).status).toBe(404);
  });

  it('escapes every text it draws', () => {
    const svg = renderBadge({
      organisationName: '"><svg onload=alert(1)>',
      standardTitle: 'S',
      label: 'L',
      value: "<b>'",
      asOf: '2026-11-29',
      colour: '#000',
    });
    expect(svg).not.toMatch(/<svg onload/);
    expect(svg).toContain('&lt;b&gt;&apos;');
  });
});
