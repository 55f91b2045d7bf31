import { describe, expect, it } from 'vitest';
import { buildMentionIndex } from '@shared/claims/mentions';
import { Entity } from '@shared/claims/registry';
import { findMentions, MentionScan, registrySignature } from './mentionScan';

const entity = (e: Record<string, unknown>) => Entity.parse({ kind: 'actor', ...e });
const REGISTRY = [
  entity({ id: 'macron', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' }),
  entity({ id: 'haftar', nameAr: 'خليفة حفتر', aliases: ['المشير حفتر', 'حفتر'], type: 'person' }),
  entity({ id: 'lna', nameAr: 'الجيش الوطني الليبي', aliases: ['الجيش الوطني'], type: 'armed-group' }),
  entity({ id: 'un', nameAr: 'الأمم المتحدة', nameLatin: 'United Nations' }),
];
/** the marked text of each mention, by code points of the whole text */
const marked = (text: string) =>
  findMentions(REGISTRY, text).map((m) => [m.entityId, [...text].slice(m.start, m.end).join(''), m.para]);

describe('mention marks: where the reader marks known actors', () => {
  it('leaves the clitics in front out of the mark: ولماكرون, بالأمم, للجيش (its second ل is the name’s ال)', () => {
    expect(marked('قال ولماكرون رأي، ورحب بالأمم المتحدة ودعا للجيش الوطني الليبي')).toEqual([
      ['macron', 'ماكرون', 0],
      ['un', 'الأمم المتحدة', 0],
      ['lna', 'لجيش الوطني الليبي', 0],
    ]);
  });

  it('marks the longest spelling where aliases overlap: المشير حفتر over حفتر, the whole army name over its short alias', () => {
    expect(marked('التقى المشير حفتر قادة الجيش الوطني الليبي ثم الجيش الوطني')).toEqual([
      ['haftar', 'المشير حفتر', 0],
      ['lna', 'الجيش الوطني الليبي', 0],
      ['lna', 'الجيش الوطني', 0],
    ]);
    expect(marked('قال خليفة حفتر')).toEqual([['haftar', 'خليفة حفتر', 0]]);
  });

  it('folds as search does (hamza, ة/ه, harakat) and keeps code-point offsets across paragraphs and emoji', () => {
    const text = 'سطر أول 🙂 فيه رمز\nوقال خليفه حَفْتَر اليوم\nوأيمانويل ماكرون';
    const found = marked(text);
    expect(found).toEqual([
      ['haftar', 'خليفه حَفْتَر', 1],
      ['macron', 'أيمانويل ماكرون', 2],
    ]);
  });

  it('never joins a name across a paragraph break', () => {
    expect(marked('قال خليفة\nحفتر')).toEqual([['haftar', 'حفتر', 1]]);
  });

  it('gives the same mentions however the scan is cut into slices', () => {
    const text = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'قال المشير حفتر' : 'ولماكرون رأي')).join('\n');
    const whole = findMentions(REGISTRY, text);
    const scan = new MentionScan(buildMentionIndex(REGISTRY), text);
    let slices = 0;
    while (!scan.step(() => false)) slices++;
    expect(slices).toBe(39);
    expect(scan.mentions).toEqual(whole);
    expect(whole).toHaveLength(40);
  });

  it('scans only the paragraphs around a span for a proposal, and the full scan then gives the same list', () => {
    const text = Array.from({ length: 30 }, (_, i) => `فقرة ${i} قال المشير حفتر كلاما`).join('\n');
    const whole = findMentions(REGISTRY, text);
    const scan = new MentionScan(buildMentionIndex(REGISTRY), text);
    const para = (i: number) => [...text.split('\n').slice(0, i).join('\n')].length + 1;
    const span = { start: para(15), end: para(15) + 4 };
    const near = scan.near(span, 10);
    expect(near.map((m) => m.para)).toEqual([14, 15]);
    expect(scan.done).toBe(false);
    scan.step();
    expect(scan.mentions).toEqual(whole);
  });

  it('tells registries apart by what matching reads, not by object identity', () => {
    const copy = REGISTRY.map((e) => ({ ...e }));
    expect(registrySignature(copy)).toBe(registrySignature(REGISTRY));
    const renamed = [...REGISTRY.slice(0, 3), { ...(REGISTRY[3] as Entity), aliases: ['المنظمة الأممية'] }];
    expect(registrySignature(renamed)).not.toBe(registrySignature(REGISTRY));
  });
});
