/**
 * The claims view's network answers (issue 16), kept per (filter, network) key until a change
 * event: switching the network's options back and forth, or the view asking again for what it
 * shows, is answered without building the network again. Any event but unsaved.changed forgets
 * every answer (the claims, the codebook, the registry or the settings behind it may have
 * changed), and an answer whose build overlapped a change is not kept. One cache per open project
 * store (a WeakMap), like claimRecordCache.ts.
 */
import type { EventEnvelope } from '@shared/api/events';

/** At most this many answers are kept (the oldest goes first): a few option sets, not every window tried. */
const MAX_ANSWERS = 16;

export class NetworkAnswerCache {
  private readonly answers = new Map<string, unknown>();
  /** moves on with every change: an answer built across it is not kept */
  private generation = 0;

  /** The answer kept for `key`, else `make`'s (kept unless a change came while it was made). */
  async answer<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const generation = this.generation;
    const value = await make();
    if (generation === this.generation) {
      if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
      this.answers.set(key, value);
    }
    return value;
  }

  /** the generation at which the kept two-mode sums were last found to cover every document */
  private covered = -1;

  /** Whether the kept sums were found to cover every document since the last change. */
  get sumsCovered(): boolean {
    return this.covered === this.generation;
  }

  /** Run `check` (whether the kept sums cover every document) unless it held since the last change. */
  async coverage(check: () => Promise<boolean>): Promise<boolean> {
    if (this.sumsCovered) return true;
    const generation = this.generation;
    const covered = await check();
    if (covered && generation === this.generation) this.covered = generation;
    return covered;
  }

  /** Forget every answer (a change). */
  clear(): void {
    this.generation++;
    this.answers.clear();
  }

  /**
   * Forget the answers but not that the sums cover every document: what a network's options not
   * asked for since the last change find (the bench's build, scripts/bench/analysisBench.ts).
   */
  forgetAnswers(): void {
    this.answers.clear();
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.answers.size;
  }

  /** What a change event means for the answers. */
  hear(event: EventEnvelope): void {
    if (event.name !== 'unsaved.changed') this.clear();
  }
}

const caches = new WeakMap<object, NetworkAnswerCache>();

/** The network answers of a project store (made on first use). */
export function networkAnswerCache(store: object): NetworkAnswerCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new NetworkAnswerCache();
    caches.set(store, cache);
  }
  return cache;
}
