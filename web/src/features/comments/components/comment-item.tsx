import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../app/i18n/use-formatters';
import type { UserErrorLike } from '../../../app/ui/user-errors';
import type { CommentFieldsFragment } from '../../../gql/graphql';
import { MarkdownView } from '../../practices/components/markdown-view';
import { EditCommentDocument } from '../graphql/comments';
import { MAX_COMMENT_DEPTH, type CommentNode } from '../comment-tree';
import { CommentForm } from './comment-form';
import { ReportForm } from './report-form';

export const commentAnchor = (id: string) => `comment-${id.replace(/[^A-Za-z0-9_-]/g, '')}`;

interface Props {
  node: CommentNode<CommentFieldsFragment>;
  parent: CommentFieldsFragment | null;
  /** The viewer may post here (signed in, acting for an organisation, the thread is open). */
  canPost: boolean;
  /** The viewer may report comments (signed in). */
  canReport: boolean;
  onReply: (parentId: string, body: string) => Promise<readonly UserErrorLike[]>;
}

type Mode = 'idle' | 'reply' | 'edit' | 'report';

export function CommentItem({ node, parent, canPost, canReport, onReply }: Props) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const comment = node.comment;
  const [mode, setMode] = useState<Mode>('idle');
  const [notice, setNotice] = useState('');
  const [reported, setReported] = useState(false);
  const [edit] = useMutation(EditCommentDocument);
  const articleRef = useRef<HTMLElement>(null);

  // After a form closes, focus goes back to the comment's first action (or the comment itself).
  function finish(text: string) {
    setMode('idle');
    setNotice(text);
    requestAnimationFrame(() => {
      const target = articleRef.current?.querySelector<HTMLElement>('.comment__actions button') ?? articleRef.current;
      target?.focus();
    });
  }

  function open(next: Mode) {
    setNotice('');
    setMode(next);
  }
  const anchor = commentAnchor(comment.id);
  const hidden = comment.status === 'HIDDEN';
  const readable = comment.body !== null;

  const hiddenNote = () => {
    const reason = comment.hiddenReason === 'REPORTS' ? t('comments.hidden.byReports') : (comment.hiddenReason ?? '');
    return t(comment.isViewer ? 'comments.hidden.ownNote' : 'comments.hidden.moderatorNote', { reason });
  };

  return (
    <li className="comment-list__item">
      <article
        ref={articleRef}
        tabIndex={-1}
        className={`comment${hidden ? ' comment--hidden' : ''}`}
        id={anchor}
        aria-labelledby={`${anchor}-meta`}
        data-comment-id={comment.id}
        data-status={comment.status}
        data-depth={comment.depth}
      >
        <p className="comment__meta" id={`${anchor}-meta`}>
          <strong className="comment__author">{comment.authorName}</strong>
          <span className="visually-hidden">, </span>
          <Link to={`/organisations/${comment.organisation.slug}`}>{comment.organisation.name}</Link>
          <span className="visually-hidden">, </span>
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        </p>
        {parent && (
          <p className="comment__reply-to">
            {t('comments.replyTo')} <a href={`#${commentAnchor(parent.id)}`}>{parent.authorName}</a>
          </p>
        )}

        {!readable ? (
          <p className="comment__placeholder">{t('comments.hidden.placeholder')}</p>
        ) : (
          <>
            {hidden && <p className="notice notice--warning">{hiddenNote()}</p>}
            {mode === 'edit' ? (
              <CommentForm
                id={`${anchor}-edit`}
                label={t('comments.form.editLabel')}
                submitLabel={t('common.save')}
                initialBody={comment.body ?? ''}
                autoFocus
                onSubmit={async (body) => {
                  const payload = (
                    await edit({ variables: { input: { commentId: comment.id, version: comment.version, body } } })
                  ).data?.editComment;
                  const errors = payload?.userErrors ?? [];
                  if (errors.length === 0) finish(t('comments.edited'));
                  return errors;
                }}
                onCancel={() => finish('')}
              />
            ) : (
              <MarkdownView source={comment.body ?? ''} className="comment__body" />
            )}
          </>
        )}

        {comment.edits.length > 0 && (
          <details className="disclosure comment__edits">
            <summary>
              {t('comments.editedMark')}
              <span className="muted"> · {t('comments.earlierTexts', { count: comment.edits.length })}</span>
            </summary>
            <ol className="comment-edits">
              {comment.edits.map((earlier) => (
                <li key={earlier.replacedAt}>
                  <p className="card__meta">{t('comments.replacedAt', { date: formatDateTime(earlier.replacedAt) })}</p>
                  <MarkdownView source={earlier.body} />
                </li>
              ))}
            </ol>
          </details>
        )}

        {mode === 'idle' && (
          <div className="comment__actions">
            {canPost && comment.depth < MAX_COMMENT_DEPTH && readable && !hidden && (
              <button type="button" className="button button--link" onClick={() => open('reply')}>
                {t('comments.reply')}
                <span className="visually-hidden"> {t('comments.forAuthor', { author: comment.authorName })}</span>
              </button>
            )}
            {comment.viewerCanEdit && (
              <button type="button" className="button button--link" onClick={() => open('edit')}>
                {t('comments.edit')}
              </button>
            )}
            {canReport && !comment.isViewer && !hidden && !reported && (
              <button type="button" className="button button--link" onClick={() => open('report')}>
                {t('comments.report.open')}
                <span className="visually-hidden"> {t('comments.forAuthor', { author: comment.authorName })}</span>
              </button>
            )}
          </div>
        )}
        <p role="status" className="form-status">
          {notice}
        </p>
        {mode === 'reply' && (
          <CommentForm
            id={`${anchor}-reply`}
            label={t('comments.form.replyLabel', { author: comment.authorName })}
            submitLabel={t('comments.form.replySubmit')}
            autoFocus
            onSubmit={async (body) => {
              const errors = await onReply(comment.id, body);
              if (errors.length === 0) finish(t('comments.replied'));
              return errors;
            }}
            onCancel={() => finish('')}
          />
        )}
        {mode === 'report' && (
          <ReportForm
            commentId={comment.id}
            idPrefix={anchor}
            onSent={() => {
              setReported(true);
              finish(t('comments.report.sent'));
            }}
            onCancel={() => finish('')}
          />
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="comment-list comment-list--replies">
          {node.replies.map((reply) => (
            <CommentItem
              key={reply.comment.id}
              node={reply}
              parent={comment}
              canPost={canPost}
              canReport={canReport}
              onReply={onReply}
            />
          ))}
        </ol>
      )}
    </li>
  );
}
