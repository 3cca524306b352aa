import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ru from './ru.json';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'otklik.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'ru';
  } catch {
    return 'ru';
  }
}

// Russian is bundled (the default and the fallback); English is a separate chunk, fetched when chosen.
const loaders: Record<Exclude<Language, 'ru'>, () => Promise<{ default: object }>> = {
  en: () => import('./en.json'),
};

/** Makes a language's strings available; call before switching to it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'ru' || i18next.hasResourceBundle(language, 'translation')) return;
  const strings = (await loaders[language]()).default;
  i18next.addResourceBundle(language, 'translation', strings, true, true);
}

/** Russian first; an English choice is remembered in localStorage and mirrored in <html lang>. */
export async function initI18n(language: Language = storedLanguage()) {
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice then lasts for this page only.
    }
  });
  const strings = language === 'ru' ? null : await loaders[language]().catch(() => null);
  await i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, ...(strings ? { [language]: { translation: strings.default } } : {}) },
    // Without its strings (the chunk failed to load) the app starts in Russian.
    lng: strings || language === 'ru' ? language : 'ru',
    fallbackLng: 'ru',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'ru';
}
