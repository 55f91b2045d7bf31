import { describe, expect, it } from 'vitest';
import { findAll, isWholeWord, isWholeWordBySegmenter } from './match';
import { seededRandom } from '@shared/testing/seededRandom';

/** letters, digits, marks, joiners, punctuation the word-break rules treat specially, spaces of several kinds */
const PIECES = [
  'ب',
  'ل',
  'ة',
  'ا',
  'ء',
  'ي',
  'ـ',
  'a',
  'Z',
  '7',
  '٣',
  '۴',
  '\u064e',
  '\u0651',
  '\u0670',
  '\u200c',
  '\u200d',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '.',
  ':',
  "'",
  '_',
  ',',
  '،',
  '-',
  '«',
  '😀',
  'א',
  'カ',
  '🇫🇷',
];

describe('whole-word matching', () => {
  it('answers as the word segmenter does, where the rules settle it without asking too', () => {
    const rand = seededRandom(3);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    let whole = 0;
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(rand() * 14);
      for (let k = 0; k < length; k++) text += pick(PIECES);
      for (let k = 0; k < 6; k++) {
        const start = Math.floor(rand() * text.length);
        const end = start + 1 + Math.floor(rand() * (text.length - start));
        const want = isWholeWordBySegmenter(text, start, end);
        expect(isWholeWord(text, start, end), `${JSON.stringify(text)} ${start}-${end}`).toBe(want);
        compared++;
        if (want) whole++;
      }
    }
    // both answers occur often: the comparison means something
    expect(whole).toBeGreaterThan(compared / 10);
    expect(compared - whole).toBeGreaterThan(compared / 10);
  });

  it('finds a word between spaces and line breaks, at the text edges, and not glued to a letter, digit or mark', () => {
    const spans = (text: string, needle: string) =>
      findAll(text, needle, { wholeWord: true }).map((m) => `${m.start}-${m.end}`);
    expect(spans('فرنسي قال\nفرنسي', 'فرنسي')).toEqual(['0-5', '10-15']);
    expect(spans('الفرنسي وفرنسي فرنسية فرنسي2019 فرنسيَ', 'فرنسي')).toEqual([]);
    expect(spans('report port ports', 'port')).toEqual(['7-11']);
  });
});
