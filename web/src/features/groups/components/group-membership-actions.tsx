import type { InternalRefetchQueriesInclude } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupMembershipStatus, JoinPolicy } from '../../../gql/graphql';
import { useAuth } from '../../../app/auth/auth-context';
import { useSession } from '../../../app/session/session-context';
import { MembershipStatusBadge } from '../../../app/ui/status-badge';
import { LeaveGroupDocument, RequestGroupMembershipDocument } from '../graphql/groups';
import { InlineAlert } from '../../../app/ui/inline-alert';

interface Props {
  /** Queries that list the group's members and must be fetched again after a change. */
  refetchQueries?: InternalRefetchQueriesInclude;
  group: {
    id: string;
    title: string;
    joinPolicy: JoinPolicy;
    viewerMembership: { id: string; status: GroupMembershipStatus; rejectionReason: string | null } | null;
  };
}

/**
 * The active organisation's membership of a group: its status, and join /
 * leave for the organisation's admins (the API allows these to ADMIN only).
 */
export function GroupMembershipActions({ group, refetchQueries }: Props) {
  const { t } = useTranslation();
  const { isSignedIn, signIn } = useAuth();
  const { activeMembership, hasActiveRole } = useSession();
  const [problems, setProblems] = useState<string[]>([]);
  const options = { refetchQueries };
  const [requestMembership, requestState] = useMutation(RequestGroupMembershipDocument, options);
  const [leaveGroup, leaveState] = useMutation(LeaveGroupDocument, options);
  const busy = requestState.loading || leaveState.loading;
  const status = group.viewerMembership?.status ?? null;
  const canAct = hasActiveRole('ADMIN');
  const canJoin = status === null || status === 'LEFT' || status === 'REJECTED';

  async function run(action: 'join' | 'leave') {
    if (action === 'leave' && !window.confirm(t('groups.confirmLeave', { group: group.title }))) return;
    setProblems([]);
    try {
      const userErrors =
        action === 'join'
          ? (await requestMembership({ variables: { groupId: group.id } })).data?.requestGroupMembership.userErrors
          : (await leaveGroup({ variables: { groupId: group.id } })).data?.leaveGroup.userErrors;
      if (userErrors && userErrors.length > 0) setProblems(userErrors.map((e) => e.message));
    } catch (error) {
      setProblems([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  return (
    <div className="membership">
      {status && (
        <p className="membership__status">
          <MembershipStatusBadge status={status} />
          {status === 'REJECTED' && group.viewerMembership?.rejectionReason && (
            <span className="membership__reason">
              {t('groups.rejectionReason')}: {group.viewerMembership.rejectionReason}
            </span>
          )}
        </p>
      )}
      {!isSignedIn && (
        <button type="button" className="button button--link" onClick={() => void signIn()}>
          {t('groups.signInToJoin')}
        </button>
      )}
      {isSignedIn && activeMembership && canAct && (
        <div className="membership__actions">
          {canJoin && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              aria-describedby={`join-policy-${group.id}`}
              onClick={() => void run('join')}
            >
              {requestState.loading
                ? t('groups.joining')
                : group.joinPolicy === 'OPEN'
                  ? t('groups.join')
                  : t('groups.requestToJoin')}
              <span className="visually-hidden"> «{group.title}»</span>
            </button>
          )}
          {status === 'ACTIVE' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void run('leave')}
            >
              {leaveState.loading ? t('groups.leaving') : t('groups.leave')}
              <span className="visually-hidden"> «{group.title}»</span>
            </button>
          )}
        </div>
      )}
      {isSignedIn && activeMembership && !canAct && !status && (
        <p className="membership__note">{t('groups.needsRole')}</p>
      )}
      {isSignedIn && !activeMembership && <p className="membership__note">{t('groups.needsOrganisation')}</p>}
      <p id={`join-policy-${group.id}`} className="visually-hidden">
        {t(`groups.joinPolicyHint.${group.joinPolicy}`)}
      </p>
      <InlineAlert messages={problems} />
    </div>
  );
}
