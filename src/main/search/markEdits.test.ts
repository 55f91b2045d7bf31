import { describe, expect, it } from 'vitest';
import { normalize } from '@shared/search/normalize';
import { INDEX_RULES } from '@shared/search/indexFold';
import { squeeze } from './filterStore';
import { applyEdits, applySqueezed, editBytes, MARK_RULES, markEditsOf, markedOrigin, NO_MARKS } from './markEdits';
import { seededRandom } from '@shared/testing/seededRandom';

/** pieces of text where the two foldings part: marks in words, between spaces, before line breaks, in ligatures */
const PIECES = [
  'خليفة',
  'خَلِيفَةٌ',
  'اضطُرت',
  ' ',
  '  ',
  ' ُ ',
  ' \u064e\n',
  '\n\u0651 ',
  '\u0670',
  '\u06d6',
  '\u0610',
  'ﱞ',
  'ﻻ',
  'ﷲ',
  'ـ',
  '\u200c',
  '😀',
  'e\u0301',
  'Report',
  '، ',
  '\t',
  '\u00a0',
  '١٢',
];

describe('the harakat edits of a document', () => {
  it('turn the index folding into the folding with harakat kept, text and offsets (seeded random texts)', () => {
    const rand = seededRandom(3);
    let withEdits = 0;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const count = 1 + Math.floor(rand() * 14);
      for (let k = 0; k < count; k++) text += PIECES[Math.floor(rand() * PIECES.length)];
      const folded = normalize(text, INDEX_RULES);
      const edits = markEditsOf(text, folded);
      const marked = normalize(text, MARK_RULES);
      const got = applyEdits(folded, edits);
      expect(got.text, JSON.stringify(text)).toBe(marked.text);
      expect([...got.origin], JSON.stringify(text)).toEqual([...marked.origin]);
      expect(got.cpLength).toBe(marked.cpLength);
      for (let i = 0; i <= marked.text.length; i++)
        if (markedOrigin(folded, edits, i) !== marked.origin[i]) expect([text, i]).toBe('the same offset');
      expect(applySqueezed(squeeze(folded.text), edits)).toBe(squeeze(marked.text));
      if (edits !== NO_MARKS) withEdits++;
    }
    expect(withEdits).toBeGreaterThan(1000);
  });

  it('cost nothing for a text without harakat, and a few bytes per mark for one with them', () => {
    const plain = 'قال قائد الجيش الوطني الليبي المشير خليفة حفتر اليوم';
    expect(markEditsOf(plain, normalize(plain, INDEX_RULES))).toBe(NO_MARKS);
    const marked = `${plain} ثم اضطُرت فرنسا إلى الرد`.repeat(20);
    const edits = markEditsOf(marked, normalize(marked, INDEX_RULES));
    expect(edits.units).toBe('\u064f'.repeat(20));
    expect(editBytes(edits)).toBeLessThan(64 + 20 * 22);
  });
});
