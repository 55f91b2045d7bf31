/**
 * One operation at a time, in the order they were asked for. The services run every API call
 * through one (a consistent project, writes landing in order); the reader session runs its
 * annotation actions through one; undo and redo queue through one. A failed operation does not
 * stop the ones behind it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Run `work` after everything queued before it has settled; resolves or rejects as it does. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(work, work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tail = settled;
    void settled.then(() => {
      this.pending -= 1;
    });
    return result;
  }

  /** How many operations are queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once everything queued so far, and anything queued meanwhile, has settled. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
