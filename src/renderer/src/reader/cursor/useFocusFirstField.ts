/**
 * Focus handed to the annotation editor: the reader asks (a new annotation tagged from a
 * selection, Enter on an annotation), the editor answers by focusing its first claim field.
 * The editor calls useFocusFirstField(handle) and puts the returned ref on its root.
 */
import { useLayoutEffect, useRef, type MutableRefObject } from 'react';

/** Set by the open editor: focuses its first field. Null while no editor is open. */
export type FocusHandle = MutableRefObject<(() => void) | null>;

/** The editor's first claim field: one marked data-first-field, else its first text field or list. */
export function firstField(root: ParentNode): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('[data-first-field]') ??
    root.querySelector<HTMLElement>('input:not([type="checkbox"]):not([type="radio"]), select, textarea')
  );
}

export function useFocusFirstField<T extends HTMLElement>(handle: FocusHandle | undefined) {
  const root = useRef<T>(null);
  // a layout effect: set before the reader's own layout effect asks for focus in the same commit
  useLayoutEffect(() => {
    if (!handle) return;
    handle.current = () => {
      const el = root.current && firstField(root.current);
      el?.focus();
      if (el instanceof HTMLInputElement) el.select();
    };
    return () => void (handle.current = null);
  }, [handle]);
  return root;
}
