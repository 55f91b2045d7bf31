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
