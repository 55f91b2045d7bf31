import { describe, expect, it } from 'vitest';
import { snapSpan } from './snap';

const text = 'وقد اضطُرت فرنسا الداعمة لخليفه حفتر يوم 18/05/2019 BMC Kirpi.';
const span = (s: number, e: number) => text.slice(s, e);

describe('snapping a selection', () => {
  it('grows a partial selection outward to whole words', () => {
    const s = text.indexOf('رنسا');
    const r = snapSpan(text, s, s + 2, true);
    expect(r && span(r.start, r.end)).toBe('فرنسا');
  });

  it('keeps the exact characters when snapping is off, but never splits a letter from its mark', () => {
    const at = text.indexOf('طُ');
    const r = snapSpan(text, at, at + 1, false);
    expect(r && span(r.start, r.end)).toBe('طُ');
  });

  it('drops white space at the edges', () => {
    const s = text.indexOf(' فرنسا');
    const r = snapSpan(text, s, s + 7, true);
    expect(r && span(r.start, r.end)).toBe('فرنسا');
  });

  it('keeps a date and Latin words inside Arabic whole', () => {
    const s = text.indexOf('8/05/20');
    const r = snapSpan(text, s, text.indexOf('Kir') + 2, true);
    expect(r && span(r.start, r.end)).toBe('18/05/2019 BMC Kirpi');
  });

  it('returns nothing for a selection of only spaces', () => {
    expect(snapSpan('a   b', 1, 4, true)).toBeNull();
  });
});

describe('the edge of a left-to-right run inside right-to-left text', () => {
  const since = 'تدهور الوضع الأمني منذ 2011، وما زال.';
  const name = 'Antonio Guterres دعا إلى وقف إطلاق النار.\nقال https://example.org/ar/news إن الخبر صحيح.';
  const at = (t: string, s: string) => t.indexOf(s);
  const cut = (t: string, r: { start: number; end: number } | null) => (r ? t.slice(r.start, r.end) : null);

  it('a selection that ends where a number starts takes the number (offsets exact)', () => {
    // the drag let go on the number's left edge: the browser reports the offset before «2011»
    const s = at(since, 'الأمني');
    const r = snapSpan(since, s, at(since, '2011'), true, true);
    expect(r).toEqual({ start: s, end: at(since, '2011') + 4 });
    expect(cut(since, r)).toBe('الأمني منذ 2011');
    // the same with snapping to words off
    expect(cut(since, snapSpan(since, s, at(since, '2011'), false, true))).toBe('الأمني منذ 2011');
  });

  it('a selection that starts where a Latin name or a URL ends takes the whole name', () => {
    // pressed at the right end of the line: the browser reports the offset after «Guterres»
    const r = snapSpan(name, at(name, ' دعا'), at(name, ' إلى'), true, true);
    expect(r).toEqual({ start: 0, end: at(name, ' إلى') });
    expect(cut(name, r)).toBe('Antonio Guterres دعا');
    const url = snapSpan(name, at(name, ' إن'), at(name, ' الخبر'), true, true);
    expect(cut(name, url)).toBe('https://example.org/ar/news إن');
  });

  it('leaves selections alone that do not end on such an edge, and left-to-right documents', () => {
    // ends after the number: nothing to add, and the comma is not part of the run
    expect(cut(since, snapSpan(since, at(since, 'منذ'), at(since, '،'), true, true))).toBe('منذ 2011');
    // ends inside a Latin run (between its two words): the run is not the edge
    const mixed = 'من طراز BMC Kirpi يوم';
    expect(cut(mixed, snapSpan(mixed, at(mixed, 'طراز'), at(mixed, 'Kirpi'), true, true))).toBe('طراز BMC');
    // starts after an Arabic word with a mark: no run there
    const marked = 'سلّمت تركيا';
    expect(cut(marked, snapSpan(marked, at(marked, ' تركيا'), marked.length, true, true))).toBe('تركيا');
    // the same offsets in a left-to-right document keep today's behaviour
    expect(cut(since, snapSpan(since, at(since, 'الأمني'), at(since, '2011'), true, false))).toBe('الأمني منذ');
  });
});
