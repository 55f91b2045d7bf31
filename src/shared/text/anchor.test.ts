import { describe, expect, it } from 'vitest';
import { anchorSpan, isGraphemeBoundary } from './anchor';
import { createOffsetMap } from './codepoints';

describe('anchoring', () => {
  it('takes 32 code points of context either side, counted in code points', () => {
    const text = `${'😀'.repeat(40)}حفتر${'x'.repeat(40)}`;
    const a = anchorSpan(createOffsetMap(text), 40, 44);
    expect(a.quote).toBe('حفتر');
    expect(a.prefix).toBe('😀'.repeat(32));
    expect(a.suffix).toBe('x'.repeat(32));
  });

  it('knows where grapheme clusters start', () => {
    const text = 'اضطُرت 👍🏽!';
    expect(isGraphemeBoundary(text, 2)).toBe(true); // before ط
    expect(isGraphemeBoundary(text, 3)).toBe(false); // between ط and its damma
    const thumb = text.indexOf('👍');
    expect(isGraphemeBoundary(text, thumb)).toBe(true);
    expect(isGraphemeBoundary(text, thumb + 2)).toBe(false); // before the skin-tone modifier
  });

  it('never splits a flag, however long the run of flags (each flag is two regional indicators)', () => {
    const flags = '🇱🇾🇪🇬🇹🇳🇩🇿🇫🇷🇮🇹🇹🇷🇦🇪🇶🇦🇺🇳🇷🇺'.repeat(4).slice(0, 33 * 4); // 33 flags, 4 UTF-16 units each
    for (const prefix of ['', 'قال حفتر ', 'x'.repeat(500)]) {
      const text = `${prefix}${flags} انتهى`;
      for (let i = 0; i <= 33 * 2; i++) {
        const at = prefix.length + i * 2; // every regional indicator
        expect(isGraphemeBoundary(text, at), `${prefix.length}+indicator ${i}`).toBe(i % 2 === 0);
      }
    }
  });

  it('answers as the full segmenter does around every kind of character (its quick path included)', () => {
    // one code point each: letters, marks, Prepend signs, joiners, emoji parts, Indic, Hangul
    const kinds = Array.from(
      'a \n\r.بةـ\u064e\u0651\u0670٣3\u0600\u0605\u06dd\u070f\u0890\u08e2\u0d4e\u200d\u200c\u200f👍🏽🇱क\u094d각\u1161é\u0301\ufe0f',
    );
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const wrong: string[] = [];
    for (const a of kinds)
      for (const b of kinds)
        for (const c of ['', ...kinds.slice(0, 12)]) {
          const text = `x ${a}${b}${c} y`;
          const truth = new Set([...segmenter.segment(text)].map((s) => s.index));
          for (let u = 1; u < text.length; u++)
            if (isGraphemeBoundary(text, u) !== truth.has(u)) wrong.push(`${JSON.stringify(text)} at ${u}`);
        }
    expect(wrong).toEqual([]);
  });
});
