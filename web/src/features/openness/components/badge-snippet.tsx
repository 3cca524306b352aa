import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroupField } from '../../../app/ui/form-fields';
import { badgeAlt, badgeImagePath, badgeSnippet, type BadgeLanguage } from '../badge-snippet';

/** «Значок для сайта»: the live badge and the HTML to copy, with this site's absolute address. */
export function BadgeSnippetSection({ slug, organisationName }: { slug: string; organisationName: string }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<BadgeLanguage>(() => (i18n.language === 'en' ? 'en' : 'ru'));
  const [message, setMessage] = useState('');
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const codeId = useId();
  const snippet = badgeSnippet({ origin: window.location.origin, slug, organisationName, language });

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setMessage(t('openness.badge.copied'));
    } catch {
      codeRef.current?.focus();
      codeRef.current?.select();
      setMessage(t('openness.badge.copyFailed'));
    }
  }

  return (
    <section aria-labelledby="openness-badge-title" className="panel badge-snippet">
      <h2 id="openness-badge-title">{t('openness.badge.title')}</h2>
      <p>{t('openness.badge.lead')}</p>
      <RadioGroupField
        id="badge-language"
        name="badge-language"
        legend={t('openness.badge.language')}
        value={language}
        className="badge-snippet__languages"
        options={[
          { value: 'ru', label: t('openness.badge.languages.ru') },
          { value: 'en', label: t('openness.badge.languages.en') },
        ]}
        onValueChange={(value) => {
          setMessage('');
          setLanguage(value === 'en' ? 'en' : 'ru');
        }}
      />
      <p className="badge-snippet__preview">
        <img src={badgeImagePath(slug, language)} alt={badgeAlt(organisationName, language)} />
      </p>
      <div className="field">
        <label className="field__label" htmlFor={codeId}>
          {t('openness.badge.code')}
        </label>
        <p className="field__hint" id={`${codeId}-hint`}>
          {t('openness.badge.codeHint')}
        </p>
        <textarea
          id={codeId}
          ref={codeRef}
          className="input input--multiline badge-snippet__code"
          readOnly
          rows={3}
          spellCheck={false}
          aria-describedby={`${codeId}-hint`}
          value={snippet}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('openness.badge.copy')}
        </button>
        <p role="status" className="form-status">
          {message}
        </p>
      </div>
    </section>
  );
}
