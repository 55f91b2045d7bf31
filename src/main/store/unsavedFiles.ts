/**
 * The files of a project whose latest change is only in memory (a save failed; it is retried),
 * each with the reason its save failed. Listeners hear whenever the set of them changes.
 */

import type { UnsavedFile } from '@shared/api/project';

export type { UnsavedFile };

export class UnsavedFiles {
  private readonly reasons = new Map<string | null, string>();
  private readonly listeners = new Set<() => void>();

  /** Hear when the set of unsaved files changes; returns the function that stops listening. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  set(key: string | null, reason: string): void {
    const added = !this.reasons.has(key);
    this.reasons.set(key, reason);
    if (added) this.changed();
  }

  delete(key: string | null): void {
    if (this.reasons.delete(key)) this.changed();
  }

  has(key: string | null): boolean {
    return this.reasons.has(key);
  }

  keys(): Array<string | null> {
    return [...this.reasons.keys()];
  }

  entries(): Array<[string | null, string]> {
    return [...this.reasons];
  }

  get size(): number {
    return this.reasons.size;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
