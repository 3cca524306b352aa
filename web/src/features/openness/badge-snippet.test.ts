import { describe, expect, it } from 'vitest';
import { badgeImagePath, badgeSnippet } from './badge-snippet';

describe('badgeSnippet', () => {
  it('links the live badge to the openness page with the absolute origin, in the badge’s language', () => {
    expect(
      badgeSnippet({
        origin: 'https://otklik.example.org/',
        slug: 'fond-semya',
        organisationName: 'Благотворительный фонд «Семья»',
        language: 'ru',
      }),
    ).toBe(
      '<a href="https://otklik.example.org/organisations/fond-semya/openness">' +
        '<img src="https://otklik.example.org/badge/fond-semya.svg?lang=ru" ' +
        'alt="Информационная открытость: Благотворительный фонд «Семья»"></a>',
    );
    expect(badgeImagePath('fond-semya', 'en')).toBe('/badge/fond-semya.svg?lang=en');
  });

  it('escapes what the organisation named itself', () => {
    const snippet = badgeSnippet({
      origin: 'http://localhost:4000',
      slug: 'tsentr-dobro',
      organisationName: 'Центр "Добро" & <друзья>',
      language: 'en',
    });
    expect(snippet).toContain('alt="Information openness: Центр &quot;Добро&quot; &amp; &lt;друзья&gt;"');
    expect(snippet).toContain('src="http://localhost:4000/badge/tsentr-dobro.svg?lang=en"');
  });
});
