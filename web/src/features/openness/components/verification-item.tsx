import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextAreaField } from '../../../app/ui/form-fields';
import { splitUserErrors } from '../../../app/ui/user-errors';
import type { DisclosureVerificationQueueQuery } from '../../../gql/graphql';
import { opennessPagePath } from '../badge-snippet';
import { RejectDisclosureDocument, VerifyDisclosureDocument } from '../graphql/openness';
import { criterionAnchor } from '../openness-model';
import { DisclosureDetails } from './criteria-section';
import { InlineAlert } from '../../../app/ui/inline-alert';

export type QueueDisclosure = DisclosureVerificationQueueQuery['disclosureVerificationQueue']['edges'][number]['node'];

export interface DecidedDisclosure {
  outcome: 'VERIFIED' | 'REJECTED';
  criterion: string;
  organisation: string;
}

/** Mirrors the API: a reason is required to reject, 3–1,000 characters after trimming. */
export const REJECTION_REASON = { min: 3, max: 1000 } as const;

/** One claimed disclosure in the queue: the evidence to check, and verify or reject with a reason. */
export function VerificationItem({
  disclosure,
  onDecided,
  onRefresh,
}: {
  disclosure: QueueDisclosure;
  onDecided: (decided: DecidedDisclosure) => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [verify, verifyState] = useMutation(VerifyDisclosureDocument);
  const [reject, rejectState] = useMutation(RejectDisclosureDocument);
  const busy = verifyState.loading || rejectState.loading;
  const anchor = `verify-${disclosure.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const reasonId = `${anchor}-reason`;
  const { criterion, organisation } = disclosure;

  async function decide(outcome: 'VERIFIED' | 'REJECTED', event?: FormEvent) {
    event?.preventDefault();
    setProblems([]);
    setConflict(false);
    const text = reason.trim();
    if (outcome === 'REJECTED' && (text.length < REJECTION_REASON.min || text.length > REJECTION_REASON.max)) {
      setReasonError(t('verification.reasonLength', REJECTION_REASON));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    try {
      const input = {
        disclosureId: disclosure.id,
        version: disclosure.version,
        ...(outcome === 'REJECTED' ? { reason: text } : {}),
      };
      const payload =
        outcome === 'VERIFIED'
          ? (await verify({ variables: { input } })).data?.verifyDisclosure
          : (await reject({ variables: { input } })).data?.rejectDisclosure;
      if (!payload) return;
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(
          payload.userErrors.filter((e) => e.code !== 'CONFLICT'),
          ['reason'],
        );
        setConflict(payload.userErrors.some((e) => e.code === 'CONFLICT'));
        setReasonError(split.fieldErrors.reason ?? null);
        setProblems(split.formErrors);
        return;
      }
      onDecided({ outcome, criterion: criterion.title, organisation: organisation.name });
    } catch (caught) {
      setProblems([caught instanceof Error ? caught.message : t('errors.network')]);
    }
  }

  return (
    <article
      className="verification-item"
      aria-labelledby={`${anchor}-title`}
      data-disclosure-id={disclosure.id}
      data-criterion-key={disclosure.criterionKey}
      data-organisation-slug={organisation.slug}
    >
      <h3 id={`${anchor}-title`} className="verification-item__title">
        {criterion.title}
      </h3>
      <p className="card__meta">
        <span>
          {t('verification.organisation')}:{' '}
          <Link to={`${opennessPagePath(organisation.slug)}#${criterionAnchor(criterion.key)}`}>
            {organisation.name}
          </Link>
        </span>
        <span>{t('openness.criteria.expects', { kind: t(`openness.evidenceKind.${criterion.evidence}`) })}</span>
      </p>
      <details className="disclosure">
        <summary>{t('openness.criteria.whatCounts')}</summary>
        <p>{criterion.description}</p>
      </details>
      <DisclosureDetails disclosure={disclosure} state="CLAIMED" evidence={criterion.evidence} showWaiting={false} />
      {conflict && (
        <div className="inline-alert" role="alert">
          <p>{t('verification.conflict')}</p>
          <p>
            <button type="button" className="button button--secondary" onClick={onRefresh}>
              {t('verification.refresh')}
            </button>
          </p>
        </div>
      )}
      <form className="verification-form" noValidate onSubmit={(event) => void decide('REJECTED', event)}>
        <TextAreaField
          id={reasonId}
          label={t('verification.reason')}
          hint={t('verification.reasonHint')}
          rows={2}
          value={reason}
          error={reasonError}
          onValueChange={setReason}
        />
        <InlineAlert messages={problems} />
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void decide('VERIFIED')}
          >
            {t('verification.verify')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            {t('verification.reject')}
          </button>
        </div>
      </form>
    </article>
  );
}
