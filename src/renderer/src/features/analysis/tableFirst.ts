/**
 * The table first (issue 16). One filter change asks for the table, the timeline and the network
 * at once. A large network's drawing and its layout rounds hold the page's main thread for many
 * frames, and when its answer came back as fast as the table's, the table's new rows waited for
 * them (claims_filter_ms doubled). So the network asks for a filter only once the table has shown
 * that filter's first page (or that it failed) and a frame has been drawn with it — and after at
 * most `ms`, whatever the table does, so the network never waits for a table that is not there.
 * A change that leaves the table as it was (the network's own options) asks at once.
 */
interface Waiter {
  key: string;
  done: () => void;
}

/** the key whose first page the table has shown in a frame drawn since */
let shown: string | null = null;
const waiting = new Set<Waiter>();

/**
 * The table has rendered the first page for `key` (its filter and revision): it counts as shown,
 * and waiters go, in a task after the next frame. Not at once: the table's effect that says so
 * runs in the same commit as the network's, and a network asking then had its answer (300 KB for
 * 1,000 actors) read and drawn while the table's rows waited for their frame.
 */
export function tableShown(key: string): void {
  const release = () => {
    shown = key;
    for (const w of [...waiting]) if (w.key === key) w.done();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(release, 0));
  else setTimeout(release, 0);
}

/** Resolves once the table has shown `key` and a frame has been drawn since, or after `ms`. */
export function afterTable(key: string, ms = 1000): Promise<void> {
  if (shown === key) return Promise.resolve();
  return new Promise((resolve) => {
    const waiter: Waiter = {
      key,
      done: () => {
        clearTimeout(timer);
        waiting.delete(waiter);
        resolve();
      },
    };
    const timer = setTimeout(waiter.done, ms);
    waiting.add(waiter);
  });
}

/** The key both sides use: the filter and the data revision. */
export const tableKey = (filter: unknown, revision: number): string => JSON.stringify({ filter, revision });
