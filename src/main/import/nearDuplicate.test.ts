import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { jaccard, shingles } from './nearDuplicate';
import { NearDuplicateIndex, type NearDuplicateSource } from './nearDuplicateIndex';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-near-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WORDS =
  'الحكومة المحادثات باريس طرابلس وقف إطلاق النار المبعوث الأممي القوات المدينة السكان الاتحاد الأوروبي قمة بيان مشترك مصادر دبلوماسية الجيش الرئيس'.split(
    ' ',
  );
/** a pseudo-random article of 150 words, different for every seed */
function text(seed: number): string {
  let x = seed * 2654435761 + 1;
  const words = Array.from({ length: 150 }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return WORDS[x % WORDS.length] as string;
  });
  return [words.slice(0, 50).join(' '), words.slice(50, 100).join(' '), words.slice(100).join(' ')].join('\n');
}

function source(count: number, reads: { n: number }): NearDuplicateSource {
  const summaries = Array.from({ length: count }, (_, i) => ({
    id: `doc${i}`,
    sha256: `sha${i}`,
    title: `Article ${i}`,
  }));
  return {
    dir,
    summaries: () => summaries,
    text: async (id) => {
      reads.n++;
      return text(Number(id.slice(3)));
    },
  };
}

it('finds the near-copy among 2,000 documents reading only it, and a reopened project reads none to build', async () => {
  const reads = { n: 0 };
  const index = new NearDuplicateIndex(source(2000, reads));
  await index.sync();
  expect(reads.n).toBe(2000);
  reads.n = 0;
  const copy = `آخر تحديث 10:32\n${text(1234)}\nآخر تحديث 14:05`;
  expect(await index.find(copy)).toMatchObject({ documentId: 'doc1234', title: 'Article 1234' });
  expect(reads.n).toBe(1);

  const reopened = new NearDuplicateIndex(source(2000, reads));
  reads.n = 0;
  expect(await reopened.find(copy)).toMatchObject({ documentId: 'doc1234' });
  expect(reads.n).toBe(1);
  expect(await reopened.find(text(99_999))).toBeNull();
});

it('a text sharing most but not 95% of its shingles is not a near-duplicate', () => {
  const a = text(7);
  const half = `${a.split('\n').slice(0, 2).join('\n')}\n${text(8).split('\n')[2]}`;
  expect(jaccard(shingles(a), shingles(half))).toBeLessThan(0.95);
  expect(jaccard(shingles(a), shingles(`${a}\nUpdated 16 May 2019`))).toBe(1);
});
