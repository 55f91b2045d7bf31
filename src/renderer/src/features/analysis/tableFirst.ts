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

let shown: string | null = null;
const waiting = new Set<Waiter>();

/** The table shows the first page for `key` (its filter and revision): waiters go after the next frame. */
export function tableShown(key: string): void {
  shown = key;
  const release = () => {
    for (const w of [...waiting]) if (w.key === shown) w.done();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(release, 0));
  else setTimeout(release, 0);
}

/** Resolves once the table has shown `key` and painted it, or after `ms`. */
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
