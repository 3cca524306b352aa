import { useState } from 'react';

/** The next page of a cursor connection appended to the pages already shown. */
export function appendEdges<C extends { edges: readonly unknown[] }>(previous: C, next: C): C {
  return { ...next, edges: [...previous.edges, ...next.edges] };
}

/**
 * Loading state and error of a "show more" button: `load` starts fetching the next page,
 * or returns nothing when there is none.
 */
export function useLoadMore(load: () => Promise<unknown> | undefined) {
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  function loadMore() {
    setMoreError(null);
    const pending = load();
    if (!pending) return;
    setLoadingMore(true);
    pending.catch((caught: unknown) => setMoreError(caught)).finally(() => setLoadingMore(false));
  }
  return { loadingMore, moreError, loadMore };
}
