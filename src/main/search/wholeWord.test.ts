import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from './indexFile';
import { SearchIndex, type DocumentSource } from './searchIndex';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-whole-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 60 articles that name خليفة only after a proclitic (لخليفة), as the bundled sample does, and one alone */
function source(): DocumentSource {
  const docs = new Map<string, string>();
  for (let i = 0; i < 60; i++) docs.set(`doc${i}`, `وقال المتحدث إن الرسالة وصلت لخليفة حفتر اليوم ${i}`);
  docs.set('doc60', 'والتقى خليفة حفتر بالوفد');
  return {
    dir,
    summaries: () => [...docs].map(([id, text]) => ({ id, sha256: sha256(text), title: id })),
    text: async (id) => docs.get(id) ?? '',
  };
}

describe('a whole-word search', () => {
  it('reads only the documents where the word stands alone, not those where it is glued to a proclitic', async () => {
    const index = new SearchIndex(source());
    await index.sync();
    const result = await index.search('خليفة', { options: { wholeWord: true }, limit: 1000 });
    expect(result.hits.map((h) => h.documentId)).toEqual(['doc60']);
    // every other document holds خليفة only inside لخليفة: none of them is searched
    expect(index.counters.searched).toBe(1);
    // the substring search still finds all 61
    expect((await index.search('خليفة', { options: { match: 'substring' }, limit: 1000 })).hits).toHaveLength(61);
  });

  it('gives the same hits as a scan of every document', async () => {
    const scan = new SearchIndex(source(), { prefilter: false });
    const index = new SearchIndex(source());
    for (const query of ['خليفة', 'لخليفة', 'حفتر', 'خليف', 'المتحدث إن'])
      for (const options of [{ wholeWord: true }, { wholeWord: true, foldTaaMarbuta: false }]) {
        const want = await scan.search(query, { options, limit: 1000 });
        const got = await index.search(query, { options, limit: 1000 });
        expect(got.hits, query).toEqual(want.hits);
      }
  });
});
