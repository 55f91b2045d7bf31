import { describe, expect, it } from 'vitest';
import { isTicked, matchMode, OPTION_ROWS, withMatch, withTicked } from './options';

const row = (key: string) => OPTION_ROWS.find((r) => r.key === key) as (typeof OPTION_ROWS)[number];

describe('search option boxes', () => {
  it('start with every folding rule ticked but hamza seats, match case unticked, and word-aware matching', () => {
    const ticked = Object.fromEntries(OPTION_ROWS.map((r) => [r.key, isTicked({}, r)]));
    expect(ticked).toEqual({
      ignoreDiacritics: true,
      ignoreTatweel: true,
      foldAlef: true,
      foldYaa: true,
      foldTaaMarbuta: true,
      foldHamza: true,
      foldHamzaSeat: false,
      foldPersian: true,
      foldDigits: true,
      ignoreCase: false,
    });
    expect(matchMode({})).toBe('words');
  });

  it('turn a ticked box into the option the server reads', () => {
    expect(withTicked({}, row('ignoreCase'), true)).toEqual({ ignoreCase: false });
    expect(withTicked({}, row('foldTaaMarbuta'), false)).toEqual({ foldTaaMarbuta: false });
    expect(withTicked({}, row('foldHamzaSeat'), true)).toEqual({ foldHamzaSeat: true });
    expect(isTicked({ ignoreCase: false }, row('ignoreCase'))).toBe(true);
  });

  it('read the older whole-words flag as a match mode and replace it when another mode is chosen', () => {
    expect(matchMode({ wholeWord: true })).toBe('wholeWords');
    expect(matchMode({ wholeWord: false })).toBe('words');
    expect(withMatch({ wholeWord: true, foldAlef: false }, 'substring')).toEqual({
      foldAlef: false,
      match: 'substring',
    });
  });
});
