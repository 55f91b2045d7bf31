import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { annotationsAtCaret, annotationToOpen, cycleAtCaret } from './caretAnnotations';

const a = (id: string, start: number, end: number) => ({ id, start, end, quote: id }) as Annotation;
const outer = a('outer', 0, 20);
const inner = a('inner', 5, 10);
const later = a('later', 30, 40);
const all = [outer, inner, later];
const ids = (list: Annotation[]) => list.map((x) => x.id);

describe('annotations at the reading caret', () => {
  it('lists those holding the caret, innermost first; a caret just after one counts when it is in no other', () => {
    expect(ids(annotationsAtCaret(all, 7))).toEqual(['inner', 'outer']);
    expect(ids(annotationsAtCaret(all, 10))).toEqual(['outer']);
    expect(ids(annotationsAtCaret(all, 40))).toEqual(['later']);
    expect(ids(annotationsAtCaret(all, 25))).toEqual([]);
  });

  it('the cycling key goes innermost → outer → innermost, starting from the active one', () => {
    const at = annotationsAtCaret(all, 7);
    expect(cycleAtCaret(at, null)?.id).toBe('inner');
    expect(cycleAtCaret(at, 'inner')?.id).toBe('outer');
    expect(cycleAtCaret(at, 'outer')?.id).toBe('inner');
    // an active annotation elsewhere: start at the innermost
    expect(cycleAtCaret(at, 'later')?.id).toBe('inner');
    expect(cycleAtCaret([], 'inner')).toBeNull();
  });

  it('Enter opens the active one when the caret is on it, else the innermost', () => {
    const at = annotationsAtCaret(all, 7);
    expect(annotationToOpen(at, 'outer')?.id).toBe('outer');
    expect(annotationToOpen(at, 'later')?.id).toBe('inner');
    expect(annotationToOpen([], 'later')).toBeNull();
  });
});
