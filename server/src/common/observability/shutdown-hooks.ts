const hooks: Array<() => Promise<void>> = [];

/** Work to finish before the process exits (flushing traces); run once by the server's shutdown. */
export function onShutdown(hook: () => Promise<void>): void {
  hooks.push(hook);
}

/** Runs every registered hook; a failing one does not stop the others. */
export async function runShutdownHooks(): Promise<void> {
  await Promise.allSettled(hooks.map((hook) => hook()));
}
