import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { buildTextModel } from '../textModel';
import { annotationsAtPoint } from './hitIndex';

// Arabic with a character outside the BMP, so code points and UTF-16 offsets differ
const text = ['اقترح الأمين العام هدنة فورية.', 'أعلنت 𝑥 تركيا إرسال مدرعات إلى ليبيا.', 'فقرة أخيرة.'].join('\n');
const model = buildTextModel(text);
const cpOf = (phrase: string) => [...text.slice(0, text.indexOf(phrase))].length;
const span = (id: string, phrase: string, length = [...phrase].length): Annotation =>
  ({ id, start: cpOf(phrase), end: cpOf(phrase) + length, codes: [] }) as unknown as Annotation;

const outer = span('outer', 'أعلنت 𝑥 تركيا إرسال مدرعات');
const inner = span('inner', 'تركيا إرسال');
const innermost = span('innermost', 'إرسال');
const across = span('across', 'فورية.\nأعلنت', 12);
const all = [across, innermost, outer, inner];
const ids = (list: Annotation[]) => list.map((a) => a.id);

describe('the annotations under a point', () => {
  it('finds overlapping spans in RTL text, innermost first', () => {
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('إرسال') + 1))).toEqual(['innermost', 'inner', 'outer']);
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('تركيا')))).toEqual(['inner', 'outer']);
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('𝑥')))).toEqual(['outer']);
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('إلى')))).toEqual([]);
  });

  it('treats the end as outside and finds a span crossing paragraphs in both', () => {
    expect(ids(annotationsAtPoint(model, all, 1, outer.end))).toEqual([]);
    expect(ids(annotationsAtPoint(model, all, 1, outer.end - 1))).toEqual(['outer']);
    expect(ids(annotationsAtPoint(model, all, 0, cpOf('فورية')))).toEqual(['across']);
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('أعلنت')))).toEqual(['across', 'outer']);
    expect(ids(annotationsAtPoint(model, all, 2, cpOf('فقرة')))).toEqual([]);
  });

  it('answers for the annotations given, not those of an earlier call', () => {
    expect(ids(annotationsAtPoint(model, all, 1, cpOf('إرسال')))).toHaveLength(3);
    expect(ids(annotationsAtPoint(model, [outer], 1, cpOf('إرسال')))).toEqual(['outer']);
  });
});
