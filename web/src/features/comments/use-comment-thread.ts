import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { CommentFieldsFragment } from '../../gql/graphql';
import { PracticeCommentsDocument, ReviewCommentsDocument } from './graphql/comments';
import { mergeCommentEdges } from './comment-tree';

export type CommentTarget = { kind: 'practice'; id: string } | { kind: 'review'; id: string };

/** Comments come 50 at a time; «Показать ещё» loads the next 50. */
export const COMMENT_PAGE_SIZE = 50;

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: CommentFieldsFragment }>;
}

/** One thread (a practice's or a review's comments) with paging and appending a new comment. */
export function useCommentThread(target: CommentTarget) {
  const variables = { id: target.id, first: COMMENT_PAGE_SIZE };
  const practice = useQuery(PracticeCommentsDocument, {
    variables,
    skip: target.kind !== 'practice',
    fetchPolicy: 'cache-and-network',
  });
  const review = useQuery(ReviewCommentsDocument, {
    variables,
    skip: target.kind !== 'review',
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const reviewNode = review.data?.node;
  const connection: Connection | null =
    target.kind === 'practice'
      ? (practice.data?.practice?.comments ?? null)
      : reviewNode && 'comments' in reviewNode
        ? reviewNode.comments
        : null;
  const active = target.kind === 'practice' ? practice : review;

  function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    const after = connection.pageInfo.endCursor;
    const request =
      target.kind === 'practice'
        ? practice.fetchMore({
            variables: { after },
            updateQuery: (previous, { fetchMoreResult }) => {
              const before = previous.practice;
              const next = fetchMoreResult.practice;
              if (!before || !next) return previous;
              return {
                practice: {
                  ...before,
                  comments: { ...next.comments, edges: mergeCommentEdges(before.comments.edges, next.comments.edges) },
                },
              };
            },
          })
        : review.fetchMore({
            variables: { after },
            updateQuery: (previous, { fetchMoreResult }) => {
              const before = previous.node;
              const next = fetchMoreResult.node;
              if (!before || !next || !('comments' in before) || !('comments' in next)) return previous;
              return {
                node: {
                  ...before,
                  comments: { ...next.comments, edges: mergeCommentEdges(before.comments.edges, next.comments.edges) },
                },
              };
            },
          });
    request.catch((caught: unknown) => setMoreError(caught)).finally(() => setLoadingMore(false));
  }

  /** Puts a just-posted comment at the end of the loaded thread (it is the newest). */
  function append(comment: CommentFieldsFragment) {
    const add = <C extends Connection>(comments: C): C => ({
      ...comments,
      totalCount: comments.totalCount + 1,
      // The cache wants the edge's __typename, which the generated types leave out.
      edges: mergeCommentEdges(comments.edges, [
        { __typename: 'CommentEdge', cursor: '', node: comment } as Connection['edges'][number],
      ]),
    });
    if (target.kind === 'practice') {
      practice.updateQuery((_unsafe, { complete, previousData }) =>
        complete && previousData.practice
          ? { ...previousData, practice: { ...previousData.practice, comments: add(previousData.practice.comments) } }
          : undefined,
      );
    } else {
      review.updateQuery((_unsafe, { complete, previousData }) =>
        complete && previousData.node && 'comments' in previousData.node
          ? { ...previousData, node: { ...previousData.node, comments: add(previousData.node.comments) } }
          : undefined,
      );
    }
  }

  return {
    connection,
    loading: active.loading,
    error: active.error,
    refetch: () => active.refetch(),
    loadingMore,
    moreError,
    loadMore,
    append,
  };
}
