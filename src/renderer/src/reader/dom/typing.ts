/** Whether keys pressed on this element belong to it (a field being typed in), not to the reader. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || (el.isContentEditable && !isReadingCaret(el));
}

/** Whether the element is (inside) the article's read-only caret host (cursor/readOnlyHost.ts). */
export function isReadingCaret(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('[data-reading-caret]');
}
