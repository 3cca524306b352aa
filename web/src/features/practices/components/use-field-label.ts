import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type SimpleField =
  | 'group'
  | 'title'
  | 'summary'
  | 'problem'
  | 'beneficiaryDescription'
  | 'beneficiarySize'
  | 'beneficiaryReach'
  | 'participationLevel'
  | 'methods'
  | 'returnedWhat'
  | 'returnedHow'
  | 'turnaroundDays'
  | 'closed'
  | 'indicators'
  | 'evidenceLinks'
  | 'resources'
  | 'replicationAdvice'
  | 'tags';

const SIMPLE: Record<string, SimpleField> = {
  groupId: 'group',
  title: 'title',
  summary: 'summary',
  problem: 'problem',
  'beneficiarySegment.description': 'beneficiaryDescription',
  'beneficiarySegment.size': 'beneficiarySize',
  'beneficiarySegment.reach': 'beneficiaryReach',
  participationLevel: 'participationLevel',
  methodKeys: 'methods',
  'loopClosure.returnedWhat': 'returnedWhat',
  'loopClosure.returnedHow': 'returnedHow',
  'loopClosure.turnaroundDays': 'turnaroundDays',
  'loopClosure.closed': 'closed',
  indicators: 'indicators',
  evidenceLinks: 'evidenceLinks',
  resources: 'resources',
  replicationAdvice: 'replicationAdvice',
  tags: 'tags',
};

/** The label people see for a field key ("indicators.0.value" → «Показатели результатов, показатель 1: Стало …»). */
export function useFieldLabel(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) => {
      const simple = SIMPLE[key];
      if (simple) return t(`practice.fields.${simple}`);
      const indicator = /^indicators\.(\d+)\.(tier|name|unit|baseline|value|period|source)$/.exec(key);
      if (indicator) {
        const number = Number(indicator[1]) + 1;
        const field = indicator[2] as 'tier' | 'name' | 'unit' | 'baseline' | 'value' | 'period' | 'source';
        return `${t('practice.fields.indicators')}, ${t('practice.editor.indicatorRow', { number })}: ${t(`practice.fields.${field}`)}`;
      }
      const link = /^evidenceLinks\.(\d+)\.(title|url)$/.exec(key);
      if (link) {
        const number = Number(link[1]) + 1;
        return `${t('practice.editor.linkNumber', { number })}: ${t(link[2] === 'url' ? 'practice.fields.linkUrl' : 'practice.fields.linkTitle')}`;
      }
      return key;
    },
    [t],
  );
}
