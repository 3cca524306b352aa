import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PracticeQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { NotFoundContent } from '../../../app/routing/not-found-page';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { MarkdownView } from '../components/markdown-view';
import { LoopClosedBadge, PracticeStatusBadge } from '../components/practice-badges';
import { PracticeOwnerActions } from '../components/practice-owner-actions';
import { PracticeDocument } from '../graphql/practices';
import { CommentThread } from '../../comments/components/comment-thread';
import { ReviewsSection } from '../../reviews/components/reviews-section';
import type { PracticePageFlash } from './practice-page-flash';
import { INDICATOR_TIERS, METHOD_CATEGORIES, PARTICIPATION_LEVELS, participationOrdinal } from '../practice-model';

// The word diff (and its library) loads only when someone compares revisions.
const RevisionChanges = lazy(async () => ({
  default: (await import('../components/revision-changes')).RevisionChanges,
}));

type Practice = NonNullable<PracticeQuery['practice']>;

export function PracticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(PracticeDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const practice = data?.practice;
  useDocumentTitle(practice?.content.title ?? (loading ? t('common.loading') : undefined));

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!practice) return <NotFoundContent />;

  const flash = (location.state as PracticePageFlash | null) ?? {};
  const flashText =
    flash.flash === 'published'
      ? t('practice.page.published')
      : flash.flash === 'revision'
        ? t('practice.page.saved', { number: flash.revision ?? practice.revisionNumber })
        : '';
  return <PracticeView practice={practice} flashText={flashText} onReload={() => refetch()} />;
}

