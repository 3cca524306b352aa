import { useQuery } from '@apollo/client/react';
import { diffWords, type Change } from 'diff';
import { useTranslation } from 'react-i18next';
import type { IndicatorTier, ParticipationLevel } from '../../../gql/graphql';
import { ErrorState, LoadingState } from '../../../app/ui/states';
import { PracticeRevisionDiffDocument } from '../graphql/practices';
import { INDICATOR_TIERS, PARTICIPATION_LEVELS } from '../practice-model';
import { useFieldLabel } from './use-field-label';

/** The parts of a word diff that belong to one side: the earlier text keeps deletions, the later insertions. */
export function sideOfDiff(changes: readonly Change[], side: 'before' | 'after'): Change[] {
  return changes.filter((change) => (side === 'before' ? !change.added : !change.removed));
}

/** Two texts side by side, deleted words in <del>, inserted words in <ins>, each also marked in words and signs. */
export function WordDiff({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const changes = diffWords(before ?? '', after ?? '');
  const render = (side: 'before' | 'after', value: string | null) =>
    value === null ? (
      <span className="muted">{t('practice.page.empty')}</span>
    ) : (
      sideOfDiff(changes, side).map((change, index) =>
        change.removed ? (
          <del key={index}>
            <span className="visually-hidden">[{t('practice.page.deleted')}: </span>
            <span aria-hidden="true" className="diff-sign">
              −
            </span>
            {change.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : change.added ? (
          <ins key={index}>
            <span className="visually-hidden">[{t('practice.page.inserted')}: </span>
            <span aria-hidden="true" className="diff-sign">
              +
            </span>
            {change.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <span key={index}>{change.value}</span>
        ),
      )
    );
  return (
    <div className="diff">
      <div className="diff__side">
        <p className="diff__label">{t('practice.page.before')}</p>
        <p className="diff__text">{render('before', before)}</p>
      </div>
      <div className="diff__side">
        <p className="diff__label">{t('practice.page.after')}</p>
        <p className="diff__text">{render('after', after)}</p>
      </div>
    </div>
  );
}

/** What changed between two revisions (loaded when asked: this chunk carries the diff library). */
export function RevisionChanges({ practiceId, from, to }: { practiceId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const { data, loading, error, refetch } = useQuery(PracticeRevisionDiffDocument, {
    variables: { id: practiceId, from, to },
  });
  if (loading && !data) return <LoadingState label={t('practice.page.comparing')} />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const changes = data?.practice?.revisionDiff ?? [];
  const methodTitles = new Map((data?.feedbackMethods ?? []).map((method) => [method.key, method.title]));

  // The API gives values as text; codes (levels, tiers, method keys, yes/no) are shown in words.
  const readable = (field: string, value: string | null): string | null => {
    if (value === null) return null;
    if (field === 'participationLevel' && (PARTICIPATION_LEVELS as readonly string[]).includes(value))
      return t(`practice.level.${value as ParticipationLevel}`);
    if (field === 'loopClosure.closed') return value === 'true' ? t('practice.yes') : t('practice.no');
    if (field === 'methodKeys')
      return value
        .split('\n')
        .map((key) => methodTitles.get(key) ?? key)
        .join('\n');
    if (field === 'indicators')
      return value
        .split('\n')
        .map((line) => {
          const tier = line.split(' · ')[0] ?? '';
          return (INDICATOR_TIERS as readonly string[]).includes(tier)
            ? `${t(`practice.tier.${tier as IndicatorTier}`)}${line.slice(tier.length)}`
            : line;
        })
        .join('\n');
    return value;
  };

  return (
    <div className="revision-changes" aria-live="polite">
      <p>
        {changes.length === 0
          ? t('practice.page.noChanges')
          : t('practice.page.changesCount', { count: changes.length, from, to })}
      </p>
      {changes.length > 0 && <p className="muted">{t('practice.page.diffLegend')}</p>}
      {changes.map((change) => (
        <div key={change.field} className="revision-change">
          <h4 className="revision-change__field">{fieldLabel(change.field)}</h4>
          <WordDiff before={readable(change.field, change.before)} after={readable(change.field, change.after)} />
        </div>
      ))}
    </div>
  );
}
