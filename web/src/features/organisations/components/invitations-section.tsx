import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { FormAlert, SelectField, TextField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { splitUserErrors } from '../../../app/ui/user-errors';
import {
  InviteMemberDocument,
  OrganisationInvitationsDocument,
  RevokeInvitationDocument,
} from '../graphql/organisations';
import { ROLES } from './members-section';
import { InlineAlert } from '../../../app/ui/inline-alert';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** For the organisation's admins: invite by email with a role, see and revoke pending invitations. */
export function InvitationsSection() {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const { data, loading, error, refetch } = useQuery(OrganisationInvitationsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [revoke, revokeState] = useMutation(RevokeInvitationDocument);
  const [revokeProblems, setRevokeProblems] = useState<string[]>([]);
  const pending = (data?.me?.activeOrganisation?.invitations ?? []).filter((i) => i.status === 'PENDING');

  async function onRevoke(id: string) {
    setRevokeProblems([]);
    try {
      const result = await revoke({ variables: { id } });
      setRevokeProblems(result.data?.revokeInvitation.userErrors.map((e) => e.message) ?? []);
    } catch (e) {
      setRevokeProblems([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  return (
    <>
      <section aria-labelledby="invite-title" className="panel">
        <h2 id="invite-title">{t('myOrganisation.inviteTitle')}</h2>
        <InviteMemberForm />
      </section>
      <section aria-labelledby="invitations-title" className="panel">
        <h2 id="invitations-title">{t('myOrganisation.invitationsTitle')}</h2>
        {loading && !data && <LoadingState />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {data && pending.length === 0 && <EmptyState>{t('myOrganisation.invitationsEmpty')}</EmptyState>}
        {pending.length > 0 && (
          <ul className="stack-list">
            {pending.map((invitation) => (
              <li key={invitation.id} className="stack-list__item">
                <div className="stack-list__main">
                  <span className="stack-list__title">{invitation.email}</span>
                  <span className="muted">
                    {t(`role.${invitation.role}`)} ·{' '}
                    {t('myOrganisation.invitedAt', { date: formatDate(invitation.createdAt) })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--danger-quiet"
                  disabled={revokeState.loading}
                  onClick={() => void onRevoke(invitation.id)}
                >
                  {t('myOrganisation.revoke')}
                  <span className="visually-hidden"> {invitation.email}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <InlineAlert messages={revokeProblems} />
      </section>
    </>
  );
}

function InviteMemberForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('EDITOR');
  const [errors, setErrors] = useState<{ email?: string; role?: string }>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailRef = useRef<HTMLDivElement>(null);
  const [invite, { loading }] = useMutation(InviteMemberDocument, {
    refetchQueries: [{ query: OrganisationInvitationsDocument }],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    setFormErrors([]);
    const trimmed = email.trim();
    if (!trimmed || !EMAIL_PATTERN.test(trimmed)) {
      setErrors({ email: t(trimmed ? 'validation.emailFormat' : 'validation.required') });
      emailRef.current?.querySelector('input')?.focus();
      return;
    }
    setErrors({});
    try {
      const result = await invite({ variables: { input: { email: trimmed, role } } });
      const split = splitUserErrors(result.data?.inviteMember.userErrors ?? [], ['email', 'role']);
      setErrors(split.fieldErrors);
      setFormErrors(split.formErrors);
      if (result.data?.inviteMember.invitation && result.data.inviteMember.userErrors.length === 0) {
        setSentTo(trimmed);
        setEmail('');
      }
    } catch (e) {
      setFormErrors([e instanceof Error ? e.message : t('errors.network')]);
    }
  }

  return (
    <form className="form form--inline" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="invite-title">
      <FormAlert messages={formErrors} />
      <div className="field-row" ref={emailRef}>
        <TextField
          id="invite-email"
          type="email"
          label={t('myOrganisation.inviteEmail')}
          required
          autoComplete="off"
          value={email}
          error={errors.email}
          onValueChange={(v) => {
            setEmail(v);
            if (errors.email) setErrors({});
          }}
        />
        <SelectField
          id="invite-role"
          label={t('myOrganisation.inviteRole')}
          required
          value={role}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={errors.role}
          onValueChange={(v) => setRole(v as MemberRole)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('myOrganisation.inviteSubmit')}
        </button>
        <p role="status" className="form-status">
          {sentTo ? t('myOrganisation.invited', { email: sentTo }) : ''}
        </p>
      </div>
    </form>
  );
}
