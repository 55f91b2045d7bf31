import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from './indexFile';
import { SearchIndex, type DocumentSource } from './searchIndex';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-marks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 200 articles without a single haraka, as most news text is */
function source(): DocumentSource {
  const docs = new Map<string, string>();
  for (let i = 0; i < 200; i++) docs.set(`doc${i}`, `قال المتحدث إن وقف إطلاق النار صامد في اليوم ${i}`);
  return {
    dir,
    summaries: () => [...docs].map(([id, text]) => ({ id, sha256: sha256(text), title: id })),
    text: async (id) => docs.get(id) ?? '',
  };
}

describe('the harakat kept for harakat-significant search', () => {
  it('are bounded in memory even for documents without harakat (100,000 of those held a record each)', async () => {
    // room for about 20 documents' records
    const index = new SearchIndex(source(), { marksCacheBytes: 20 * 192 });
    await index.sync();
    await index.search('المتحدث', { options: { ignoreDiacritics: false }, limit: 1000 });
    expect(index.marksKept).toBeGreaterThan(0);
    expect(index.marksKept).toBeLessThanOrEqual(20);
    // and the search still finds every document
    const all = await index.search('المتحدث', { options: { ignoreDiacritics: false }, limit: 1000 });
    expect(all.hits).toHaveLength(200);
  });
});
