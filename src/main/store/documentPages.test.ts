import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { sortRows } from '@shared/library/rows';
import { DocumentIndex } from './documentIndex';
import { DocumentPages, type PageRequest } from './documentPages';
import type { DocumentFile, ProjectFile } from './schema';

const doc = (i: number, over: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id: `d${i}`,
  title: i % 3 === 0 ? `زيارة خليفة ${i}` : `Report ${i}`,
  direction: 'rtl',
  language: 'ar',
  source: i % 2 ? 'Reuters' : '',
  url: '',
  publishedAt: i % 4 ? `2019-0${(i % 9) + 1}-1${i % 10}` : null,
  importedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  charCount: (i * 37) % 101,
  annotationCount: i % 5,
  sha256: '0'.repeat(64),
  ...over,
});

const setup = (n: number) => {
  const project = { documents: Array.from({ length: n }, (_, i) => doc(i)) } as unknown as ProjectFile;
  const index = new DocumentIndex(() => project);
  return { project, index, pages: new DocumentPages(index) };
};
const request = (over: Partial<PageRequest> = {}): PageRequest => ({
  offset: 0,
  limit: 10,
  sort: null,
  query: '',
  locale: 'en',
  only: null,
  ...over,
});
const ids = (rows: readonly DocumentSummary[]) => rows.map((d) => d.id);

describe('the library is paged by the server with the library’s own rules', () => {
  it('gives each window of the sorted, filtered list, with the counts for the header', () => {
    const { project, pages } = setup(250);
    const sort = { key: 'title', descending: true } as const;
    const whole = sortRows([...project.documents], sort, 'en');
    const first = pages.page(request({ sort, limit: 100 }));
    const second = pages.page(request({ sort, offset: 100, limit: 100 }));
    expect([...ids(first.rows), ...ids(second.rows)]).toEqual(ids(whole.slice(0, 200)));
    expect(first).toMatchObject({ total: 250, matched: 250 });
    // the filter folds Arabic (ة/ه) as the library did in the page
    const filtered = pages.page(request({ query: 'خليفه', limit: 1000 }));
    expect(filtered.matched).toBe(84);
    expect(filtered.rows.every((d) => d.title.includes('خليفة'))).toBe(true);
    const mine = pages.page(request({ only: new Set(['d1', 'd3', 'd6']), query: 'خليفه' }));
    expect(ids(mine.rows)).toEqual(['d3', 'd6']);
    expect(pages.page(request({ offset: 300 })).rows).toEqual([]);
  });

  it('follows the index: a new count re-sorts by count, an edited title re-sorts by title', () => {
    const { index, pages } = setup(20);
    const byCount = request({ sort: { key: 'annotationCount', descending: true }, limit: 1 });
    expect(pages.page(byCount).rows[0]?.annotationCount).toBe(4);
    index.syncCount('d0', 99);
    expect(pages.page(byCount).rows[0]?.id).toBe('d0');
    const byTitle = request({ sort: { key: 'title', descending: false }, limit: 1 });
    expect(pages.page(byTitle).rows[0]?.id).not.toBe('d7');
    const file = { document: { ...doc(7, { title: '  A first title' }), text: 'x' }, annotations: [] };
    index.syncSummary('d7', file as unknown as DocumentFile);
    expect(pages.page(byTitle).rows[0]?.id).toBe('d7');
    index.remove('d7');
    expect(pages.page(byTitle)).toMatchObject({ total: 19, matched: 19 });
    expect(pages.page(request({ query: 'first' })).matched).toBe(0);
  });
});
