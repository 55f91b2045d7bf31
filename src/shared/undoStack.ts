/**
 * Undo/redo of annotation changes. Each step knows how to undo and redo itself through the API,
 * so undone work is persisted like any other change. Requests queue: pressing Ctrl+Z three times
 * quickly undoes three steps, in order.
 */
import { SerialQueue } from './serialQueue';

export interface UndoStep {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class UndoStack {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];
  private readonly queue = new SerialQueue();
  private readonly limit: number;

  constructor(limit = 500) {
    this.limit = limit;
  }

  push(step: UndoStep): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  undo(): Promise<UndoStep | null> {
    return this.enqueue(this.done, this.undone, (s) => s.undo());
  }

  redo(): Promise<UndoStep | null> {
    return this.enqueue(this.undone, this.done, (s) => s.redo());
  }

  private enqueue(from: UndoStep[], to: UndoStep[], act: (s: UndoStep) => Promise<void>): Promise<UndoStep | null> {
    const run = async (): Promise<UndoStep | null> => {
      const step = from.pop();
      if (!step) return null;
      try {
        await act(step);
      } catch (err) {
        from.push(step); // not applied: it stays where it was
        throw err;
      }
      to.push(step);
      return step;
    };
    return this.queue.run(run);
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
