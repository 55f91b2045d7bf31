/**
 * A merge as one undo step, shared by the codebook window's Undo notice and the reader's
 * Ctrl/Cmd+Z: whichever undoes it first does; the other then has nothing left to do. Redo merges
 * again (and remembers the new merge, so it can be undone once more).
 */
import { api } from '../../api/client';
import { announceCodebookWideChange, type OfferedStep } from './events';

export interface MergeStep extends OfferedStep {
  readonly done: boolean;
}

/**
 * `again` repeats the merge and answers its undoIds (for redo); `after` runs once an undo or a
 * redo has landed (reload what the views show). Each undoId is undone, the last first.
 */
export function mergeStep(
  label: string,
  undoIds: readonly string[],
  again: () => Promise<string[]>,
  after: () => Promise<void>,
): MergeStep {
  let ids = [...undoIds];
  let done = true;
  return {
    label,
    get done() {
      return done;
    },
    async undo() {
      if (!done) return;
      while (ids.length > 0) {
        await api['codebook.undoMerge']({ undoId: ids[ids.length - 1] as string });
        ids = ids.slice(0, -1);
      }
      done = false;
      announceCodebookWideChange();
      await after();
    },
    async redo() {
      if (done) return;
      ids = await again();
      done = true;
      announceCodebookWideChange();
      await after();
    },
  };
}
