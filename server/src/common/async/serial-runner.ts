/**
 * Runs `work` on demand and never twice at once: a call while it runs makes it run once more when it
 * ends (signals that arrive meanwhile are not lost, and a burst of them costs one extra round). `work`
 * handles its own errors. `idle()` resolves when no round is running, for a clean stop.
 */
export function serialRunner(work: () => Promise<void>, isStopped: () => boolean) {
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (isStopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await work();
      } while (again && !isStopped());
    })().finally(() => {
      running = undefined;
    });
  };
  return { run, idle: async () => void (await running) };
}
