/**
 * Undo/redo of annotation changes. Each step knows how to undo and redo itself through the API,
 * so undone work is persisted like any other change.
 */
export interface UndoStep {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class UndoStack {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];
  private busy = false;
  constructor(private readonly limit = 500) {}

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

  async undo(): Promise<UndoStep | null> {
    if (this.busy) return null;
    const step = this.done.pop();
    if (!step) return null;
    this.busy = true;
    try {
      await step.undo();
      this.undone.push(step);
      return step;
    } catch (err) {
      this.done.push(step);
      throw err;
    } finally {
      this.busy = false;
    }
  }

  async redo(): Promise<UndoStep | null> {
    if (this.busy) return null;
    const step = this.undone.pop();
    if (!step) return null;
    this.busy = true;
    try {
      await step.redo();
      this.done.push(step);
      return step;
    } catch (err) {
      this.undone.push(step);
      throw err;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
