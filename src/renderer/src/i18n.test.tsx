/**
 * One way to define a view's words: defineStrings({ en, ar }) gives a hook returning the table
 * of the interface language, and refuses (at type-check time) an Arabic table that is not the
 * English one's twin.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defineStrings, formatNumber, I18nContext, plural, type Lang } from './i18n';
import { useSearchStrings } from './features/search/strings';
import { useProjectStrings } from './features/project/strings';
import { useAnalysisStrings } from './features/analysis/strings';
import { useCodersStrings } from './features/coders/strings';

const useGreeting = defineStrings({
  en: { hello: 'Hello', count: (n: number) => `${n} documents` },
  ar: { hello: 'مرحبًا', count: (n: number) => `${n} وثائق` },
});

function Greeting() {
  const s = useGreeting();
  return <p>{`${s.hello} · ${s.count(3)}`}</p>;
}

function inLanguage(lang: Lang, element: React.ReactElement): string {
  return renderToString(<I18nContext.Provider value={{ lang }}>{element}</I18nContext.Provider>);
}

describe('defineStrings', () => {
  it('gives each view the table of the interface language, words and messages with values alike', () => {
    expect(inLanguage('en', <Greeting />)).toContain('Hello · 3 documents');
    expect(inLanguage('ar', <Greeting />)).toContain('مرحبًا · 3 وثائق');
    expect(useGreeting.for('ar').hello).toBe('مرحبًا');
  });

  it('is the one shape of every strings file (a feature that used to return a function now returns the table)', () => {
    function Find() {
      return <span>{useSearchStrings().find}</span>;
    }
    expect(inLanguage('ar', <Find />)).toContain('البحث في الوثيقة');
    expect(typeof useProjectStrings.for('ar').holds).toBe('function');
  });

  it('refuses an Arabic table that lacks an English key, adds one, or changes a message’s shape', () => {
    // @ts-expect-error: ar has no "bye"
    defineStrings({ en: { hi: 'Hi', bye: 'Bye' }, ar: { hi: 'أهلًا' } });
    // @ts-expect-error: ar has "extra", which en lacks
    defineStrings({ en: { hi: 'Hi' }, ar: { hi: 'أهلًا', extra: 'زائد' } });
    // @ts-expect-error: en's count is a function of a number, ar's a plain string
    defineStrings({ en: { count: (n: number) => `${n}` }, ar: { count: 'عدد' } });
    expect(true).toBe(true); // the checks above are the type checker's (npm run typecheck)
  });
});

describe('plural', () => {
  const claims = {
    en: { one: '# claim', other: '# claims' },
    ar: { zero: 'لا ادعاءات', one: 'ادعاء واحد', two: 'ادعاءان', few: '# ادعاءات', many: '# ادعاءً', other: '# ادعاء' },
  };
  it('English: one and other', () => {
    expect([0, 1, 2, 11].map((n) => plural('en', n, claims.en))).toEqual([
      '0 claims',
      '1 claim',
      '2 claims',
      '11 claims',
    ]);
  });
  it('Arabic: the six categories of Intl.PluralRules (1, 2, 3, 11, 100, 0)', () => {
    expect([1, 2, 3, 11, 100, 0].map((n) => plural('ar', n, claims.ar, String(n)))).toEqual([
      'ادعاء واحد',
      'ادعاءان',
      '3 ادعاءات',
      '11 ادعاءً',
      '100 ادعاء',
      'لا ادعاءات',
    ]);
    expect(plural('ar', 3, claims.ar)).toBe(`${(3).toLocaleString('ar')} ادعاءات`);
  });
  it('writes a count as toLocaleString does, in each language (one formatter kept per language)', () => {
    expect([0, 7, 1200, 100_000, 1_234_567].map((n) => formatNumber('en', n))).toEqual([
      '0',
      '7',
      '1,200',
      '100,000',
      '1,234,567',
    ]);
    for (const n of [0, 7, 1200, 100_000, 1_234_567]) expect(formatNumber('ar', n)).toBe(n.toLocaleString('ar'));
    expect(plural('en', 100_000, claims.en)).toBe('100,000 claims');
  });
  it('the count strings use it: claims, annotations, documents in both languages', () => {
    const en = useAnalysisStrings.for('en');
    const ar = useAnalysisStrings.for('ar');
    expect([en.claimsCount(1), en.claimsCount(1200), en.undated(1)]).toEqual([
      '1 claim',
      '1,200 claims',
      '1 claim without a date',
    ]);
    expect([1, 2, 3, 11, 100].map((n) => ar.barLabel('أيار', n))).toEqual([
      'أيار: ادعاء واحد',
      'أيار: ادعاءان',
      'أيار: 3 ادعاءات',
      'أيار: 11 ادعاءً',
      'أيار: 100 ادعاء',
    ]);
    expect(useProjectStrings.for('en').holds(1)).toBe(' It holds 1 annotation.');
    expect(useProjectStrings.for('ar').holds(2)).toBe(' فيها تعليقان.');
    expect(useCodersStrings.for('ar').documentsOf(11)).toBe('11 وثيقةً');
  });
});
