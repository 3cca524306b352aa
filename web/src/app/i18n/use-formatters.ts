import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers in the reader's language (the API sends dates as ISO 8601 strings). */
export function useFormatters() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    return {
      formatNumber: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : number.format(value),
      formatDate: (value: string | null | undefined) => {
        if (!value) return '—';
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : date.format(parsed);
      },
    };
  }, [i18n.language]);
}
