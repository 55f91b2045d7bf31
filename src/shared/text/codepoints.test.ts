import { describe, expect, it } from 'vitest';
import { cpLength, createOffsetMap, sliceCp } from './codepoints';

describe('code-point offsets', () => {
  const text = 'قال 😀 حفتر: 👍🏽 نعم'; // two astral characters (one with a skin-tone modifier: two code points)

  it('counts code points the way Python does', () => {
    // Python: len('قال 😀 حفتر: 👍🏽 نعم') == 18
    expect(cpLength(text)).toBe(18);
    expect(text.length).toBe(21);
  });

  it('converts both ways, including after every emoji', () => {
    const map = createOffsetMap(text);
    expect(map.cpLength).toBe(18);
    for (let cp = 0; cp <= map.cpLength; cp++) expect(map.toCp(map.toUtf16(cp))).toBe(cp);
    const afterEmoji = text.indexOf('حفتر');
    expect(map.toCp(afterEmoji)).toBe(afterEmoji - 1);
    expect(map.slice(6, 10)).toBe('حفتر');
  });

  it('rounds an offset inside a surrogate pair down to the character start', () => {
    const map = createOffsetMap('a😀b');
    expect(map.toCp(2)).toBe(1);
    expect(map.toCp(3)).toBe(2);
  });

  it('slices like Python text[start:end]', () => {
    expect(sliceCp('😀😀abc', 2, 4)).toBe('ab');
    expect(sliceCp('abc', 1, 99)).toBe('bc');
  });
});
