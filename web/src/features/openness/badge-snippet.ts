export type BadgeLanguage = 'ru' | 'en';

/**
 * The badge's words are in the badge's language, not the reader's: a Russian-speaking admin may
 * copy the English badge for an English page.
 */
const BADGE_ALT: Record<BadgeLanguage, string> = {
  ru: 'Информационная открытость',
  en: 'Information openness',
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function badgeImagePath(slug: string, language: BadgeLanguage): string {
  return `/badge/${encodeURIComponent(slug)}.svg?lang=${language}`;
}

export function opennessPagePath(slug: string): string {
  return `/organisations/${encodeURIComponent(slug)}/openness`;
}

export function badgeAlt(organisationName: string, language: BadgeLanguage): string {
  return `${BADGE_ALT[language]}: ${organisationName}`;
}

/** The HTML an organisation pastes into its website: the live badge linking to its openness page here. */
export function badgeSnippet(options: {
  origin: string;
  slug: string;
  organisationName: string;
  language: BadgeLanguage;
}): string {
  const origin = options.origin.replace(/\/+$/, '');
  const href = `${origin}${opennessPagePath(options.slug)}`;
  const src = `${origin}${badgeImagePath(options.slug, options.language)}`;
  const alt = badgeAlt(options.organisationName, options.language);
  return `<a href="${escapeHtml(href)}"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></a>`;
}
