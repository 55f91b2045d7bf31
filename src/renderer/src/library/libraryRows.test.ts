import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { filterIndex, filterRows, sortRows } from './libraryRows';

const doc = (id: string, over: Partial<DocumentSummary>): DocumentSummary => ({
  id,
  title: id,
  direction: 'rtl',
  language: 'ar',
  source: '',
  url: '',
  publishedAt: null,
  importedAt: '2026-01-01T00:00:00.000Z',
  charCount: 100,
  annotationCount: 0,
  sha256: '0'.repeat(64),
  ...over,
});

const docs = [
  doc('a', { title: 'زيارة خليفة حفتر إلى باريس', source: 'فرانس 24', publishedAt: '2019-05-08', charCount: 30 }),
  doc('b', { title: 'Embargo report', source: 'Reuters', publishedAt: null, charCount: 5 }),
  doc('c', { title: 'إطلاق النار', source: '', publishedAt: '2019-04-04', charCount: 200 }),
];

describe('library rows', () => {
  it('filters title and source the way search folds Arabic', () => {
    const index = filterIndex(docs);
    expect(filterRows(docs, index, 'خليفه').map((d) => d.id)).toEqual(['a']);
    expect(filterRows(docs, index, 'اطلاق').map((d) => d.id)).toEqual(['c']);
    expect(filterRows(docs, index, 'reuters').map((d) => d.id)).toEqual(['b']);
    expect(filterRows(docs, index, 'فرانس ٢٤').map((d) => d.id)).toEqual(['a']);
    expect(filterRows(docs, index, '  ').map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts by any column, empty values last in both directions', () => {
    const ids = (key: Parameters<typeof sortRows>[1]) => sortRows([...docs], key, 'en').map((d) => d.id);
    expect(ids({ key: 'publishedAt', descending: false })).toEqual(['c', 'a', 'b']);
    expect(ids({ key: 'publishedAt', descending: true })).toEqual(['a', 'c', 'b']);
    expect(ids({ key: 'source', descending: false })).toEqual(['b', 'a', 'c']);
    expect(ids({ key: 'charCount', descending: true })).toEqual(['c', 'a', 'b']);
    expect(ids(null)).toEqual(['a', 'b', 'c']);
  });
});
