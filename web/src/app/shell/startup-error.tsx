import { useTranslation } from 'react-i18next';

/** Shown when /config.json cannot be read: without it the app knows neither the API nor the identity provider. */
export function StartupError() {
  const { t } = useTranslation();
  return (
    <main className="site-main" id="main">
      <div className="page page--narrow" role="alert">
        <h1>{t('errors.startupTitle')}</h1>
        <p>{t('errors.startupText')}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </main>
  );
}
