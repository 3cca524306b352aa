import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, MyOrganisationQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { EmptyState } from '../../../app/ui/states';
import { ChangeMemberRoleDocument, MyOrganisationDocument, RemoveMemberDocument } from '../graphql/organisations';

export const ROLES: MemberRole[] = ['ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'];

type Member = NonNullable<
  NonNullable<MyOrganisationQuery['me']>['activeOrganisation']
>['members']['edges'][number]['node'];

/** The organisation's members; its admins change roles and remove people. */
export function MembersSection({
  members,
  isAdmin,
  onLeft,
}: {
  members: Member[];
  isAdmin: boolean;
  /** Called when the viewer removed themself (left the organisation). */
  onLeft: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="members-title" className="panel">
      <h2 id="members-title">{t('myOrganisation.membersTitle')}</h2>
      {members.length === 0 ? (
        <EmptyState>{t('myOrganisation.membersEmpty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('myOrganisation.membersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myOrganisation.memberName')}</th>
                <th scope="col">{t('myOrganisation.memberEmail')}</th>
                <th scope="col">{t('myOrganisation.memberRole')}</th>
                <th scope="col">{t('myOrganisation.memberSince')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('myOrganisation.memberActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <MemberRow key={member.id} member={member} isAdmin={isAdmin} onLeft={onLeft} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberRow({ member, isAdmin, onLeft }: { member: Member; isAdmin: boolean; onLeft: () => void }) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const [problems, setProblems] = useState<string[]>([]);
  const [changeRole, roleState] = useMutation(ChangeMemberRoleDocument);
  const [removeMember, removeState] = useMutation(RemoveMemberDocument, {
    refetchQueries: member.isViewer ? [] : [{ query: MyOrganisationDocument }],
    awaitRefetchQueries: true,
  });
  const busy = roleState.loading || removeState.loading;
  const roleSelectId = `member-role-${member.id}`;
  const problemId = `member-problem-${member.id}`;

  async function onRoleChange(role: MemberRole) {
    setProblems([]);
    try {
      const result = await changeRole({ variables: { input: { memberId: member.id, role } } });
      setProblems(result.data?.changeMemberRole.userErrors.map((e) => e.message) ?? []);
    } catch (error) {
      setProblems([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  async function onRemove() {
    const question = member.isViewer
      ? t('myOrganisation.confirmLeave')
      : t('myOrganisation.confirmRemove', { name: member.displayName });
    if (!window.confirm(question)) return;
    setProblems([]);
    try {
      const result = await removeMember({ variables: { memberId: member.id } });
      const errors = result.data?.removeMember.userErrors ?? [];
      setProblems(errors.map((e) => e.message));
      if (errors.length === 0 && member.isViewer) onLeft();
    } catch (error) {
      setProblems([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  return (
    <tr>
      <th scope="row">
        {member.displayName}
        {member.isViewer && <span className="muted"> ({t('myOrganisation.you')})</span>}
      </th>
      <td>{member.email ?? '—'}</td>
      <td>
        {isAdmin ? (
          <>
            <label htmlFor={roleSelectId} className="visually-hidden">
              {t('myOrganisation.roleOf', { name: member.displayName })}
            </label>
            <select
              id={roleSelectId}
              className="input input--select input--compact"
              value={member.role}
              disabled={busy}
              aria-describedby={problems.length > 0 ? problemId : undefined}
              onChange={(event) => void onRoleChange(event.target.value as MemberRole)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          t(`role.${member.role}`)
        )}
        {problems.length > 0 && (
          <p id={problemId} className="field__error" role="alert">
            {problems.join(' ')}
          </p>
        )}
      </td>
      <td>{formatDate(member.joinedAt)}</td>
      <td>
        {(isAdmin || member.isViewer) && (
          <button type="button" className="button button--danger-quiet" disabled={busy} onClick={() => void onRemove()}>
            {member.isViewer ? t('myOrganisation.leave') : t('myOrganisation.remove')}
            {!member.isViewer && <span className="visually-hidden"> {member.displayName}</span>}
          </button>
        )}
      </td>
    </tr>
  );
}
