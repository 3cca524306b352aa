import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers in the reader's language (the API sends dates as ISO 8601 strings). */
export function useFormatters() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      formatNumber: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : number.format(value),
      formatDate: (value: string | null | undefined) => {
        if (!value) return '—';
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : date.format(parsed);
      },
      formatDateTime: (value: string | null | undefined) => {
        if (!value) return '—';
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : dateTime.format(parsed);
      },
      /** A mean score to one decimal: «4,2». */
      formatMean: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : mean.format(value),
    };
  }, [i18n.language]);
}
