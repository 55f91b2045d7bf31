import { describe, expect, it } from 'vitest';
import { sliceCp } from '../text/codepoints';
import { findAll } from './match';
import {
  decodeOrigin,
  encodeOrigin,
  normalize,
  normalizeQuery,
  originalSpan,
  type NormalizeOptions,
} from './normalize';

/** Every original span of `query` in `text`, as the text a researcher would see. */
function hits(text: string, query: string, options?: Partial<NormalizeOptions> & { wholeWord?: boolean }): string[] {
  const folded = normalize(text, options);
  return findAll(folded.text, normalizeQuery(query, options), { wholeWord: options?.wholeWord }).map((m) => {
    const span = originalSpan(folded, m.start, m.end);
    return sliceCp(text, span.start, span.end);
  });
}

describe('normalize: rule by rule', () => {
  it('folds taa marbuta to haa: خليفة finds خليفه and خليفة', () => {
    expect(normalize('خليفة').text).toBe(normalize('خليفه').text);
    expect(hits('المشير خليفه حفتر وخليفة', 'خليفة')).toEqual(['خليفه', 'خليفة']);
    expect(hits('سلامه وسلامة', 'سلامة')).toEqual(['سلامه', 'سلامة']);
    expect(hits('المشير خليفه حفتر', 'خليفة', { foldTaaMarbuta: false })).toEqual([]);
  });

  it('ignores harakat: اضطرت finds اضطُرت, and the hit keeps the damma', () => {
    expect(hits('وقد اضطُرت فرنسا', 'اضطرت')).toEqual(['اضطُرت']);
    expect(hits('وقد اضطُرت فرنسا', 'اضطُرت')).toEqual(['اضطُرت']);
    // with diacritics significant, the bare spelling is not the marked one
    expect(hits('وقد اضطُرت فرنسا', 'اضطرت', { ignoreDiacritics: false })).toEqual([]);
    expect(hits('وقد اضطُرت فرنسا', 'اضطُرت', { ignoreDiacritics: false })).toEqual(['اضطُرت']);
  });

  it('drops shadda, tanwin, superscript alef and Quranic marks', () => {
    expect(normalize('مُحَمَّدٌ').text).toBe('محمد');
    expect(normalize('هٰذا').text).toBe('هذا');
    expect(normalize('ٱلرَّحۡمَٰنِ').text).toBe('الرحمن');
  });

  it('ignores tatweel: المقبلة finds المقبلــة in full', () => {
    expect(hits('الأيام المقبلــة صعبة', 'المقبلة')).toEqual(['المقبلــة']);
    expect(hits('الأيام المقبلــة صعبة', 'المقبلة', { ignoreTatweel: false })).toEqual([]);
  });

  it('folds alef forms أ إ آ ٱ to ا', () => {
    expect(normalize('أإآٱا').text).toBe('ااااا');
    expect(hits('إطلاق النار', 'اطلاق')).toEqual(['إطلاق']);
    expect(hits('إطلاق النار', 'اطلاق', { foldAlef: false })).toEqual([]);
  });

  it('folds alef maqsura to yaa', () => {
    expect(hits('مصطفى ومصطفي', 'مصطفى')).toEqual(['مصطفى', 'مصطفي']);
    expect(hits('مصطفى ومصطفي', 'مصطفى', { foldYaa: false })).toEqual(['مصطفى']);
  });

  it('folds hamza carriers ؤ → و and ئ → ي', () => {
    expect(normalize('مسؤول رئيس').text).toBe('مسوول رييس');
    expect(hits('المسؤول', 'مسوول')).toEqual(['مسؤول']);
    expect(hits('المسؤول', 'مسوول', { foldHamza: false })).toEqual([]);
  });

  it('folds Arabic-Indic and Eastern Arabic-Indic digits: ٢٠١٩ finds 2019 and back', () => {
    expect(normalize('٢٠١٩ ۲۰۱۹').text).toBe('2019 2019');
    expect(hits('في عام ٢٠١٩ وعام 2019', '2019')).toEqual(['٢٠١٩', '2019']);
    expect(hits('في عام ٢٠١٩ وعام 2019', '٢٠١٩')).toEqual(['٢٠١٩', '2019']);
    expect(hits('في عام ٢٠١٩ وعام 2019', '2019', { foldDigits: false })).toEqual(['2019']);
  });

  it('case-folds Latin', () => {
    expect(hits('The UN and the un', 'un')).toEqual(['UN', 'un']);
    expect(hits('The UN and the un', 'un', { ignoreCase: false })).toEqual(['un']);
  });

  it('collapses white space but never across a paragraph break', () => {
    expect(normalize('a \t  b\n \nc').text).toBe('a b\nc');
    expect(hits('وقف   إطلاق النار', 'وقف اطلاق')).toEqual(['وقف   إطلاق']);
    expect(hits('وقف\nإطلاق', 'وقف اطلاق')).toEqual([]);
    expect(hits('وقف   إطلاق', 'وقف اطلاق', { collapseWhitespace: false })).toEqual([]);
  });

  it('ignores invisible bidi marks and zero-width characters inside a word', () => {
    expect(hits('حف\u200Fتر', 'حفتر')).toEqual(['حف\u200Fتر']);
  });

  it('folds presentation forms (ﻻ is لا)', () => {
    expect(normalize('ﻻ').text).toBe('لا');
    expect(hits('ﻻ شيء', 'لا')).toEqual(['ﻻ']);
  });
});

