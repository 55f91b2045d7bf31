/**
 * A codebook change that the reader's undo stack should hold too (a merge): Ctrl/Cmd+Z in the
 * reader undoes it like a tag. The reader takes every step offered while it is open. A step holds
 * functions, so it is no event of the contract: it is handed over here, inside the page.
 */
export interface OfferedStep {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const takers = new Set<(step: OfferedStep) => void>();

export function offerUndoStep(step: OfferedStep): void {
  for (const take of [...takers]) take(step);
}

export function onUndoStepOffered(listener: (step: OfferedStep) => void): () => void {
  takers.add(listener);
  return () => {
    takers.delete(listener);
  };
}
