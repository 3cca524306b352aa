import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingComponentKey, RatingComponentValue } from './rating-breakdown';

/** Scores, weights and points of a rating in the reader's language. */
export function useRatingFormatters() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
    const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const weight = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
    /** What a component rests on: «5 рецензий». */
    const formatSample = (key: RatingComponentKey, count: number): string => {
      switch (key) {
        case 'openness':
          return t('ratings.sample.openness');
        case 'practiceQuality':
          return t('ratings.sample.practiceQuality', { count });
        case 'engagementDepth':
          return t('ratings.sample.engagementDepth', { count });
        case 'contribution':
          return t('ratings.sample.contribution', { count });
      }
    };
    return {
      /** 72.35 → «72,4»; null → «нет данных». */
      formatScore: (value: number | null) => (value === null ? t('ratings.noData') : score.format(value)),
      /** Points to one decimal: «25,2». */
      formatPoints: (value: number) => points.format(value),
      /** 0.35 → «35 %». */
      formatWeight: (value: number) => weight.format(value),
      formatSample,
      /** A snapshot's month under a chart: «нояб. 2026 г.», «Nov 2026». */
      formatMonth: (value: string) => {
        const parsed = new Date(value);
        return Number.isNaN(parsed.getTime()) ? value : month.format(parsed);
      },
      /** A bar's text: «72 (5 рецензий)», or «нет данных». */
      formatComponent: (key: RatingComponentKey, component: RatingComponentValue) =>
        component.score === null
          ? t('ratings.noData')
          : t('ratings.componentValue', {
              score: score.format(component.score),
              sample: formatSample(key, component.sample),
            }),
    };
  }, [i18n.language, t]);
}
