import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useTranslation } from 'react-i18next';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  if (ServerError.is(error)) return `HTTP_${error.statusCode}`;
  return undefined;
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  const message =
    code === 'FORBIDDEN'
      ? t('errors.forbidden')
      : code === 'NOT_FOUND'
        ? t('errors.notFound')
        : CombinedGraphQLErrors.is(error)
          ? error.errors.map((e) => e.message).join(' ')
          : t('errors.network');
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title ?? t('errors.loadFailed')}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="state state--empty">{children}</p>;
}