describe('normalize: the offset map', () => {
  it('maps a hit back to the original span including diacritics inside and after the word', () => {
    const text = 'قال المُشِيرُ خليفةُ';
    expect(hits(text, 'المشير')).toEqual(['المُشِيرُ']);
    expect(hits(text, 'خليفه')).toEqual(['خليفةُ']);
  });

  it('includes a trailing tatweel and marks of the last letter, not the next word', () => {
    expect(hits('كلمةــ أخرى', 'كلمه')).toEqual(['كلمةــ']);
    expect(hits('بـ نعم', 'ب')).toEqual(['بـ']);
  });

  it('counts code points: offsets after an emoji are one less than UTF-16 offsets', () => {
    const text = '😀 المشير خليفه حفتر';
    const folded = normalize(text);
    const [m] = findAll(folded.text, normalizeQuery('خليفة'));
    expect(m).toBeDefined();
    const span = originalSpan(folded, m!.start, m!.end);
    expect(span).toEqual({ start: 9, end: 14 });
    expect(text.indexOf('خليفه')).toBe(10); // UTF-16
    expect([...text].slice(span.start, span.end).join('')).toBe('خليفه');
  });

  it('maps an emoji inside the match', () => {
    expect(hits('قال 😀 نعم', '😀 نعم')).toEqual(['😀 نعم']);
  });

  it('round-trips through its compact encoding', () => {
    const folded = normalize('😀 اضطُرت المقبلــة ٢٠١٩ ﻻ  x');
    expect(decodeOrigin(encodeOrigin(folded.origin), folded.origin.length)).toEqual(folded.origin);
  });

  it('leaves the stored text alone and maps every folded unit within it', () => {
    const text = 'اضطُرت المقبلــة';
    const folded = normalize(text);
    expect(text).toBe('اضطُرت المقبلــة');
    expect(folded.origin[folded.text.length]).toBe([...text].length);
    for (let i = 1; i < folded.origin.length; i++)
      expect(folded.origin[i]).toBeGreaterThanOrEqual(folded.origin[i - 1]!);
  });
});

describe('whole-word matching', () => {
  it('accepts a whole word and rejects a word inside a longer one', () => {
    const text = 'المشير خليفه حفتر، الداعمة لخليفه حفتر';
    expect(hits(text, 'خليفة', { wholeWord: true })).toEqual(['خليفه']);
    expect(hits(text, 'خليفة')).toEqual(['خليفه', 'خليفه']);
    expect(hits('the UN and UNESCO', 'un', { wholeWord: true })).toEqual(['UN']);
  });

  it('treats a word followed by punctuation as whole', () => {
    expect(hits('حفتر، ثم حفتر.', 'حفتر', { wholeWord: true })).toEqual(['حفتر', 'حفتر']);
  });
});
