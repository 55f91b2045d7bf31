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
});
