/**
 * Codebook operations can change annotations of any document (merge, delete, claimant and
 * stance renames). Views that hold annotations listen for this event and reload them.
 */
import { emitAppEvent } from '../../app/appEvents';

export const ANNOTATIONS_CHANGED_EVENT = 'hashiya:annotations-changed';

export function notifyAnnotationsChanged(): void {
  window.dispatchEvent(new CustomEvent(ANNOTATIONS_CHANGED_EVENT));
  emitAppEvent('annotations.changed', { documentIds: null });
}

/** Subscribe; returns the unsubscribe function (for a useEffect). */
export function onAnnotationsChanged(listener: () => void): () => void {
  window.addEventListener(ANNOTATIONS_CHANGED_EVENT, listener);
  return () => window.removeEventListener(ANNOTATIONS_CHANGED_EVENT, listener);
}

/** A new code id (the same form the services use: a random UUID). */
export function newCodeId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A codebook change that the reader's undo stack should hold too (a merge): Ctrl/Cmd+Z in the
 * reader undoes it like a tag. The reader pushes every step offered while it is open.
 */
export const UNDOABLE_EVENT = 'hashiya:undoable';

export interface OfferedStep {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export function offerUndoStep(step: OfferedStep): void {
  window.dispatchEvent(new CustomEvent<OfferedStep>(UNDOABLE_EVENT, { detail: step }));
}

export function onUndoStepOffered(listener: (step: OfferedStep) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<OfferedStep>).detail);
  window.addEventListener(UNDOABLE_EVENT, handle);
  return () => window.removeEventListener(UNDOABLE_EVENT, handle);
}
