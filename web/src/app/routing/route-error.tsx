import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundContent } from './not-found-page';

/** What a page shows when its code failed to load or it threw while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundContent />;
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module/i.test(error.message);
  return (
    <div className="page page--narrow" role="alert">
      <h1>{t('errors.pageFailedTitle')}</h1>
      <p>{chunkFailed ? t('errors.chunkFailed') : t('errors.pageFailed')}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
