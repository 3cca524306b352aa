import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceKind } from '../../gql/graphql';

/**
 * Scores, shares and days in the reader's language. As-of dates and expiry moments are calendar
 * days (midnight UTC in the API), so they are shown in UTC and never slip to the previous day.
 */
export function useOpennessFormatters() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
    const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    const parse = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return {
      /** 56.9 → «56,9»; 100 → «100». */
      formatScore: (value: number) => score.format(value),
      /** A number as typed back into a form (no thousands separators). */
      formatPlain: (value: number) => plain.format(value),
      formatEvidenceNumber: (value: number, evidence: EvidenceKind) =>
        evidence === 'SHARE' ? percent.format(value) : number.format(value),
      /** A calendar day: «1 марта 2026». */
      formatDay: (value: string | null | undefined) => {
        if (!value) return '—';
        const parsed = parse(value);
        return Number.isNaN(parsed.getTime()) ? value : day.format(parsed);
      },
      /** A moment in local time, short: «29 нояб. 2026 г.». */
      formatShortDate: (value: string) => {
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : shortDay.format(parsed);
      },
    };
  }, [i18n.language]);
}
