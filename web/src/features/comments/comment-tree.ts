export interface CommentLike {
  id: string;
  parentId: string | null;
}

export interface CommentNode<T extends CommentLike> {
  comment: T;
  replies: CommentNode<T>[];
}

/** The API allows replies 3 deep (depth 0–3); at depth 3 there is no «Ответить». */
export const MAX_COMMENT_DEPTH = 3;

/**
 * Nests a flat, oldest-first list of comments by `parentId`, keeping the order among siblings.
 * A comment whose parent is not in the list (not loaded yet) is shown at the top level; a
 * repeated id (pages overlapping after a new comment) keeps its first occurrence.
 */
export function buildCommentTree<T extends CommentLike>(comments: readonly T[]): CommentNode<T>[] {
  const nodes = new Map<string, CommentNode<T>>();
  for (const comment of comments) {
    if (!nodes.has(comment.id)) nodes.set(comment.id, { comment, replies: [] });
  }
  const roots: CommentNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId ? nodes.get(node.comment.parentId) : undefined;
    if (parent && !isAncestor(node, parent, nodes)) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Guards against a cycle in bad data: attaching `node` under `parent` must not loop. */
function isAncestor<T extends CommentLike>(
  node: CommentNode<T>,
  parent: CommentNode<T>,
  nodes: Map<string, CommentNode<T>>,
): boolean {
  const seen = new Set<string>();
  let current: CommentNode<T> | undefined = parent;
  while (current && !seen.has(current.comment.id)) {
    if (current.comment.id === node.comment.id) return true;
    seen.add(current.comment.id);
    current = current.comment.parentId ? nodes.get(current.comment.parentId) : undefined;
  }
  return false;
}

/** Edges of a later page appended to the loaded ones, without repeating a comment. */
export function mergeCommentEdges<E extends { node: { id: string } }>(loaded: readonly E[], more: readonly E[]): E[] {
  const seen = new Set(loaded.map((edge) => edge.node.id));
  return [...loaded, ...more.filter((edge) => !seen.has(edge.node.id))];
}
