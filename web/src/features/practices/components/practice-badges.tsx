import { useTranslation } from 'react-i18next';
import type { ParticipationLevel, PracticeStatus } from '../../../gql/graphql';
import { participationOrdinal } from '../practice-model';

const STATUS_CLASS: Record<PracticeStatus, string> = {
  DRAFT: 'badge--pending',
  PUBLISHED: 'badge--active',
  ARCHIVED: 'badge--left',
};

export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_CLASS[status]}`} data-status={status}>
      <span className="visually-hidden">{t('practice.statusLabel')}: </span>
      {t(`practice.status.${status}`)}
    </span>
  );
}

/** Closed / not closed / not said, in words and with a sign, not by colour alone. */
export function LoopClosedBadge({ closed }: { closed: boolean | null }) {
  const { t } = useTranslation();
  const [modifier, sign, text] =
    closed === true
      ? ['closed', '✓', t('practice.loop.closed')]
      : closed === false
        ? ['open', '✗', t('practice.loop.open')]
        : ['unknown', '?', t('practice.loop.unknown')];
  return (
    <span className={`loop-badge loop-badge--${modifier}`} data-loop-closed={String(closed)}>
      <span aria-hidden="true" className="loop-badge__sign">
        {sign}
      </span>
      {text}
    </span>
  );
}

export function ParticipationTag({ level }: { level: ParticipationLevel }) {
  const { t } = useTranslation();
  return (
    <span className="tag tag--level">
      <span className="level-ordinal" aria-hidden="true">
        {participationOrdinal(level)}
      </span>
      <span className="visually-hidden">{t('practice.levelOrdinal', { ordinal: participationOrdinal(level) })}: </span>
      {t(`practice.level.${level}`)}
    </span>
  );
}
