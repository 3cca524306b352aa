import type { ApolloClient } from '@apollo/client';

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /aborted/i.test(error.message));
}

/**
 * Refetches everything after the viewer's identity or organisation changed.
 * Requests that were in flight are aborted by the reset itself; that is expected.
 */
export async function resetApolloStore(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch (error) {
    if (!isAbort(error)) console.error(error);
  }
}