function PracticeView({
  practice,
  flashText,
  onReload,
}: {
  practice: Practice;
  flashText: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { formatDate, formatNumber } = useFormatters();
  const content = practice.content;
  const segment = content.beneficiarySegment;
  const loop = content.loopClosure;
  const level = content.participationLevel;

  return (
    <article className="page practice" aria-labelledby="practice-title">
      <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
        <Link to="/practices">{t('practices.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{content.title}</span>
      </nav>
      <header className="page__header">
        <p className="card__meta">
          <PracticeStatusBadge status={practice.status} />
          <span>
            {practice.revisionNumber > 0
              ? t('practice.page.revision', { number: practice.revisionNumber })
              : t('practice.page.neverPublished')}
          </span>
          {practice.publishedAt && (
            <span>{t('practice.page.publishedOn', { date: formatDate(practice.publishedAt) })}</span>
          )}
          <span>{t('practice.page.updatedOn', { date: formatDate(practice.updatedAt) })}</span>
          {practice.archivedAt && (
            <span>{t('practice.page.archivedOn', { date: formatDate(practice.archivedAt) })}</span>
          )}
        </p>
        <h1 id="practice-title">{content.title}</h1>
        <dl className="details details--inline">
          <dt>{t('practice.page.organisation')}</dt>
          <dd>
            <Link to={`/organisations/${practice.organisation.slug}`}>{practice.organisation.name}</Link>
          </dd>
          <dt>{t('practice.page.group')}</dt>
          <dd>
            <Link to={`/groups/${practice.group.slug}`}>{practice.group.title}</Link>
          </dd>
        </dl>
      </header>
      {flashText && (
        <p role="status" className="notice notice--success">
          {flashText}
        </p>
      )}
      {practice.status === 'DRAFT' && <p className="notice">{t('practice.page.draftNote')}</p>}
      {practice.status === 'ARCHIVED' && <p className="notice">{t('practice.page.archivedNote')}</p>}
      {practice.viewerCanEdit && (
        <PracticeOwnerActions
          practice={{ id: practice.id, title: content.title, status: practice.status, version: practice.version }}
          onReload={onReload}
        />
      )}

      {content.summary && <p className="lead">{content.summary}</p>}

      <Section id="problem" title={t('practice.page.problem')}>
        {content.problem ? <MarkdownView source={content.problem} /> : <NotGiven />}
      </Section>

      <Section id="beneficiaries" title={t('practice.page.beneficiaries')}>
        <dl className="details">
          <dt>{t('practice.fields.beneficiaryDescription')}</dt>
          <dd className="prose-text">{segment.description ?? <NotGiven />}</dd>
          <dt>{t('practice.fields.beneficiarySize')}</dt>
          <dd>
            {segment.size === null ? (
              <NotGiven />
            ) : (
              t('practice.people', { count: segment.size, formatted: formatNumber(segment.size) })
            )}
          </dd>
          <dt>{t('practice.fields.beneficiaryReach')}</dt>
          <dd className="prose-text">{segment.reach ?? <NotGiven />}</dd>
        </dl>
      </Section>

      <Section id="participation" title={t('practice.page.participation')}>
        {level ? (
          <>
            <p className="level-summary">
              <strong>{t('practice.levelOrdinal', { ordinal: participationOrdinal(level) })}:</strong>{' '}
              {t(`practice.level.${level}`)}
            </p>
            <ol className="level-scale" aria-label={t('practice.fields.participationLevel')}>
              {PARTICIPATION_LEVELS.map((option, index) => (
                <li
                  key={option}
                  className={option === level ? 'level-scale__step level-scale__step--current' : 'level-scale__step'}
                  aria-current={option === level ? 'true' : undefined}
                >
                  <span className="level-scale__number">{index + 1}</span>
                  <span className="level-scale__name">{t(`practice.level.${option}`)}</span>
                </li>
              ))}
            </ol>
            <p>{t(`practice.levelDescription.${level}`)}</p>
          </>
        ) : (
          <p className="muted">{t('practice.levelNotSet')}</p>
        )}
      </Section>

      <Section id="methods" title={t('practice.page.methods')}>
        {practice.methods.length === 0 ? (
          <EmptyState>{t('practice.page.noMethods')}</EmptyState>
        ) : (
          <dl className="method-list">
            {practice.methods.map((method) => (
              <div key={method.key} className="method-list__item">
                <dt>
                  {method.title}{' '}
                  <span className="tag">
                    {METHOD_CATEGORIES.includes(method.category)
                      ? t(`practice.methodCategory.${method.category}`)
                      : method.category}
                  </span>
                </dt>
                <dd>{method.description}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      <Section id="loop" title={t('practice.page.loop')}>
        <p>
          <LoopClosedBadge closed={loop.closed} />
        </p>
        <dl className="details">
          <dt>{t('practice.fields.returnedWhat')}</dt>
          <dd className="prose-text">{loop.returnedWhat ?? <NotGiven />}</dd>
          <dt>{t('practice.fields.returnedHow')}</dt>
          <dd className="prose-text">{loop.returnedHow ?? <NotGiven />}</dd>
          <dt>{t('practice.fields.turnaroundDays')}</dt>
          <dd>{loop.turnaroundDays === null ? <NotGiven /> : t('practice.days', { count: loop.turnaroundDays })}</dd>
        </dl>
      </Section>

      <Section id="results" title={t('practice.page.results')}>
        {content.indicators.length === 0 ? (
          <EmptyState>{t('practice.page.noIndicators')}</EmptyState>
        ) : (
          INDICATOR_TIERS.map((tier) => {
            const indicators = content.indicators.filter((indicator) => indicator.tier === tier);
            if (indicators.length === 0) return null;
            return (
              <div key={tier} className="indicator-tier" data-tier={tier}>
                <h3 id={`tier-${tier}`}>{t(`practice.tier.${tier}`)}</h3>
                <div className="table-wrap">
                  <table className="table" aria-labelledby={`tier-${tier}`}>
                    <thead>
                      <tr>
                        <th scope="col">{t('practice.fields.name')}</th>
                        <th scope="col">{t('practice.page.baselineToValue')}</th>
                        <th scope="col">{t('practice.fields.period')}</th>
                        <th scope="col">{t('practice.fields.source')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {indicators.map((indicator, index) => (
                        <tr key={`${tier}-${index}`}>
                          <th scope="row">{indicator.name}</th>
                          <td className="indicator-values">
                            {indicator.baseline !== null && (
                              <>
                                {formatNumber(indicator.baseline)} <span aria-hidden="true">→</span>
                                <span className="visually-hidden">
                                  {' '}
                                  {t('practice.page.after').toLowerCase()}:{' '}
                                </span>{' '}
                              </>
                            )}
                            <strong>{formatNumber(indicator.value)}</strong> {indicator.unit}
                          </td>
                          <td>{indicator.period ?? '—'}</td>
                          <td>{indicator.source ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            );
          })
        )}
      </Section>

      <Section id="evidence" title={t('practice.page.evidence')}>
        {content.evidenceLinks.length === 0 ? (
          <EmptyState>{t('practice.page.noEvidence')}</EmptyState>
        ) : (
          <ul className="link-list">
            {content.evidenceLinks.map((link, index) => (
              <li key={`${link.url}-${index}`}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                  <span className="visually-hidden"> {t('practice.page.newTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {content.resources && (
        <Section id="resources" title={t('practice.page.resources')}>
          <MarkdownView source={content.resources} />
        </Section>
      )}
      {content.replicationAdvice && (
        <Section id="replication" title={t('practice.page.replicationAdvice')}>
          <MarkdownView source={content.replicationAdvice} />
        </Section>
      )}
      {content.tags.length > 0 && (
        <Section id="tags" title={t('practice.page.tags')}>
          <ul className="tag-list">
            {content.tags.map((tag) => (
              <li key={tag}>
                <Link className="tag" to={`/practices?tag=${encodeURIComponent(tag)}`}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {practice.revisionNumber > 0 && (
        <>
          <ReviewsSection practiceId={practice.id} />
          <CommentThread
            target={{ kind: 'practice', id: practice.id }}
            headingLevel={2}
            title={t('comments.title')}
            canPost={practice.status === 'PUBLISHED'}
          />
        </>
      )}

      <RevisionHistory practice={practice} />
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="panel practice__section">
      <h2 id={`section-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function NotGiven() {
  const { t } = useTranslation();
  return <span className="muted">{t('practice.page.notSpecified')}</span>;
}

function RevisionHistory({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const numbers = practice.revisions.map((revision) => revision.number).sort((a, b) => a - b);
  const latest = numbers.at(-1) ?? 0;
  const [from, setFrom] = useState(numbers.at(-2) ?? latest);
  const [to, setTo] = useState(latest);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const [orderProblem, setOrderProblem] = useState(false);

  function compare(event: FormEvent) {
    event.preventDefault();
    if (from >= to) {
      setOrderProblem(true);
      return;
    }
    setOrderProblem(false);
    setCompared({ from, to });
  }

  return (
    <section aria-labelledby="history-title" className="panel practice__section">
      <h2 id="history-title">{t('practice.page.history')}</h2>
      {practice.revisions.length === 0 ? (
        <EmptyState>{t('practice.page.noRevisions')}</EmptyState>
      ) : (
        <ol className="revision-list" reversed>
          {practice.revisions.map((revision) => (
            <li key={revision.id}>
              {t('practice.page.revisionItem', { number: revision.number, date: formatDate(revision.createdAt) })}
              {revision.number === practice.revisionNumber && <span className="tag">{t('practice.page.current')}</span>}
            </li>
          ))}
        </ol>
      )}
      {practice.revisions.length > 0 && (
        <>
          <h3 id="compare-title">{t('practice.page.compareTitle')}</h3>
          {numbers.length < 2 ? (
            <p className="muted">{t('practice.page.compareNeedsTwo')}</p>
          ) : (
            <form className="compare-form" aria-labelledby="compare-title" onSubmit={compare} noValidate>
              <RevisionSelect
                id="compare-from"
                label={t('practice.page.compareFrom')}
                numbers={numbers}
                value={from}
                onChange={setFrom}
              />
              <RevisionSelect
                id="compare-to"
                label={t('practice.page.compareTo')}
                numbers={numbers}
                value={to}
                onChange={setTo}
              />
              <button type="submit" className="button button--secondary">
                {t('practice.page.compareSubmit')}
              </button>
              {orderProblem && (
                <p className="field__error" role="alert">
                  {t('practice.page.compareOrder')}
                </p>
              )}
            </form>
          )}
          {compared && (
            <Suspense fallback={<LoadingState label={t('practice.page.comparing')} />}>
              <RevisionChanges practiceId={practice.id} from={compared.from} to={compared.to} />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}

function RevisionSelect({
  id,
  label,
  numbers,
  value,
  onChange,
}: {
  id: string;
  label: string;
  numbers: number[];
  value: number;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input input--select input--compact"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {numbers.map((number) => (
          <option key={number} value={number}>
            {t('practice.page.revision', { number })}
          </option>
        ))}
      </select>
    </div>
  );
}
