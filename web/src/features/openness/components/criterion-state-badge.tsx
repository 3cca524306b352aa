import { useTranslation } from 'react-i18next';
import type { CriterionState } from '../openness-model';

const STATE_CLASS: Record<CriterionState, string> = {
  VERIFIED: 'badge--active',
  EXPIRED: 'badge--left',
  CLAIMED: 'badge--pending',
  REJECTED: 'badge--rejected',
  NOT_DISCLOSED: 'badge--left',
};

/** The state in words (not by colour alone): подтверждено, заявлено, отклонено, устарело, не раскрыто. */
export function CriterionStateBadge({ state }: { state: CriterionState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATE_CLASS[state]}`} data-state={state}>
      <span className="visually-hidden">{t('openness.criteria.stateLabel')}: </span>
      {t(`openness.state.${state}`)}
    </span>
  );
}
