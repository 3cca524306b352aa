import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../../app/auth/require-sign-in';
import { useFormatters } from '../../../app/i18n/use-formatters';
import { useSession } from '../../../app/session/session-context';
import { TextAreaField } from '../../../app/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import { useDocumentTitle } from '../../../app/ui/use-document-title';
import { splitUserErrors } from '../../../app/ui/user-errors';
import type { CommentsForModerationQuery } from '../../../gql/graphql';
import { MarkdownView } from '../../practices/components/markdown-view';
import {
  CommentsForModerationDocument,
  HideCommentDocument,
  ModeratedPracticeTitleDocument,
  RestoreCommentDocument,
} from '../graphql/comments';
import { mergeCommentEdges } from '../comment-tree';
import { commentAnchor } from '../components/comment-item';
import { InlineAlert } from '../../../app/ui/inline-alert';

const PAGE_SIZE = 20;
const REASON = { min: 3, max: 500 } as const;

type QueueComment = CommentsForModerationQuery['commentsForModeration']['edges'][number]['node'];

export function ModerationPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('moderation.title')}>
      <Moderation />
    </RequireSignIn>
  );
}

function Moderation() {
  const { t } = useTranslation();
  const { hasPlatformRole, loading: sessionLoading } = useSession();
  const isModerator = hasPlatformRole('MODERATOR') || hasPlatformRole('PLATFORM_ADMIN');
  useDocumentTitle(t('moderation.title'));
  if (sessionLoading) return <LoadingState />;
  if (!isModerator) {
    return (
      <div className="page page--narrow">
        <h1>{t('moderation.title')}</h1>
        <p>{t('moderation.forbidden')}</p>
      </div>
    );
  }
  return <ModerationQueue />;
}

function ModerationQueue() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(CommentsForModerationDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.commentsForModeration;

  function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    fetchMore({
      variables: { after: connection.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        commentsForModeration: {
          ...fetchMoreResult.commentsForModeration,
          edges: mergeCommentEdges(previous.commentsForModeration.edges, fetchMoreResult.commentsForModeration.edges),
        },
      }),
    })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t('moderation.title')}</h1>
        <p className="lead">{t('moderation.lead')}</p>
      </header>
      <section aria-labelledby="moderation-queue-title" className="panel" aria-busy={loading}>
        <div className="panel__header">
          <h2 id="moderation-queue-title">{t('moderation.queueTitle')}</h2>
          {connection && <span className="muted">{t('moderation.total', { count: connection.totalCount })}</span>}
        </div>
        {loading && !data && <LoadingState />}
        {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
        {connection &&
          (connection.edges.length === 0 ? (
            <EmptyState>{t('moderation.empty')}</EmptyState>
          ) : (
            <ol className="moderation-list">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <ModeratedComment comment={node} />
                </li>
              ))}
            </ol>
          ))}
        {connection?.pageInfo.hasNextPage && (
          <p className="button-row">
            <button type="button" className="button button--secondary" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? t('comments.loadingMore') : t('comments.loadMore')}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}

function PracticeLink({ practiceId, anchor }: { practiceId: string; anchor: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(ModeratedPracticeTitleDocument, {
    variables: { id: practiceId },
    fetchPolicy: 'cache-first',
  });
  return (
    <Link to={`/practices/${encodeURIComponent(practiceId)}#${anchor}`}>
      {data?.practice?.title ?? t('moderation.practice')}
    </Link>
  );
}

function ModeratedComment({ comment }: { comment: QueueComment }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [hide, hideState] = useMutation(HideCommentDocument);
  const [restore, restoreState] = useMutation(RestoreCommentDocument);
  const busy = hideState.loading || restoreState.loading;
  const anchor = commentAnchor(comment.id);
  const hidden = comment.status === 'HIDDEN';
  const hiddenByReports = hidden && comment.hiddenReason === 'REPORTS';
  const reasonId = `${anchor}-reason`;

  async function act(action: 'hide' | 'restore', event?: FormEvent) {
    event?.preventDefault();
    setProblems([]);
    setDone('');
    const text = reason.trim();
    if (text.length < REASON.min || text.length > REASON.max) {
      setError(t('moderation.reasonLength', REASON));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setError(null);
    try {
      const input = { commentId: comment.id, reason: text };
      const payload =
        action === 'hide'
          ? (await hide({ variables: { input } })).data?.hideComment
          : (await restore({ variables: { input } })).data?.restoreComment;
      if (!payload) return;
      if (payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['reason']);
        setError(split.fieldErrors.reason ?? null);
        setProblems(split.formErrors);
        return;
      }
      setReason('');
      setDone(action === 'hide' ? t('moderation.hidden') : t('moderation.restored'));
    } catch (caught) {
      setProblems([caught instanceof Error ? caught.message : t('errors.network')]);
    }
  }

  return (
    <article
      className="moderated-comment"
      aria-labelledby={`${anchor}-title`}
      data-comment-id={comment.id}
      data-status={comment.status}
    >
      <h3 id={`${anchor}-title`} className="moderated-comment__title">
        {t('moderation.commentBy', { author: comment.authorName, organisation: comment.organisation.name })}
      </h3>
      <p className="card__meta">
        <span className={`badge ${hidden ? 'badge--rejected' : 'badge--active'}`}>
          {hidden ? t('moderation.status.HIDDEN') : t('moderation.status.VISIBLE')}
        </span>
        <span data-report-count={comment.reportCount ?? 0}>
          {t('moderation.reports', { count: comment.reportCount ?? 0 })}
        </span>
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        <span>
          {comment.reviewId ? t('moderation.onReviewOf') : t('moderation.onPractice')}{' '}
          <PracticeLink practiceId={comment.practiceId} anchor={anchor} />
        </span>
      </p>
      {hidden && (
        <p className="notice notice--warning">
          {hiddenByReports
            ? t('moderation.hiddenByReports')
            : t('moderation.hiddenReason', { reason: comment.hiddenReason ?? '' })}
        </p>
      )}
      {comment.body !== null && <MarkdownView source={comment.body} className="moderated-comment__body" />}
      <form
        className="moderation-form"
        noValidate
        onSubmit={(event) => void act(hidden && !hiddenByReports ? 'restore' : 'hide', event)}
      >
        <TextAreaField
          id={reasonId}
          label={t('moderation.reason')}
          hint={t('moderation.reasonHint')}
          required
          rows={2}
          value={reason}
          error={error}
          onValueChange={setReason}
        />
        <InlineAlert messages={problems} />
        <div className="button-row">
          {(!hidden || hiddenByReports) && (
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void act('hide')}>
              {hiddenByReports ? t('moderation.confirmHide') : t('moderation.hide')}
            </button>
          )}
          {hidden && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void act('restore')}
            >
              {t('moderation.restore')}
            </button>
          )}
        </div>
        <p role="status" className="form-status">
          {done}
        </p>
      </form>
    </article>
  );
}
