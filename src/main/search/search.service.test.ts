import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '@shared/api/search';
import type { Annotation, DocumentSummary } from '@shared/model';
import type { Services } from '../services/index';
import { hostTestProject } from '../../../test/harness/project';
import { ProjectStore } from '../store/projectStore';

const SAMPLE = path.resolve(__dirname, '../../../resources/sample/libya-ceasefire-2019.ar.txt');

let dir: string;
let services: Services;
let store: ProjectStore;
const call = <T>(name: string, input: unknown) => services.dispatch(name, input) as Promise<T>;
const search = (input: Record<string, unknown>) => call<SearchResult>('search', input);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-search-'));
  store = await ProjectStore.open(dir);
  services = (await hostTestProject(store)).services;
  await call('settings.update', { annotator: 'Salma' });
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

async function addText(text: string, title: string): Promise<DocumentSummary> {
  const { document } = await call<{ document: DocumentSummary }>('documents.importText', {
    text,
    title,
    allowDuplicate: true,
  });
  return document;
}

const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('search over the project', () => {
  it('finds خليفة in the sample article where it is written خليفه, with exact code-point spans and context', async () => {
    const sample = await addText(await readFile(SAMPLE, 'utf8'), 'Sample');
    const { text } = await call<{ text: string }>('documents.get', { id: sample.id });
    const result = await search({ query: 'خليفة' });
    expect(result.truncated).toBe(false);
    expect(result.hits).toHaveLength(2);
    // word-aware by default: the second hit is the whole word لخليفه, its proclitic included
    expect(result.hits.map((h) => h.match)).toEqual(['خليفه', 'لخليفه']);
    for (const hit of result.hits) {
      expect(hit.documentId).toBe(sample.id);
      expect(cpSlice(text, hit.start, hit.end)).toBe(hit.match);
      expect(hit.documentTitle).toBe('Sample');
    }
    expect(result.hits[0]?.before.endsWith('المشير ')).toBe(true);
    expect(result.hits[0]?.after.startsWith(' حفتر')).toBe(true);
    expect(result.hits[0]?.paragraph).toBe(1);
    expect(result.hits[1]?.before.endsWith('الداعمة ')).toBe(true);
    expect(result.hits[1]?.paragraph).toBeGreaterThan(1);
  });

  it('reports code points after an emoji, spans that include diacritics and tatweel, and they can be tagged and removed', async () => {
    const text = 'قال 😀 المشير خليفةُ حفتر إن الأيام المقبلــة صعبة';
    const doc = await addText(text, 'Emoji');
    const one = await search({ query: 'خليفه', documentId: doc.id });
    expect(one.hits.map((h) => [h.start, h.end])).toEqual([[13, 19]]);
    expect(cpSlice(text, 13, 19)).toBe('خليفةُ');
    const two = await search({ query: 'المقبلة', documentId: doc.id });
    expect(two.hits.map((h) => h.match)).toEqual(['المقبلــة']);

    const drafts = [...one.hits, ...two.hits].map((h) => ({
      documentId: doc.id,
      start: h.start,
      end: h.end,
      codes: ['ceasefire-proposal'],
    }));
    const created = await call<Annotation[]>('annotations.createMany', { documentId: doc.id, drafts });
    expect(created.map((a) => a.quote)).toEqual(['خليفةُ', 'المقبلــة']);
    await call('annotations.deleteMany', { documentId: doc.id, ids: created.map((a) => a.id) });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual([]);
  });

  it('honours each option: a rule switched off makes spellings differ again; whole words skip لخليفه', async () => {
    const doc = await addText(await readFile(SAMPLE, 'utf8'), 'Sample');
    expect((await search({ query: 'خليفة', options: { foldTaaMarbuta: false } })).hits).toHaveLength(0);
    expect((await search({ query: 'خليفه', options: { foldTaaMarbuta: false } })).hits).toHaveLength(2);
    const whole = await search({ query: 'خليفة', documentId: doc.id, options: { wholeWord: true } });
    expect(whole.hits.map((h) => h.before.slice(-7))).toEqual(['المشير ']);
    expect((await search({ query: 'اضطرت' })).hits.map((h) => h.match)).toEqual(['اضطُرت']);
    expect((await search({ query: 'اضطرت', options: { ignoreDiacritics: false } })).hits).toHaveLength(0);
  });

  it('stops at the limit and says so', async () => {
    await addText('نعم '.repeat(30).trim(), 'A');
    await addText('نعم '.repeat(30).trim(), 'B');
    const limited = await search({ query: 'نعم', limit: 40 });
    expect(limited.hits).toHaveLength(40);
    expect(limited.truncated).toBe(true);
    const all = await search({ query: 'نعم', limit: 60 });
    expect(all.hits).toHaveLength(60);
    expect(all.truncated).toBe(false);
  });

  it('keeps up with imports and deletions without a hook, and keeps its index on disk', async () => {
    const a = await addText('المشير خليفه حفتر', 'A');
    expect((await search({ query: 'حفتر' })).hits).toHaveLength(1);
    const b = await addText('وقال حفتر', 'B');
    expect((await search({ query: 'حفتر' })).hits.map((h) => h.documentId)).toEqual([a.id, b.id]);
    const indexFiles = async () => (await readdir(path.join(dir, 'index'))).filter((n) => n.endsWith('.json')).sort();
    expect(await indexFiles()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect((await readdir(path.join(dir, 'index', 'filter'))).length).toBeGreaterThan(0);
    await call('documents.delete', { id: a.id });
    expect((await search({ query: 'حفتر' })).hits.map((h) => h.documentId)).toEqual([b.id]);
    expect(await indexFiles()).toEqual([`${b.id}.json`]);
  });

  it('answers from its index files after reopening, without loading documents into the store', async () => {
    const a = await addText('المشير خليفه حفتر', 'A');
    await search({ query: 'حفتر' });
    await store.close();
    store = await ProjectStore.open(dir);
    services = (await hostTestProject(store)).services;
    expect([...store.loadedDocuments()]).toHaveLength(0);
    // a file the index cannot trust is rebuilt, not believed; leftovers are cleared
    await writeFile(path.join(dir, 'index', `${a.id}.json`), '{"format":"hashiya-search-index"');
    await writeFile(path.join(dir, 'index', 'ghost.json'), '{}');
    await writeFile(path.join(dir, 'index', `${a.id}.json.99.tmp`), '{');
    const result = await search({ query: 'خليفة' });
    expect(result.hits.map((h) => h.match)).toEqual(['خليفه']);
    expect([...store.loadedDocuments()]).toHaveLength(0);
    expect((await readdir(path.join(dir, 'index'))).sort()).toEqual([`${a.id}.json`, 'filter', 'postings']);
    expect(JSON.parse(await readFile(path.join(dir, 'index', `${a.id}.json`), 'utf8')).folded).toBe(
      'المشير خليفه حفتر',
    );
    expect(await call<{ documentCount: number }>('search.rebuildIndex', {})).toMatchObject({ documentCount: 1 });
  });

  it('refuses an unknown document and finds nothing for a query of only diacritics', async () => {
    await expect(search({ query: 'حفتر', documentId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(search({ query: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(search({ query: 'x', options: { bogus: true } })).rejects.toMatchObject({ code: 'invalid_input' });
    await addText('حفتر', 'A');
    expect(await search({ query: 'َُ' })).toMatchObject({ hits: [], folded: '' });
  });
});

describe('hit spans are whole characters', () => {
  it('never cuts a letter from its marks or an emoji sequence, even with diacritics significant', async () => {
    const text = 'قال 👍🏽 نعم وبـًا';
    const doc = await addText(text, 'A');
    const thumb = await search({ query: '👍', documentId: doc.id });
    expect(thumb.hits.map((h) => h.match)).toEqual(['👍🏽']);
    const withMark = await search({
      query: 'بـ',
      documentId: doc.id,
      options: { ignoreTatweel: false, ignoreDiacritics: false, match: 'substring' },
    });
    expect(withMark.hits.map((h) => h.match)).toEqual(['بـً']);
  });
});

describe('characters outside Arabic and ASCII', () => {
  it('are found exactly although the filter cannot tell them apart', async () => {
    await addText('un café à Tripoli', 'Fr');
    expect((await search({ query: 'café' })).hits.map((h) => h.match)).toEqual(['café']);
    expect((await search({ query: 'cafè' })).hits).toEqual([]);
  });
});

describe('context around a hit', () => {
  it('stays within the paragraph and never starts with a stray mark', async () => {
    const before = `${'بَ'.repeat(30)}ا`;
    const text = `فقرة أولى\n${before}حفتر وبعده كلام\nفقرة ثالثة`;
    await addText(text, 'Ctx');
    const [hit] = (await search({ query: 'حفتر', options: { match: 'substring' } })).hits;
    expect(hit?.paragraph).toBe(2);
    expect(hit?.after).toBe(' وبعده كلام');
    expect(hit?.before.length).toBeGreaterThan(0);
    expect(before.endsWith(hit?.before ?? 'x')).toBe(true);
    expect(hit?.before.startsWith('ب')).toBe(true);
  });
});

describe('a damaged document', () => {
  it('does not stop a project-wide search', async () => {
    const good = await addText('وقال حفتر', 'Good');
    const bad = await addText('المشير حفتر', 'Bad');
    await store.flush();
    await store.close();
    await writeFile(path.join(dir, 'documents', `${bad.id}.json`), '{"schemaVersion": 1, "document": ');
    store = await ProjectStore.open(dir);
    services = (await hostTestProject(store)).services;
    const result = await search({ query: 'حفتر' });
    expect(result.hits.map((h) => h.documentId)).toContain(good.id);
  });
});

describe('word-aware matching by default', () => {
  it('finds a phrase with proclitics in front of its words, in the project and in one document', async () => {
    const doc = await addText('دعا إلى وقف لإطلاق النار.\nوطالب لوقف إطلاق النار فورا', 'Clitics');
    const all = await search({ query: 'وقف إطلاق النار' });
    expect(all.hits.map((h) => h.match)).toEqual(['وقف لإطلاق النار', 'لوقف إطلاق النار']);
    const one = await search({ query: 'وقف إطلاق النار', documentId: doc.id });
    expect(one.hits).toHaveLength(2);
  });

  it('never matches inside another word unless substring matching is chosen', async () => {
    await addText('قال الرئيس إن الري في ليبيا يحتاج إلى الرئيس', 'Inside');
    expect((await search({ query: 'الري' })).hits.map((h) => h.match)).toEqual(['الري']);
    expect((await search({ query: 'الري', options: { match: 'substring' } })).hits).toHaveLength(3);
    expect((await search({ query: 'الري', options: { wholeWord: true } })).hits.map((h) => h.match)).toEqual(['الري']);
    expect((await search({ query: 'رئيس', options: { match: 'wholeWords' } })).hits).toEqual([]);
    expect((await search({ query: 'رئيس' })).hits.map((h) => h.match)).toEqual(['الرئيس', 'الرئيس']);
  });

  it('folds hamza seats when asked (مسؤول = مسئول) and Persian letters by default', async () => {
    await addText('قال مسئول ليبي إن مسؤولا آخر', 'Hamza');
    await addText('کتاب الرئیس', 'Persian');
    expect((await search({ query: 'مسؤول' })).hits.map((h) => h.match)).toEqual([]);
    expect((await search({ query: 'مسؤول', options: { foldHamzaSeat: true } })).hits.map((h) => h.match)).toEqual([
      'مسئول',
    ]);
    expect(
      (await search({ query: 'مسؤول', options: { foldHamzaSeat: true, match: 'substring' } })).hits.map((h) => h.match),
    ).toEqual(['مسئول', 'مسؤول']);
    expect((await search({ query: 'كتاب الرئيس' })).hits.map((h) => h.match)).toEqual(['کتاب الرئیس']);
    expect((await search({ query: 'كتاب', options: { foldPersian: false } })).hits).toEqual([]);
  });

  it('never starts or ends a hit on a zero-width or bidi mark', async () => {
    const text = 'قال \u200fحفتر\u200c، و\u200dحفتر\u200e انتهى';
    const doc = await addText(text, 'Marks');
    const result = await search({ query: 'حفتر', documentId: doc.id });
    expect(result.hits.map((h) => h.match)).toEqual(['حفتر', 'و\u200dحفتر']);
    for (const h of result.hits) {
      const first = cpSlice(text, h.start, h.start + 1).codePointAt(0) ?? 0;
      const last = cpSlice(text, h.end - 1, h.end).codePointAt(0) ?? 0;
      expect([0x200c, 0x200d, 0x200e, 0x200f]).not.toContain(first);
      expect([0x200c, 0x200d, 0x200e, 0x200f]).not.toContain(last);
    }
  });
});
