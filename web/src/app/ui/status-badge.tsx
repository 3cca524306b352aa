import { useTranslation } from 'react-i18next';
import type { GroupMembershipStatus } from '../../gql/graphql';

export function MembershipStatusBadge({ status }: { status: GroupMembershipStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status.toLowerCase()}`} data-status={status}>
      <span className="visually-hidden">{t('groups.membershipStatusLabel')}: </span>
      {t(`groups.status.${status}`)}
    </span>
  );
}
