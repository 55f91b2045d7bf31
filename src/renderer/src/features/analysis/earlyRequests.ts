/**
 * Requests sent in the filter change's own task (issue 16). The table and the timeline ask for a
 * new filter from their effects, which run only once React has rendered the whole view for it (the
 * filter bar, the timeline and the network with their old answers: several ms). So the view tells
 * them of the new filter first (prime): each says what it will ask (its primer), the table's page
 * and the timeline go out at once as ONE call (analysis.view, answered as the two calls would
 * be), and each part's effect then takes its half (take) instead of sending the same request
 * again. One call, not two: one request to send and one to answer (the server answers in turn,
 * and the second waited for the first), and both halves come in the same task, so the table's rows
 * and the timeline's bars are drawn in the same frame.
 * prime's promise settles once every request it sent has: the view shows the new filter to its
 * parts then (AnalysisView.tsx), and each part reads its answer at once in that render (settled),
 * so the parts render once for a filter change, with their answers, not once at the click (with
 * the old answers) and again for the new ones.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { Input, Output } from '@shared/api';

/** What a part will ask for a filter: its key and its call's input. */
export type Early =
  | { key: string; method: 'analysis.claims'; input: Input<'analysis.claims'> }
  | { key: string; method: 'analysis.timeline'; input: Input<'analysis.timeline'> };

type Primer = (filter: ClaimFilter) => Early;

/** The calls prime makes (the view gives the app's API; a test its own). */
export interface EarlyCalls {
  claims: (input: Input<'analysis.claims'>) => Promise<Output<'analysis.claims'>>;
  timeline: (input: Input<'analysis.timeline'>) => Promise<Output<'analysis.timeline'>>;
  view: (input: Input<'analysis.view'>) => Promise<Output<'analysis.view'>>;
}

const sent = new Map<string, Promise<unknown>>();
/** the answers of the requests in `sent` that have come (a failure is left to the take) */
const answers = new Map<string, { value: unknown }>();
const primers = new Map<number, Primer>();

/** Keep `answer` for `key`: the first take of the same key gets it. */
function keep(key: string, answer: Promise<unknown>): void {
  // a request no effect takes (the filter did not change what it asks) is dropped unread
  answer.then(
    (value) => {
      if (sent.get(key) === answer) answers.set(key, { value });
    },
    () => undefined,
  );
  sent.set(key, answer);
  answers.delete(key);
}

/** The answer that came for the request sent early for `key`, if it has (it stays for the take). */
export function settled<T>(key: string): { value: T } | undefined {
  return answers.get(key) as { value: T } | undefined;
}

/** Send `load` now for `key`; the first take of the same key gets its answer. */
export function sendEarly<T>(key: string, load: () => Promise<T>): void {
  keep(key, load());
}

/** The request sent early for `key` (once), or `load` sent now. */
export function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = sent.get(key) as Promise<T> | undefined;
  if (!early) return load();
  sent.delete(key);
  answers.delete(key);
  return early;
}

/**
 * A new filter: each part's request for it goes out now; earlier ones not taken are dropped. The
 * promise settles (never rejects) once every request sent has settled, its answer in `settled`.
 */
export function prime(filter: ClaimFilter, calls: EarlyCalls): Promise<void> {
  sent.clear();
  answers.clear();
  const asked = [...primers].sort((a, b) => a[0] - b[0]).map(([, primer]) => primer(filter));
  const table = asked.find((e) => e.method === 'analysis.claims');
  const timeline = asked.find((e) => e.method === 'analysis.timeline');
  if (table?.method === 'analysis.claims' && timeline?.method === 'analysis.timeline') {
    const both = calls.view({ claims: table.input, timeline: timeline.input });
    keep(
      table.key,
      both.then((answer) => answer.claims),
    );
    keep(
      timeline.key,
      both.then((answer) => answer.timeline),
    );
  }
  for (const early of asked) {
    if (early === table && timeline) continue;
    if (early === timeline && table) continue;
    if (early.method === 'analysis.claims') keep(early.key, calls.claims(early.input));
    else keep(early.key, calls.timeline(early.input));
  }
  // after each keep's own reaction (registered first), so every answer is in `settled` by then
  return Promise.allSettled([...sent.values()]).then(() => undefined);
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
