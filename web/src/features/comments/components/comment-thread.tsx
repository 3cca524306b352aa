import { useMutation } from '@apollo/client/react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth/auth-context';
import { useSession } from '../../../app/session/session-context';
import { EmptyState, ErrorState, LoadingState } from '../../../app/ui/states';
import type { UserErrorLike } from '../../../app/ui/user-errors';
import type { PostCommentInput } from '../../../gql/graphql';
import { PostCommentDocument } from '../graphql/comments';
import { buildCommentTree } from '../comment-tree';
import { useCommentThread, type CommentTarget } from '../use-comment-thread';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';

interface Props {
  target: CommentTarget;
  title: string;
  /** The thread's heading level: a section of the practice (2) or a part of a review (4). */
  headingLevel: 2 | 4;
  /** Whether the thread takes new comments (a published practice, a submitted review). */
  canPost: boolean;
}

/** A threaded discussion with replies nested by parentId, «Показать ещё» and a new-comment form. */
export function CommentThread({ target, title, headingLevel, canPost }: Props) {
  const { t } = useTranslation();
  const { isSignedIn, signIn } = useAuth();
  const { activeMembership } = useSession();
  const thread = useCommentThread(target);
  const [post] = useMutation(PostCommentDocument);
  const [message, setMessage] = useState('');
  // Under a review the form opens on request, so that a list of reviews stays readable.
  const [formOpen, setFormOpen] = useState(headingLevel === 2);
  const writeRef = useRef<HTMLButtonElement>(null);
  const comments = useMemo(() => thread.connection?.edges.map((edge) => edge.node) ?? [], [thread.connection]);
  const tree = useMemo(() => buildCommentTree(comments), [comments]);
  const byId = useMemo(() => new Map(comments.map((comment) => [comment.id, comment])), [comments]);
  const viewerCanPost = canPost && isSignedIn && activeMembership !== null;
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const headingId = `${target.kind}-comments-${target.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const total = thread.connection?.totalCount ?? 0;

  async function send(input: PostCommentInput): Promise<readonly UserErrorLike[]> {
    const payload = (await post({ variables: { input } })).data?.postComment;
    if (!payload) return [];
    if (payload.comment) thread.append(payload.comment);
    return payload.userErrors;
  }

  const topLevel = target.kind === 'practice' ? { practiceId: target.id } : { reviewId: target.id };
  const content = (
    <>
      <Heading id={headingId} className="comments__title">
        {title}
        {total > 0 && <span className="muted"> ({total})</span>}
      </Heading>
      {thread.loading && !thread.connection && <LoadingState label={t('comments.loading')} />}
      {thread.error && !thread.connection && <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />}
      {thread.connection &&
        (tree.length === 0 ? (
          <EmptyState>{t('comments.empty')}</EmptyState>
        ) : (
          <ol className="comment-list">
            {tree.map((node) => (
              <CommentItem
                key={node.comment.id}
                node={node}
                parent={node.comment.parentId ? (byId.get(node.comment.parentId) ?? null) : null}
                canPost={viewerCanPost}
                canReport={isSignedIn}
                onReply={(parentId, body) => send({ parentId, body })}
              />
            ))}
          </ol>
        ))}
      {thread.connection?.pageInfo.hasNextPage && (
        <p className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={thread.loadingMore}
            onClick={thread.loadMore}
          >
            {thread.loadingMore ? t('comments.loadingMore') : t('comments.loadMore')}
          </button>
          <span className="muted">{t('comments.shown', { shown: comments.length, total })}</span>
        </p>
      )}
      {thread.moreError !== null && <ErrorState error={thread.moreError} onRetry={thread.loadMore} />}
      <p role="status" className="form-status">
        {message}
      </p>
      {viewerCanPost && !formOpen ? (
        <p>
          <button ref={writeRef} type="button" className="button button--secondary" onClick={() => setFormOpen(true)}>
            {t('comments.write')}
          </button>
        </p>
      ) : viewerCanPost ? (
        <CommentForm
          id={`${headingId}-new`}
          label={target.kind === 'practice' ? t('comments.form.newLabel') : t('comments.form.newOnReviewLabel')}
          submitLabel={t('comments.form.submit')}
          autoFocus={headingLevel !== 2}
          onCancel={
            headingLevel === 2
              ? undefined
              : () => {
                  setFormOpen(false);
                  requestAnimationFrame(() => writeRef.current?.focus());
                }
          }
          onSubmit={async (body) => {
            setMessage('');
            const errors = await send({ ...topLevel, body });
            if (errors.length === 0) setMessage(t('comments.posted'));
            return errors;
          }}
        />
      ) : (
        canPost &&
        (isSignedIn ? (
          <p className="muted">{t('comments.needsOrganisation')}</p>
        ) : (
          <p className="muted">
            <button type="button" className="button button--link" onClick={() => void signIn()}>
              {t('comments.signIn')}
            </button>
          </p>
        ))
      )}
    </>
  );

  return headingLevel === 2 ? (
    <section aria-labelledby={headingId} className="panel practice__section comments" aria-busy={thread.loading}>
      {content}
    </section>
  ) : (
    <section aria-labelledby={headingId} className="comments comments--review" aria-busy={thread.loading}>
      {content}
    </section>
  );
}
