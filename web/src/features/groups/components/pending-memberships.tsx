import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingGroupMembershipsQuery } from '../../../gql/graphql';
import { TextAreaField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { splitUserErrors } from '../../../app/ui/user-errors';
import { useFormatters } from '../../../app/i18n/use-formatters';
import {
  ApproveGroupMembershipDocument,
  PendingGroupMembershipsDocument,
  RejectGroupMembershipDocument,
  ThematicGroupDocument,
} from '../graphql/groups';
import { InlineAlert } from '../../../app/ui/inline-alert';

type PendingMembership = NonNullable<
  PendingGroupMembershipsQuery['thematicGroup']
>['pendingMemberships']['edges'][number]['node'];

/** For the group's moderators: membership requests waiting for a decision. */
export function PendingMemberships({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PendingGroupMembershipsDocument, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  const pending = data?.thematicGroup?.pendingMemberships.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="pending-title" className="panel">
      <h2 id="pending-title">{t('groupPage.pendingTitle')}</h2>
      {loading && !data && <LoadingState />}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && pending.length === 0 && <EmptyState>{t('groupPage.pendingEmpty')}</EmptyState>}
      {pending.length > 0 && (
        <ul className="stack-list">
          {pending.map((membership) => (
            <PendingMembershipItem key={membership.id} membership={membership} slug={slug} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PendingMembershipItem({ membership, slug }: { membership: PendingMembership; slug: string }) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const refetchQueries = [
    { query: PendingGroupMembershipsDocument, variables: { slug } },
    { query: ThematicGroupDocument, variables: { slug } },
  ];
  const [approve, approveState] = useMutation(ApproveGroupMembershipDocument, {
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const [reject, rejectState] = useMutation(RejectGroupMembershipDocument, {
    refetchQueries,
    awaitRefetchQueries: true,
  });
  const busy = approveState.loading || rejectState.loading;
  const name = membership.organisation.name;

  async function onApprove() {
    setFormErrors([]);
    try {
      const result = await approve({ variables: { membershipId: membership.id } });
      const errors = result.data?.approveGroupMembership.userErrors ?? [];
      setFormErrors(errors.map((e) => e.message));
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  async function onReject(event: FormEvent) {
    event.preventDefault();
    setFormErrors([]);
    if (!reason.trim()) {
      setReasonError(t('validation.reasonRequired'));
      document.getElementById(`reason-${reasonId}`)?.focus();
      return;
    }
    setReasonError(null);
    try {
      const result = await reject({ variables: { input: { membershipId: membership.id, reason: reason.trim() } } });
      const { fieldErrors, formErrors: other } = splitUserErrors(result.data?.rejectGroupMembership.userErrors ?? [], [
        'reason',
      ]);
      setReasonError(fieldErrors.reason ?? null);
      setFormErrors(other);
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('errors.network')]);
    }
  }

  return (
    <li className="stack-list__item">
      <div className="stack-list__main">
        <Link to={`/organisations/${membership.organisation.slug}`} className="stack-list__title">
          {name}
        </Link>
        <span className="muted">
          {t(`organisationKind.${membership.organisation.kind}`)} · {membership.organisation.region} ·{' '}
          {t('groupPage.requestedAt', { date: formatDate(membership.requestedAt) })}
        </span>
      </div>
      {!rejecting && (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void onApprove()}>
            {approveState.loading ? t('common.saving') : t('groupPage.approve')}
            <span className="visually-hidden"> — {name}</span>
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {t('groupPage.reject')}
            <span className="visually-hidden"> — {name}</span>
          </button>
        </div>
      )}
      {rejecting && (
        <form
          className="inline-form"
          onSubmit={(e) => void onReject(e)}
          noValidate
          aria-label={t('groupPage.rejectFormLabel', { name })}
        >
          <TextAreaField
            id={`reason-${reasonId}`}
            label={t('groupPage.rejectReason')}
            hint={t('groupPage.rejectReasonHint')}
            required
            rows={3}
            value={reason}
            error={reasonError}
            onValueChange={setReason}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={busy}>
              {rejectState.loading ? t('common.saving') : t('groupPage.confirmReject')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => setRejecting(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <InlineAlert messages={formErrors} />
    </li>
  );
}
