import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shardOf } from './filterStore';
import { INDEX_DIR, sha256 } from './indexFile';
import { SearchIndex, type DocumentSource } from './searchIndex';

function corpus(dir: string, texts: Record<string, string>) {
  const docs = new Map(Object.entries(texts));
  const source: DocumentSource = {
    dir,
    summaries: () => [...docs].map(([id, text]) => ({ id, sha256: sha256(text), title: id })),
    text: async (id) => docs.get(id) ?? '',
  };
  return { docs, source };
}

/** 40 ordinary articles; two name the rare word, one spells خليفة with ة and one with ه */
function texts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 40; i++) out[`doc${i}`] = `قال المتحدث باسم الحكومة اليوم إن المفاوضات مستمرة ${i}`;
  out.doc7 += ' والتقى خليفة حفتر بالوفد';
  out.doc23 += ' وقال خليفه حفتر للصحفيين';
  out.doc31 += ' في مؤتمر استثنائي';
  return out;
}

const ids = (result: { hits: Array<{ documentId: string }> }) => [...new Set(result.hits.map((h) => h.documentId))];

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-postings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the trigram postings', () => {
  it('let a search scan only the documents that hold its words', async () => {
    const index = new SearchIndex(corpus(dir, texts()).source);
    await index.sync();
    const result = await index.search('حفتر', { limit: 100 });
    expect(ids(result)).toEqual(['doc7', 'doc23']);
    expect(index.counters.scanned).toBe(2);
    expect(await readdir(path.join(dir, INDEX_DIR, 'postings'))).toHaveLength(64);
  });

  it('rule out a phrase whose words are everywhere but never side by side', async () => {
    const index = new SearchIndex(corpus(dir, texts()).source);
    await index.sync();
    expect(ids(await index.search('المفاوضات الحكومة', { limit: 100 }))).toEqual([]);
    expect(index.counters.scanned).toBe(0);
    // with a proclitic in front of the second word, the pair is still there
    expect(ids(await index.search('المتحدث حكومة', { limit: 100 }))).toEqual([]);
    expect(ids(await index.search('باسم حكومة', { limit: 100 }))).toHaveLength(40);
  });

  it('tell ة from ه when the query does, so the other spelling is not even read', async () => {
    const project = corpus(dir, texts());
    await new SearchIndex(project.source).sync();
    const reopened = new SearchIndex(project.source);
    const strict = await reopened.search('خليفة', { limit: 100, options: { foldTaaMarbuta: false } });
    expect(ids(strict)).toEqual(['doc7']);
    expect(reopened.counters.read).toBe(1);
    const lenient = await reopened.search('خليفة', { limit: 100 });
    expect(ids(lenient)).toEqual(['doc7', 'doc23']);
  });

  it('follow an import and an edit, rebuilding only the shards of those documents', async () => {
    const project = corpus(dir, texts());
    const index = new SearchIndex(project.source);
    await index.sync();
    const built = index.counters.postingsBuilt;

    project.docs.set('new1', 'خبر جديد عن استثنائي وحفتر');
    expect(ids(await index.search('استثنائي', { limit: 100 }))).toEqual(['doc31', 'new1']);
    expect(index.counters.postingsBuilt).toBe(built + 1);

    project.docs.set('doc31', 'قال المتحدث إن المفاوضات انتهت');
    expect(ids(await index.search('استثنائي', { limit: 100 }))).toEqual(['new1']);
    expect(ids(await index.search('انتهت', { limit: 100 }))).toEqual(['doc31']);
    expect(index.counters.postingsBuilt).toBe(built + 2);

    project.docs.delete('new1');
    expect(ids(await index.search('استثنائي', { limit: 100 }))).toEqual([]);
  });

  it('are read back after reopening, and a damaged shard is rebuilt', async () => {
    const project = corpus(dir, texts());
    await new SearchIndex(project.source).sync();
    const reopened = new SearchIndex(project.source);
    expect(ids(await reopened.search('حفتر', { limit: 100 }))).toEqual(['doc7', 'doc23']);
    expect(reopened.counters.postingsBuilt).toBe(0);
    expect(reopened.counters.scanned).toBe(2);

    const shard = String(shardOf('doc7')).padStart(2, '0');
    await writeFile(path.join(dir, INDEX_DIR, 'postings', `${shard}.bin`), 'HXP2 damaged');
    const again = new SearchIndex(project.source);
    expect(ids(await again.search('حفتر', { limit: 100 }))).toEqual(['doc7', 'doc23']);
    expect(again.counters.postingsBuilt).toBe(1);
  });
});
