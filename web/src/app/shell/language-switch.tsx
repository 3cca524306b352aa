import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { loadLanguage, type Language } from '../i18n/i18n';

/** One button that offers the other language, named in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const next: Language = i18n.language === 'en' ? 'ru' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet"
      lang={next}
      onClick={() => {
        void loadLanguage(next)
          .then(() => i18n.changeLanguage(next))
          // Titles, descriptions and error messages come from the API in the request's language.
          .then(() => client.refetchQueries({ include: 'active' }))
          .catch((error: unknown) => console.error(error));
      }}
    >
      <span aria-hidden="true" className="language-code">
        {next.toUpperCase()}
      </span>{' '}
      {t('shell.switchLanguage')}
    </button>
  );
}
