import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * «Page — Отклик» in the tab title, so screen-reader users hear where a navigation landed.
 * `undefined` leaves the title to a component further down (parents' effects run last).
 */
export function useDocumentTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (title === undefined) return;
    const app = t('app.name');
    document.title = title ? `${title} — ${app}` : app;
  }, [title, t]);
}
