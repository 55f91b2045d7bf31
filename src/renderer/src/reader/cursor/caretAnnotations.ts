/**
 * The annotations under the reading caret (code-point offsets), and which one the cycling key
 * (`o`) and Enter make active. Pure.
 */
import type { Annotation } from '@shared/model';

/**
 * The annotations holding the caret at code point `cp`, innermost (shortest) first, then by
 * start. A caret just after an annotation's last character counts as on it, as the caret sits
 * there after a word move to the word's end.
 */
export function annotationsAtCaret(annotations: readonly Annotation[], cp: number): Annotation[] {
  const inside = annotations.filter((a) => a.start <= cp && cp < a.end);
  const list = inside.length ? inside : annotations.filter((a) => a.end === cp && a.start < cp);
  return [...list].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** The next of the overlapping annotations after the active one (the innermost first), wrapping round. */
export function cycleAtCaret(at: readonly Annotation[], activeId: string | null): Annotation | null {
  if (at.length === 0) return null;
  const i = at.findIndex((a) => a.id === activeId);
  return at[(i + 1) % at.length] ?? null;
}

/** The annotation Enter opens: the active one when the caret is on it, else the innermost at the caret. */
export function annotationToOpen(at: readonly Annotation[], activeId: string | null): Annotation | null {
  return at.find((a) => a.id === activeId) ?? at[0] ?? null;
}
