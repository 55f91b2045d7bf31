import { describe, expect, it } from 'vitest';
import { createOffsetMap } from '@shared/text/codepoints';
import { reanchor, type Selectors } from './reanchor';

const TEXT = '😀 قال السراج: وقف إطلاق النار ممكن.\nثم قال حفتر: وقف إطلاق النار مشروط.';
const map = createOffsetMap(TEXT);
const cp = (s: string, n = 0) => {
  let u = -1;
  for (let i = 0; i <= n; i++) u = TEXT.indexOf(s, u + 1);
  return [...TEXT.slice(0, u)].length;
};
const sel = (p: Partial<Selectors>): Selectors => ({
  start: null,
  end: null,
  exact: null,
  prefix: '',
  suffix: '',
  ...p,
});
const QUOTE = 'وقف إطلاق النار';
const LEN = [...QUOTE].length;

describe('reanchor', () => {
  it('keeps a position whose text is the quote (code points, after an emoji)', () => {
    const start = cp(QUOTE, 1);
    expect(reanchor(TEXT, map, sel({ start, end: start + LEN, exact: QUOTE }))).toEqual({
      start,
      end: start + LEN,
      method: 'position',
    });
  });

  it('finds the occurrence the prefix and suffix point to when the position is stale', () => {
    const found = reanchor(
      TEXT,
      map,
      sel({ start: 2, end: 2 + LEN, exact: QUOTE, prefix: 'ثم قال حفتر: ', suffix: ' مشروط.' }),
    );
    expect(found).toEqual({ start: cp(QUOTE, 1), end: cp(QUOTE, 1) + LEN, method: 'context' });
  });

  it('without context, takes the occurrence nearest the old position', () => {
    expect(reanchor(TEXT, map, sel({ start: 40, end: 40 + LEN, exact: QUOTE }))?.start).toBe(cp(QUOTE, 1));
    expect(reanchor(TEXT, map, sel({ start: 5, end: 5 + LEN, exact: QUOTE }))?.start).toBe(cp(QUOTE, 0));
  });

  it('accepts a position alone when there is no quote to check, but not past the end', () => {
    expect(reanchor(TEXT, map, sel({ start: 2, end: 5 }))?.method).toBe('position');
    expect(reanchor(TEXT, map, sel({ start: 2, end: 5000 }))).toBeNull();
  });

  it('matches leniently (diacritics, tatweel, alef forms, spacing) as a last resort', () => {
    const text = 'قالَ الرئيسُ: إنّ وقفَ إطلاقِ النـــار ممكنٌ.';
    const found = reanchor(text, createOffsetMap(text), sel({ exact: 'وقف اطلاق  النار' }));
    expect(found?.method).toBe('fuzzy');
    expect([...text].slice(found!.start, found!.end).join('')).toBe('وقفَ إطلاقِ النـــار');
  });

  it('returns null when the quote is nowhere', () => {
    expect(reanchor(TEXT, map, sel({ start: 3, end: 9, exact: 'غير موجود' }))).toBeNull();
  });

  it('never returns a span that splits an emoji', () => {
    const text = 'a 👍🏽 b';
    const m = createOffsetMap(text);
    // the stored position cuts between the thumb and its skin tone; the quote search repairs it
    expect(reanchor(text, m, sel({ start: 2, end: 3, exact: '👍🏽' }))).toEqual({ start: 2, end: 4, method: 'quote' });
  });
});
