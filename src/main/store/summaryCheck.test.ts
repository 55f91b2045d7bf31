import { describe, expect, it } from 'vitest';
import { DocumentSummary, ProjectFile } from '@shared/model';
import { newProjectData } from './folder';
import { isPlainSummary, ProjectFileChecked } from './summaryCheck';

const good = {
  id: 'doc-00001',
  title: 'مقال ١: وقف إطلاق النار',
  direction: 'rtl',
  language: 'ar',
  source: 'Bench corpus',
  url: '',
  publishedAt: '2019-05-22',
  importedAt: '2024-01-01T00:00:00.001Z',
  charCount: 3012,
  annotationCount: 2,
  sha256: 'a'.repeat(64),
};

/** One field changed (or removed with undefined) at a time. */
const variants: Array<Record<string, unknown>> = [
  {},
  { publishedAt: null },
  { publishedAtText: 'ربيع ٢٠١٩' },
  { publishedAtText: 'x'.repeat(201) },
  { publishedAt: '2019-02-30' },
  { publishedAt: '22/05/2019' },
  { id: '' },
  { id: 'a/b' },
  { id: 'x'.repeat(65) },
  { title: 'x'.repeat(1001) },
  { title: 7 },
  { direction: 'up' },
  { language: 'x'.repeat(36) },
  { source: undefined },
  { url: undefined },
  { publishedAt: undefined },
  { importedAt: '2024-01-01' },
  { importedAt: '2024-02-30T00:00:00Z' },
  { importedAt: '2024-01-01T00:00:00+02:00' },
  { importedAt: '2024-01-01T25:00:00Z' },
  { charCount: -1 },
  { charCount: 1.5 },
  { charCount: Number.NaN },
  { annotationCount: '2' },
  { sha256: 'A'.repeat(64) },
  { sha256: 'a'.repeat(63) },
  { extra: 'field' },
];

const withChange = (change: Record<string, unknown>) => {
  const v: Record<string, unknown> = { ...good, ...change };
  for (const [k, x] of Object.entries(change)) if (x === undefined) delete v[k];
  return v;
};

describe('the document index is checked without a zod parse per entry, with the schema’s result', () => {
  it('vouches for an entry only when DocumentSummary accepts it and gives it back unchanged', () => {
    for (const change of variants) {
      const entry = withChange(change);
      const zod = DocumentSummary.safeParse(entry);
      if (isPlainSummary(entry)) expect(zod.success && zod.data, JSON.stringify(change)).toEqual(entry);
      // the entries it leaves to the schema still pass when the schema says so (defaults, extras)
    }
    expect(isPlainSummary(good)).toBe(true);
    expect(isPlainSummary(withChange({ publishedAtText: 'ربيع ٢٠١٩' }))).toBe(true);
    expect(isPlainSummary(withChange({ source: undefined }))).toBe(false);
  });

  it('reads a project file the same as ProjectFile does, and names the same broken field', () => {
    for (const change of variants) {
      const file = { ...newProjectData('P'), documents: [good, withChange(change), good] };
      const fast = ProjectFileChecked.safeParse(file);
      const slow = ProjectFile.safeParse(file);
      expect(fast.success, JSON.stringify(change)).toBe(slow.success);
      if (fast.success && slow.success) expect(fast.data).toEqual(slow.data);
      if (!fast.success && !slow.success) expect(fast.error.issues[0]?.path).toEqual(slow.error.issues[0]?.path);
    }
  });
});
