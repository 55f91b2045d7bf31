/**
 * The hover card's state, outside React's tree of the reader: a pointer move changes only the
 * card (HoverLayer subscribes), never the reader with its panel of thousands of rows. Setting the
 * same annotations at the same point again notifies no one.
 */
import type { Annotation } from '@shared/model';

export interface Hover {
  x: number;
  y: number;
  items: Annotation[];
}

function same(a: Hover | null, b: Hover | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.x !== b.x || a.y !== b.y || a.items.length !== b.items.length) return false;
  return a.items.every((item, i) => item === b.items[i]);
}

export class HoverStore {
  private hover: Hover | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): Hover | null => this.hover;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(next: Hover | null): void {
    if (same(this.hover, next)) return;
    this.hover = next;
    for (const l of this.listeners) l();
  }
}
