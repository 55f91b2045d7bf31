import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalize, normalizeQuery } from '@shared/search/normalize';
import { readFilters, shardOf, SHARDS, squeeze, writeFilters, type Filter } from './filterStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-filter-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the squeezed filter text', () => {
  it('uses one byte per character and keeps every Arabic, digit and Latin containment', () => {
    const text = normalize('قال المشير خليفة حفتر في ٢٠١٩ إن UN…').text;
    const small = squeeze(text);
    expect(small).toHaveLength(text.length);
    expect([...small].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    for (const q of ['خليفه', 'حفتر في 2019', 'un', 'ان'])
      expect(small.includes(squeeze(normalizeQuery(q)))).toBe(true);
    for (const q of ['خليفتي', 'طرابلس', 'onu']) expect(small.includes(squeeze(normalizeQuery(q)))).toBe(false);
  });

  it('may let a foreign character through (the real search decides) but never drops a real hit', () => {
    expect(squeeze('é')).toBe(squeeze('è'));
    expect(squeeze(normalize('café').text).includes(squeeze('é'))).toBe(true);
  });
});

describe('the filter on disk', () => {
  it('round-trips through its shards and ignores a damaged one', async () => {
    const filters = new Map<string, Filter>();
    for (let i = 0; i < 200; i++)
      filters.set(`doc-${i}`, { sha256: i.toString(16).padStart(64, '0'), text: squeeze(`نص ${i}`) });
    await writeFilters(
      dir,
      filters,
      Array.from({ length: SHARDS }, (_, k) => k),
    );
    expect(await readdir(path.join(dir, 'index', 'filter'))).toHaveLength(SHARDS);
    expect(await readFilters(dir)).toEqual(filters);

    const damaged = shardOf('doc-7');
    const file = path.join(dir, 'index', 'filter', `${String(damaged).padStart(2, '0')}.bin`);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 3)); // cut short, as by a crash mid-write
    const back = await readFilters(dir);
    expect(back.has('doc-7')).toBe(false);
    expect(back.size).toBe([...filters.keys()].filter((id) => shardOf(id) !== damaged).length);
  });
});
