import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeCardFieldsFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { EmptyState } from '../../../app/ui/states';
import { HighlightText, type HighlightSegment } from './highlight-text';
import { LoopClosedBadge, ParticipationTag, PracticeStatusBadge } from './practice-badges';

export interface PracticeResultItem {
  cursor: string;
  highlight?: readonly HighlightSegment[];
  node: PracticeCardFieldsFragment;
}

interface Props {
  items: readonly PracticeResultItem[];
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  emptyText: string;
  /** Heading level of each practice's title, under the section's heading. */
  headingLevel?: 2 | 3;
  showOrganisation?: boolean;
  showGroup?: boolean;
}

/** A list of practices with "Показать ещё"; after loading more, focus moves to the first new practice. */
export function PracticeResults({
  items,
  hasNextPage,
  loadingMore,
  onLoadMore,
  emptyText,
  headingLevel = 3,
  showOrganisation = true,
  showGroup = true,
}: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    focusFrom.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('[data-practice-link]')[from]?.focus();
  }, [items.length]);

  if (items.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <>
      <ol ref={listRef} className="practice-list">
        {items.map((item) => (
          <PracticeCard
            key={item.node.id}
            item={item}
            headingLevel={headingLevel}
            showOrganisation={showOrganisation}
            showGroup={showGroup}
          />
        ))}
      </ol>
      {hasNextPage && (
        <p className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={loadingMore}
            onClick={() => {
              focusFrom.current = items.length;
              onLoadMore();
            }}
          >
            {loadingMore ? t('practices.loadingMore') : t('practices.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}

function PracticeCard({
  item,
  headingLevel,
  showOrganisation,
  showGroup,
}: {
  item: PracticeResultItem;
  headingLevel: 2 | 3;
  showOrganisation: boolean;
  showGroup: boolean;
}) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const practice = item.node;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const highlight = item.highlight ?? [];
  return (
    <li className="practice-card" data-practice-id={practice.id}>
      <Heading className="practice-card__title">
        <Link to={`/practices/${encodeURIComponent(practice.id)}`} data-practice-link>
          {practice.title}
        </Link>
      </Heading>
      <p className="card__meta">
        {practice.status !== 'PUBLISHED' && <PracticeStatusBadge status={practice.status} />}
        {practice.participationLevel && <ParticipationTag level={practice.participationLevel} />}
        {practice.status !== 'DRAFT' && <LoopClosedBadge closed={practice.loopClosed} />}
      </p>
      {highlight.length > 0 ? (
        <p className="practice-card__text practice-card__match">
          <span className="visually-hidden">{t('practices.matchLabel')}: </span>
          <HighlightText segments={highlight} />
        </p>
      ) : (
        practice.summary && <p className="practice-card__text">{practice.summary}</p>
      )}
      <p className="card__meta">
        {showOrganisation && (
          <span>
            <span className="visually-hidden">{t('practices.byOrganisation')}: </span>
            <Link to={`/organisations/${practice.organisation.slug}`}>{practice.organisation.name}</Link>
          </span>
        )}
        {showGroup && (
          <span>
            <span className="visually-hidden">{t('practices.inGroup')}: </span>
            <Link to={`/groups/${practice.group.slug}`}>{practice.group.title}</Link>
          </span>
        )}
        <span>
          {practice.status === 'DRAFT' || !practice.publishedAt
            ? t('practices.updatedOn', { date: formatDate(practice.updatedAt) })
            : t('practices.publishedOn', { date: formatDate(practice.publishedAt) })}
        </span>
      </p>
      {practice.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('practice.page.tags')}>
          {practice.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag" to={`/practices?tag=${encodeURIComponent(tag)}`}>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
