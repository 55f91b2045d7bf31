/**
 * Requests sent in the filter change's own task (issue 16). The table and the timeline ask for a
 * new filter from their effects, which run only once React has rendered the whole view for it (the
 * filter bar, the timeline and the network with their old answers: several ms). So the view tells
 * them of the new filter first (prime): each sends its request at once, in the order they are
 * registered (the table's first, the server answers in the order it is asked), and its effect
 * then takes that request (take) instead of sending the same one again.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';

type Primer = (filter: ClaimFilter) => void;

const sent = new Map<string, Promise<unknown>>();
const primers = new Map<number, Primer>();

/** Send `load` now for `key`; the first take of the same key gets its answer. */
export function sendEarly<T>(key: string, load: () => Promise<T>): void {
  const answer = load();
  // a request no effect takes (the filter did not change what it asks) is dropped unread
  answer.catch(() => undefined);
  sent.set(key, answer);
}

/** The request sent early for `key` (once), or `load` sent now. */
export function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = sent.get(key) as Promise<T> | undefined;
  if (!early) return load();
  sent.delete(key);
  return early;
}

/** A new filter: each part sends its request for it now (in `order`); earlier ones not taken are dropped. */
export function prime(filter: ClaimFilter): void {
  sent.clear();
  for (const [, primer] of [...primers].sort((a, b) => a[0] - b[0])) primer(filter);
}

/** Registers `primer` (the latest one given) while the part is shown. */
export function usePrimer(order: number, primer: Primer): void {
  const latest = useRef(primer);
  useLayoutEffect(() => {
    latest.current = primer;
  });
  useEffect(() => {
    primers.set(order, (filter) => latest.current(filter));
    return () => {
      primers.delete(order);
    };
  }, [order]);
}
