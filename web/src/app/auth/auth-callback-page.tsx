import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { resetApolloStore } from '../apollo/reset-store';
import { LoadingState } from '../ui/states';
import { useDocumentTitle } from '../ui/use-document-title';
import { useAuth } from './auth-context';

/** The redirect URI: finishes the authorization code flow and goes back where the person was. */
export function AuthCallbackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signingIn'));
  const { client: auth, signIn } = useAuth();
  const apollo = useApolloClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    auth
      .handleCallback(window.location.search)
      .then(async (returnTo) => {
        if (cancelled) return;
        // Anything cached was fetched anonymously.
        await resetApolloStore(apollo);
        void navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [auth, apollo, navigate]);

  if (!failure) return <LoadingState label={t('auth.signingIn')} />;
  return (
    <div className="page page--narrow" role="alert">
      <h1>{t('auth.failedTitle')}</h1>
      <p>{t('auth.failedText')}</p>
      <p className="muted">{failure}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => void signIn('/')}>
          {t('auth.tryAgain')}
        </button>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
