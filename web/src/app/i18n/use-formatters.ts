import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates in the reader's language (the API sends ISO 8601 strings). */
export function useFormatters() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    return {
      formatDate: (value: string | null | undefined) => {
        if (!value) return '—';
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : date.format(parsed);
      },
    };
  }, [i18n.language]);
}
