import { describe, expect, it } from 'vitest';
import { useAgreementStrings } from './features/agreement/strings';
import { useCodebookStrings } from './features/codebook/strings';
import { useExportStrings } from './features/export/strings';
import { useLayerStrings } from './features/layers/strings';
import { useSearchStrings } from './features/search/strings';

/** Every strings module of the interface, as source text (Vite's glob, so no file system API). */
const modules = import.meta.glob<string>(['./**/*strings.ts', './**/*Strings.ts', './i18n.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Words ending in s that are no plural nouns ("1 has", "1 is"). */
const NOT_PLURAL = new Set(['is', 'has', 'was', 'does', 'this', 'its', 'as', 'us']);

/**
 * Places where a count goes before a plural English noun by hand: `${n} things` with `n: number`
 * among the arrow function's parameters, `{n} things` (a `fill` place with no `{n|one|other}`
 * forms) and hand-made `n === 1 ? '' : 's'` endings.
 */
function handMadePlurals(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\$\{\s*(\w+)\s*\}\s+([a-z]+s)\b/g)) {
    const params = /\(([^()]*)\)\s*=>[^=]*$/.exec(source.slice(0, m.index));
    const isCount = params !== null && new RegExp(`\\b${m[1]}\\s*:\\s*number\\b`).test(params[1] ?? '');
    if (isCount && !NOT_PLURAL.has(m[2] ?? '')) found.push(m[0]);
  }
  for (const m of source.matchAll(/\{(\w+)\}\s+([a-z]+s)\b/g))
    if (!NOT_PLURAL.has(m[2] ?? '') && !source.slice(0, m.index).endsWith('$')) found.push(m[0]);
  for (const m of source.matchAll(/===\s*1\s*\?\s*'[^']*'\s*:\s*'[^']*'/g)) found.push(m[0]);
  return found;
}

describe('counts in the interface', () => {
  it('the scan finds the hand-made plurals it is meant to find', () => {
    expect(handMadePlurals('f: (n: number) => `${n} annotations`,')).toEqual(['${n} annotations']);
    expect(handMadePlurals("f: 'Tag {hits} hits'")).toEqual(['{hits} hits']);
    expect(handMadePlurals("f: (n: number) => `${n} unit${n === 1 ? '' : 's'}`")).toHaveLength(1);
    expect(handMadePlurals('f: (what: string) => `${what} rests on it`')).toEqual([]);
    expect(handMadePlurals("f: '{n|# claim|# claims}'")).toEqual([]);
  });

  it('no strings module puts a number before an English noun without plural()', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(10);
    for (const [path, source] of Object.entries(modules)) expect(handMadePlurals(source), path).toEqual([]);
  });

  it('the code editor and the delete dialog count annotations in both languages', () => {
    const en = useCodebookStrings.for('en');
    const ar = useCodebookStrings.for('ar');
    expect([1, 2, 3, 11].map((n) => en.usedBy(n))).toEqual([
      'used by 1 annotation',
      'used by 2 annotations',
      'used by 3 annotations',
      'used by 11 annotations',
    ]);
    expect([1, 2, 3, 11, 100].map((n) => ar.usedBy(n))).toEqual([
      'مستخدم في تعليق واحد',
      'مستخدم في تعليقين',
      'مستخدم في 3 تعليقات',
      'مستخدم في 11 تعليقًا',
      'مستخدم في 100 تعليق',
    ]);
  });

  it('the search hit lines count hits and documents in both languages', () => {
    const en = useSearchStrings.for('en');
    const ar = useSearchStrings.for('ar');
    expect(en.hitsIn(1, false, 1)).toBe('1 hit in 1 document');
    expect(en.hitsIn(2, false, 2)).toBe('2 hits in 2 documents');
    expect(en.hitsIn(500, true, 11)).toBe('500+ hits in 11 documents');
    expect(en.tagAllConfirm(3, 1)).toBe('Tag 3 hits in 1 document');
    expect(ar.hitsIn(1, false, 1)).toBe('نتيجة واحدة في وثيقة واحدة');
    expect(ar.hitsIn(2, false, 2)).toBe('نتيجتان في وثيقتين');
    expect(ar.hitsIn(3, false, 11)).toBe('3 نتائج في 11 وثيقةً');
    expect(ar.tagAllConfirm(11, 3)).toBe('وسم 11 نتيجةً في 3 وثائق');
    expect(ar.tagAllConfirm(2, 2)).toBe('وسم نتيجتين في وثيقتين');
  });

  it('the agreement report’s summary and warnings count in both languages', () => {
    const en = useAgreementStrings.for('en');
    const ar = useAgreementStrings.for('ar');
    expect(en.summary('A, B', 1, 1, 0)).toBe('A, B · 1 document · 1 matched claim · 0 unmatched');
    expect(en.summary('A, B', 2, 3, 11)).toBe('A, B · 2 documents · 3 matched claims · 11 unmatched');
    expect(en.fewUnits('α', 1, 10)).toBe('α rests on 1 unit; a figure on fewer than 10 is not reliable.');
    expect(en.unnamed(1)).toBe('1 annotation has no coder name and is left out.');
    expect(en.unnamed(2)).toBe('2 annotations have no coder name and are left out.');
    expect(en.doubled(1)).toMatch(/^1 matched claim holds two/);
    expect(en.disagreementCount(1, 1)).toBe('1 unit where the coders differ.');
    expect(ar.summary('أ، ب', 1, 2, 0)).toBe('أ، ب · وثيقة واحدة · ادعاءان متطابقان · 0 غير متطابق');
    expect(ar.summary('أ، ب', 3, 11, 1)).toBe('أ، ب · 3 وثائق · 11 ادعاءً متطابقًا · 1 غير متطابق');
    expect(ar.unnamed(1)).toBe('تعليق واحد بلا اسم مرمّز، فاستُبعد.');
    expect(ar.unnamed(2)).toBe('تعليقان بلا اسم مرمّز، فاستُبعدا.');
    expect(ar.unnamed(3)).toBe('3 تعليقات بلا اسم مرمّز، فاستُبعدت.');
    expect(ar.disagreementCount(11, 11)).toBe('11 وحدةً يختلف فيها المرمّزون.');
    expect(ar.fewUnits('α', 2, 10)).toBe('α يقوم على وحدتين؛ الرقم المبني على أقل من 10 غير موثوق.');
  });

  it('export notices and the layers preview count in both languages', () => {
    const en = useExportStrings.for('en');
    const ar = useExportStrings.for('ar');
    expect(en.exportedRows(1)).toBe('1 row exported to');
    expect(en.exportedAnnotations(2)).toBe('2 annotations exported to');
    expect(en.qdpxExportedCodings(1)).toBe('1 coding exported to');
    expect(ar.exportedRows(1)).toBe('صُدّر صف واحد إلى');
    expect(ar.exportedRows(3)).toBe('صُدّر 3 صفوف إلى');
    expect(ar.exportedAnnotations(11)).toBe('صُدّر 11 تعليقًا إلى');
    expect(ar.qdpxExportedCodings(2)).toBe('صُدّر ترميزان إلى');
    expect(useLayerStrings.for('ar').summary(1, 0, 2, 3)).toMatch(/ · تعارضان · [3٣] أيتام$/);
  });
});
