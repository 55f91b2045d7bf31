/**
 * Requests sent in the filter change's own task (issue 16). The table and the timeline ask for a
 * new filter from their effects, which run only once React has rendered the whole view for it (the
 * filter bar, the timeline and the network with their old answers: several ms). So the view tells
 * them of the new filter first (prime): each sends its request at once, in the order they are
 * registered (the table's first, the server answers in the order it is asked), and its effect
 * then takes that request (take) instead of sending the same one again. The answers of one filter
 * change are handed to their parts together (once all have come, or TOGETHER_MS after the first):
 * the server answers them one after the other a millisecond apart, and handed over as they came,
 * the table's rows were drawn in one frame and the timeline's bars in the next, a frame later.
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

/** how long an answer that has come waits for the others of its filter change, at most */
export const TOGETHER_MS = 40;

/** `answer`, settled once `all` has (or `ms` after `answer` itself, whichever is first). */
function together<T>(answer: Promise<T>, all: Promise<unknown>, ms: number): Promise<T> {
  const after = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void all.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return answer.then(
    (value) => after().then(() => value),
    (err: unknown) =>
      after().then(() => {
        throw err;
      }),
  );
}

/** A new filter: each part sends its request for it now (in `order`); earlier ones not taken are dropped. */
export function prime(filter: ClaimFilter): void {
  sent.clear();
  for (const [, primer] of [...primers].sort((a, b) => a[0] - b[0])) primer(filter);
  const group = [...sent];
  if (group.length < 2) return;
  const all = Promise.allSettled(group.map(([, answer]) => answer));
  for (const [key, answer] of group) {
    const joined = together(answer, all, TOGETHER_MS);
    joined.catch(() => undefined);
    sent.set(key, joined);
  }
}

/** Registers `primer` as the part `order`'s; the returned function takes it away. */
export function registerPrimer(order: number, primer: Primer): () => void {
  primers.set(order, primer);
  return () => {
    if (primers.get(order) === primer) primers.delete(order);
  };
}

/** Registers `primer` (the latest one given) while the part is shown. */
export function usePrimer(order: number, primer: Primer): void {
  const latest = useRef(primer);
  useLayoutEffect(() => {
    latest.current = primer;
  });
  useEffect(() => registerPrimer(order, (filter) => latest.current(filter)), [order]);
}
