import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureFieldsFragment, EvidenceKind } from '../../../gql/graphql';
import {
  criterionAnchor,
  discloseAction,
  type CriterionState,
  type CriterionWithState,
  type SectionCriteria,
} from '../openness-model';
import { useOpennessFormatters } from '../use-openness-formatters';
import { CriterionStateBadge } from './criterion-state-badge';
import { DiscloseForm } from './disclose-form';

interface Props {
  sections: SectionCriteria[];
  standardKey: string;
  /** The viewer acts for this organisation as its ADMIN or EDITOR. */
  canDisclose: boolean;
  /** The viewer sees claimed and rejected disclosures (the organisation, its verifiers). */
  seesUnverified: boolean;
  /** Keys of verified criteria that expire within 60 days. */
  expiringKeys: ReadonlySet<string>;
}

/** «Критерии стандарта»: every applicable criterion by section, with its state for this organisation. */
export function CriteriaSection({ sections, standardKey, canDisclose, seesUnverified, expiringKeys }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="openness-criteria-title" className="panel">
      <h2 id="openness-criteria-title">{t('openness.criteria.title')}</h2>
      <p className="muted">{seesUnverified ? t('openness.criteria.ownNote') : t('openness.criteria.publicNote')}</p>
      {sections.map((section) => (
        <section
          key={section.key}
          aria-labelledby={`criteria-section-${section.key}`}
          className="criteria-group"
          data-section-key={section.key}
        >
          <div className="criteria-group__header">
            <h3 id={`criteria-section-${section.key}`}>{section.title}</h3>
            <span className="muted">
              {t('openness.criteria.counts', { verified: section.counts.VERIFIED, total: section.criteria.length })}
            </span>
          </div>
          <ul className="criterion-list">
            {section.criteria.map((item) => (
              <CriterionItem
                key={item.criterion.key}
                item={item}
                standardKey={standardKey}
                canDisclose={canDisclose}
                expiringSoon={expiringKeys.has(item.criterion.key)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function CriterionItem({
  item,
  standardKey,
  canDisclose,
  expiringSoon,
}: {
  item: CriterionWithState;
  standardKey: string;
  canDisclose: boolean;
  expiringSoon: boolean;
}) {
  const { t } = useTranslation();
  const { criterion, disclosure, state } = item;
  const anchor = criterionAnchor(criterion.key);
  const action = canDisclose ? discloseAction(state, expiringSoon) : null;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);

  function close(saved: boolean) {
    setOpen(false);
    setMessage(saved ? t('openness.form.sent', { criterion: criterion.title }) : '');
    requestAnimationFrame(() => buttonRef.current?.focus());
  }

  return (
    <li id={anchor} className="criterion" data-criterion-key={criterion.key} data-state={state} tabIndex={-1}>
      <div className="criterion__header">
        <h4 className="criterion__title">{criterion.title}</h4>
        <CriterionStateBadge state={state} />
      </div>
      <p className="criterion__meta">
        {criterion.mandatory && <span className="tag tag--mandatory">{t('openness.criteria.mandatory')}</span>}
        <span>{t('openness.criteria.weight', { weight: criterion.weight })}</span>
        <span>{t('openness.criteria.expects', { kind: t(`openness.evidenceKind.${criterion.evidence}`) })}</span>
        {criterion.freshnessMonths !== null && (
          <span>{t('openness.criteria.freshness', { months: criterion.freshnessMonths })}</span>
        )}
      </p>
      <details className="disclosure criterion__description">
        <summary>{t('openness.criteria.whatCounts')}</summary>
        <p>{criterion.description}</p>
      </details>
      {disclosure && <DisclosureDetails disclosure={disclosure} state={state} evidence={criterion.evidence} />}
      {action && !open && (
        <p className="button-row">
          <button
            ref={buttonRef}
            type="button"
            className={`button ${action === 'disclose' || action === 'answer' ? 'button--primary' : 'button--secondary'}`}
            aria-label={t('openness.actionFor', {
              action: t(`openness.actions.${action}`),
              criterion: criterion.title,
            })}
            onClick={() => {
              setMessage('');
              setOpen(true);
            }}
          >
            {t(`openness.actions.${action}`)}
          </button>
        </p>
      )}
      {action && open && (
        <DiscloseForm
          standardKey={standardKey}
          criterion={criterion}
          earlier={disclosure}
          action={action}
          onSaved={() => close(true)}
          onCancel={() => close(false)}
        />
      )}
      <p role="status" className="form-status">
        {message}
      </p>
    </li>
  );
}

/** The evidence of a disclosure with its dates; a rejection with its reason and the organisation's answer. */
export function DisclosureDetails({
  disclosure,
  state,
  evidence,
  showWaiting = true,
}: {
  disclosure: DisclosureFieldsFragment;
  state: CriterionState;
  evidence: EvidenceKind;
  /** Whether to say who verifies a claim (not in the verifiers' own queue). */
  showWaiting?: boolean;
}) {
  const { t } = useTranslation();
  const { formatDay, formatEvidenceNumber } = useOpennessFormatters();
  return (
    <div className="criterion__disclosure">
      <dl className="details details--compact">
        {disclosure.evidenceUrl && (
          <>
            <dt>{t('openness.evidence.link')}</dt>
            <dd>
              <a href={disclosure.evidenceUrl} rel="noopener noreferrer">
                {disclosure.evidenceUrl}
              </a>
            </dd>
          </>
        )}
        {disclosure.evidenceNumber !== null && (
          <>
            <dt>{t('openness.evidence.value')}</dt>
            <dd>{formatEvidenceNumber(disclosure.evidenceNumber, evidence)}</dd>
          </>
        )}
        {disclosure.evidenceText && (
          <>
            <dt>{t('openness.evidence.text')}</dt>
            <dd className="prose-text">{disclosure.evidenceText}</dd>
          </>
        )}
        <dt>{t('openness.evidence.asOf')}</dt>
        <dd>
          <time dateTime={disclosure.asOf}>{formatDay(disclosure.asOf)}</time>
        </dd>
        {(state === 'VERIFIED' || state === 'EXPIRED') && (
          <>
            <dt>{state === 'EXPIRED' ? t('openness.evidence.expired') : t('openness.evidence.expires')}</dt>
            <dd>
              {disclosure.expiresAt ? (
                <time dateTime={disclosure.expiresAt}>{formatDay(disclosure.expiresAt)}</time>
              ) : (
                t('openness.evidence.noExpiry')
              )}
            </dd>
          </>
        )}
        {state === 'CLAIMED' && (
          <>
            <dt>{t('openness.evidence.claimedOn')}</dt>
            <dd>
              <time dateTime={disclosure.updatedAt}>{formatDay(disclosure.updatedAt)}</time>
            </dd>
          </>
        )}
        {disclosure.answer && state !== 'VERIFIED' && state !== 'EXPIRED' && (
          <>
            <dt>{t('openness.evidence.answer')}</dt>
            <dd className="prose-text">{disclosure.answer}</dd>
          </>
        )}
        {state === 'REJECTED' && disclosure.rejectionReason && (
          <>
            <dt>{t('openness.evidence.rejectionReason')}</dt>
            <dd className="prose-text">{disclosure.rejectionReason}</dd>
          </>
        )}
        {state === 'CLAIMED' && disclosure.answer && disclosure.rejectionReason && (
          <>
            <dt>{t('openness.evidence.previousReason')}</dt>
            <dd className="prose-text">{disclosure.rejectionReason}</dd>
          </>
        )}
      </dl>
      {state === 'CLAIMED' && showWaiting && <p className="muted">{t('openness.evidence.waiting')}</p>}
    </div>
  );
}
