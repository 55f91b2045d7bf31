import { describe, expect, it } from 'vitest';
import { findAll } from './match';
import { normalize, normalizeQuery } from './normalize';
import { squeeze } from './squeeze';
import { joinsWord, squeezedMayHoldWholeWord } from './wholeWordFilter';
import { seededRandom } from '@shared/testing/seededRandom';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** the character a squeezed unit stands for (0x7F stands for many: none) */
const unsqueeze = (b: number) => (b < 0x7f ? b : b >= 0x80 ? b + 0x580 : -1);

describe('the whole-word filter', () => {
  it('joins only units the word segmenter never splits, after any character', () => {
    const joining = Array.from({ length: 256 }, (_, b) => b).filter(joinsWord);
    expect(joining.length).toBeGreaterThan(100);
    const split: string[] = [];
    for (const a of joining)
      for (const b of joining)
        for (const before of ['', ' ', '.', 'ب', '\u064e', '1']) {
          const text = before + String.fromCharCode(unsqueeze(a), unsqueeze(b));
          for (const s of segmenter.segment(text)) if (s.index === before.length + 1) split.push(text);
        }
    expect(split).toEqual([]);
  });

  it('rules out a name that only ever follows a proclitic, and keeps it standing alone', () => {
    const mayHold = squeezedMayHoldWholeWord(null);
    const piece = squeeze(normalizeQuery('خليفة'));
    expect(mayHold(squeeze(normalize('قال لخليفة وبخليفة الخليفة').text), piece)).toBe(false);
    expect(mayHold(squeeze(normalize('قال لخليفة ثم «خليفة» ذاته').text), piece)).toBe(true);
    expect(mayHold(squeeze(normalize('خليفة').text), piece)).toBe(true);
  });

  it('never rules out a text that holds a whole-word hit (seeded random texts)', () => {
    const rand = seededRandom(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const words = ['خليفة', 'لخليفة', 'الرئيس', 'رئيس', 'report', 'port', '2019', '١٢', 'ﻻ', 'كلمة'];
    const gaps = [' ', '، ', '«', '»', '-', '\u200c', '\n', '.', '', '\u064e'];
    let hits = 0;
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let w = 0; w < 12; w++) text += pick(words) + pick(gaps);
      const folded = normalize(text).text;
      const query = normalizeQuery(pick(words).slice(rand() < 0.3 ? 1 : 0));
      const whole = findAll(folded, query, { wholeWord: true }).length > 0;
      if (whole) hits++;
      if (whole)
        expect(squeezedMayHoldWholeWord(null)(squeeze(folded), squeeze(query)), `${query} in ${text}`).toBe(true);
    }
    expect(hits).toBeGreaterThan(100);
  });
});
