import { describe, expect, it } from 'vitest';
import { isTicked, OPTION_ROWS, withTicked } from './options';

const row = (key: string) => OPTION_ROWS.find((r) => r.key === key) as (typeof OPTION_ROWS)[number];

describe('search option boxes', () => {
  it('start with every folding rule ticked, and whole words and match case unticked', () => {
    const ticked = Object.fromEntries(OPTION_ROWS.map((r) => [r.key, isTicked({}, r)]));
    expect(ticked).toEqual({
      ignoreDiacritics: true,
      ignoreTatweel: true,
      foldAlef: true,
      foldYaa: true,
      foldTaaMarbuta: true,
      foldHamza: true,
      foldDigits: true,
      ignoreCase: false,
      wholeWord: false,
    });
  });

  it('turn a ticked box into the option the server reads', () => {
    expect(withTicked({}, row('wholeWord'), true)).toEqual({ wholeWord: true });
    expect(withTicked({}, row('ignoreCase'), true)).toEqual({ ignoreCase: false });
    expect(withTicked({}, row('foldTaaMarbuta'), false)).toEqual({ foldTaaMarbuta: false });
    expect(isTicked({ wholeWord: true }, row('wholeWord'))).toBe(true);
    expect(isTicked({ ignoreCase: false }, row('ignoreCase'))).toBe(true);
  });
});
