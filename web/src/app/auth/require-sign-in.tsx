import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../ui/use-document-title';
import { useAuth } from './auth-context';

/** Pages for signed-in people explain themselves to anonymous visitors instead of failing. */
export function RequireSignIn({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { isSignedIn, signIn } = useAuth();
  useDocumentTitle(isSignedIn ? undefined : title);
  if (isSignedIn) return <>{children}</>;
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{t('auth.signInRequired')}</p>
      <button type="button" className="button button--primary" onClick={() => void signIn()}>
        {t('shell.signIn')}
      </button>
    </div>
  );
}
