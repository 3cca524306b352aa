import { AsyncLocalStorage } from 'node:async_hooks';

export type Locale = 'ru' | 'en';

/** Russian unless the request prefers English (Accept-Language). */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'ru';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ru';
}

/** The current request's locale, for code that has no context argument (the error mapper). */
export const requestLocale = new AsyncLocalStorage<Locale>();

export function currentLocale(): Locale {
  return requestLocale.getStore() ?? 'ru';
}

/** A message in the current request's language. */
export function inCurrentLocale(message: { ru: string; en: string }): string {
  return message[currentLocale()];
}
