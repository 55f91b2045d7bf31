/**
 * W3C Web Annotation export and import: the shape of the JSON-LD, a round trip through an empty
 * copy of the project, merging a colleague's file without duplicates, and what happens to
 * annotations that cannot be placed (listed, never dropped).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxBodyBytesFor } from '@shared/api';
import type { AnnotationImportResult } from '@shared/api/exchange';
import type { Annotation, Codebook, Document, DocumentSummary, Registry } from '@shared/model';
import { cpOffset, openProject, type TestProject } from './project';

const AR =
  '😀 قال المشير 🇱🇾 خليفة حفتر: نقترح وقف إطلاق النار 👍🏽 فوراً.\nوردّ السراج بالرفض، وقال إن وقف إطلاق النار مشروط بالانسحاب.';
const EN = 'Emoji first 🎉 then the UN envoy said the truce holds, and the truce must hold.';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const items = (collection: Json): Json[] => collection.first.items as Json[];

let a: TestProject;
let b: TestProject;
let arA: DocumentSummary;
let enA: DocumentSummary;

async function exportJson(p: TestProject, input: Record<string, unknown> = {}): Promise<Json> {
  const out = await p.call<{ fileName: string; json: string; count: number }>('export.annotations', input);
  expect(out.fileName).toMatch(/\.jsonld$/);
  return JSON.parse(out.json) as Json;
}

/** The collection without what legitimately differs between two exports: ids, times, document ids. */
function comparable(collection: Json): Json {
  const copy = structuredClone(collection);
  delete copy.id;
  delete copy.generated;
  for (const item of items(copy)) {
    delete item.id;
    delete item.created;
    delete item.modified;
    delete item.target.source['hashiya:document'];
  }
  return copy;
}

beforeEach(async () => {
  a = await openProject('Libya', 'Salma');
  b = await openProject('Libya', 'Omar');
  arA = await a.addText(AR, 'Haftar');
  enA = await a.addText(EN, 'Envoy');
  await b.addText(EN, 'Envoy');
  await b.addText(AR, 'Haftar');
  await a.annotate(arA.id, AR, 'خليفة حفتر', {
    codes: ['ceasefire-proposal', 'ceasefire-condition'],
    claimant: 'Haftar',
    stance: 'proposes',
    certainty: 'asserted',
    note: 'first, "quoted"\nline',
  });
  await a.annotate(arA.id, AR, '🇱🇾 خليفة', { codes: ['political-process'] });
  await a.annotate(arA.id, AR, 'وقف إطلاق النار', { codes: ['ceasefire-condition'] }, 1);
  await a.annotate(enA.id, EN, 'the truce', { codes: [] }, 1);
});
afterEach(async () => {
  await a.close();
  await b.close();
});

describe('export.annotations', () => {
  it('writes a W3C AnnotationCollection with code-point selectors and the codes and attributes as bodies', async () => {
    const c = await exportJson(a);
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(4);
    const haftar = items(c).find((i) => i.target.selector[1].exact === 'خليفة حفتر')!;
    const doc = await a.call<Document>('documents.get', { id: arA.id });
    expect(haftar.type).toBe('Annotation');
    expect(haftar.target.source.id).toBe(`urn:sha256:${doc.sha256}`);
    expect(haftar.target.source['hashiya:document']).toBe(`urn:hashiya:document:${arA.id}`);
    const [position, quote] = haftar.target.selector;
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: cpOffset(AR, 'خليفة حفتر'),
      end: cpOffset(AR, 'خليفة حفتر') + 10,
    });
    expect([...AR].slice(position.start, position.end).join('')).toBe('خليفة حفتر');
    expect(quote.type).toBe('TextQuoteSelector');
    expect([...quote.prefix].length).toBeLessThanOrEqual(32);
    expect(AR.includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
    // the coder's stable id travels with the name (src/shared/coders/model.ts)
    expect(haftar.creator).toEqual({
      type: 'Person',
      name: 'Salma',
      id: expect.stringMatching(/^urn:hashiya:coder:c_[0-9a-f]{16}$/),
    });
    expect(haftar.created).toMatch(/Z$/);
    const classifying = haftar.body.filter((x: Json) => x.purpose === 'classifying');
    expect(classifying.map((x: Json) => [x.type, x.source.id, x.source.label])).toEqual([
      ['SpecificResource', 'urn:hashiya:code:ceasefire-proposal', 'Ceasefire proposal'],
      ['SpecificResource', 'urn:hashiya:code:ceasefire-condition', 'Ceasefire condition'],
    ]);
    const described = Object.fromEntries(
      haftar.body.filter((x: Json) => x.purpose === 'describing').map((x: Json) => [x['hashiya:field'], x.value]),
    );
    // each claim value by its field's key: what a person reads, the stored value, and an actor's names
    expect(described).toEqual({
      claimant: 'Haftar',
      position: 'proposes',
      certainty: 'asserted',
      note: 'first, "quoted"\nline',
    });
    const claimant = haftar.body.find((x: Json) => x['hashiya:field'] === 'claimant');
    expect(claimant['hashiya:entity']).toEqual({ kind: 'actor', nameAr: '', nameLatin: 'Haftar', aliases: [] });
    expect(typeof claimant['hashiya:value']).toBe('string');
  });

  it('exports only the chosen documents', async () => {
    const c = await exportJson(a, { documentIds: [enA.id] });
    expect(items(c).map((i) => i.target.selector[1].exact)).toEqual(['the truce']);
  });
});

describe('import.annotations', () => {
  it('round-trips: export, import into an empty copy, export again gives the same JSON-LD up to ids and times', async () => {
    const first = await a.call<{ json: string }>('export.annotations', {});
    const result = await b.call<AnnotationImportResult>('import.annotations', { json: first.json });
    expect(result).toMatchObject({ imported: 4, alreadyPresent: 0, reanchored: 0, orphans: [], createdCodes: [] });
    const again = await exportJson(b);
    // B lists its documents in another order; compare annotation by annotation, in A's order
    const byQuote = (c: Json) =>
      new Map(items(comparable(c)).map((i) => [i.target.selector[1].exact + i.target.selector[0].start, i]));
    const left = comparable(JSON.parse(first.json) as Json);
    const right = byQuote(again);
    expect(items(left).map((i) => right.get(i.target.selector[1].exact + i.target.selector[0].start))).toEqual(
      items(left),
    );
    expect({ ...left, first: null }).toEqual({ ...comparable(again), first: null });
    // the colleague's name and times are kept, not replaced by this project's annotator
    const ar = (await b.call<DocumentSummary[]>('documents.list', {})).find((d) => d.title === 'Haftar')!;
    const imported = await b.call<Annotation[]>('annotations.list', { documentId: ar.id });
    expect(imported.every((x) => x.annotator === 'Salma')).toBe(true);
    const original = await a.call<Annotation[]>('annotations.list', { documentId: arA.id });
    expect(imported.map((x) => [x.id, x.createdAt, x.start, x.end, x.quote, x.values, x.coderId])).toEqual(
      original.map((x) => [x.id, x.createdAt, x.start, x.end, x.quote, x.values, x.coderId]),
    );
    // and the coder joins the copy's coder list under their name
    const coders = await b.call<{ coders: { id: string; name: string }[] }>('coders.list', {});
    expect(coders.coders).toContainEqual({ id: original[0]?.coderId, name: 'Salma' });
  });

  it('never duplicates: importing twice, or an equal annotation under another id, adds nothing', async () => {
    const { json } = await a.call<{ json: string }>('export.annotations', {});
    await b.call('import.annotations', { json });
    const second = await b.call<AnnotationImportResult>('import.annotations', { json });
    expect(second).toMatchObject({ imported: 0, alreadyPresent: 4, orphans: [] });
    const renamed = JSON.parse(json) as Json;
    for (const item of items(renamed)) item.id = `urn:uuid:${crypto.randomUUID()}`;
    const third = await b.call<AnnotationImportResult>('import.annotations', { json: JSON.stringify(renamed) });
    expect(third).toMatchObject({ imported: 0, alreadyPresent: 4 });
    // and into the project they came from
    const home = await a.call<AnnotationImportResult>('import.annotations', { json });
    expect(home).toMatchObject({ imported: 0, alreadyPresent: 4 });
    const info = await b.call<{ annotationCount: number }>('project.info', {});
    expect(info.annotationCount).toBe(4);
  });

  it('keeps two annotations of the same span and codes that differ in claimant, stance, certainty or note', async () => {
    const doc = await a.addText('قال حفتر والسراج إنهما يرفضان وقف إطلاق النار دون شروط.', 'Both');
    const text = 'قال حفتر والسراج إنهما يرفضان وقف إطلاق النار دون شروط.';
    const base = {
      codes: ['ceasefire-proposal', 'ceasefire-condition'],
      claimant: 'خليفة حفتر',
      stance: 'rejects',
      certainty: 'asserted',
      note: '',
    };
    const variants = [
      base,
      { ...base, claimant: 'فايز السراج' },
      { ...base, stance: 'conditions' },
      { ...base, certainty: 'alleged' },
      { ...base, note: 'as reported by Reuters' },
      // the same as the first, codes in another order: a duplicate, not a sixth annotation
      { ...base, codes: ['ceasefire-condition', 'ceasefire-proposal'] },
    ];
    for (const v of variants) await a.annotate(doc.id, text, 'وقف إطلاق النار', v);
    const { json } = await a.call<{ json: string }>('export.annotations', { documentIds: [doc.id] });
    const target = await b.addText(text, 'Both');
    const result = await b.call<AnnotationImportResult>('import.annotations', { json });
    expect(result).toMatchObject({ imported: 5, alreadyPresent: 1, orphans: [] });
    const got = await b.call<Annotation[]>('annotations.list', { documentId: target.id });
    // the actors came with the file: B's registry names them as A's does
    const names = new Map((await b.call<Registry>('registry.get', {})).entities.map((e) => [e.id, e.nameAr]));
    expect(
      got
        .map((x) => [
          names.get(x.values.claimant as string),
          x.values.position,
          x.values.certainty,
          x.values.note ?? '',
        ])
        .sort(),
    ).toEqual(
      variants
        .slice(0, 5)
        .map((v) => [v.claimant, v.stance, v.certainty, v.note])
        .sort(),
    );
    // the same file again, and under fresh ids: nothing more
    expect(await b.call<AnnotationImportResult>('import.annotations', { json })).toMatchObject({
      imported: 0,
      alreadyPresent: 6,
    });
    const renamed = JSON.parse(json) as Json;
    for (const item of items(renamed)) item.id = `urn:uuid:${crypto.randomUUID()}`;
    expect(await b.call<AnnotationImportResult>('import.annotations', { json: JSON.stringify(renamed) })).toMatchObject(
      {
        imported: 0,
        alreadyPresent: 6,
      },
    );
    expect(await b.call<Annotation[]>('annotations.list', { documentId: target.id })).toHaveLength(5);
  });

  it('falls back to the quote when the position no longer matches, choosing the occurrence the context points to', async () => {
    const c = await exportJson(a);
    const second = items(c).find((i) => i.target.selector[1].exact === 'وقف إطلاق النار')!;
    const rightStart = second.target.selector[0].start as number;
    second.target.selector[0] = { type: 'TextPositionSelector', start: 3, end: 18 };
    const result = await b.call<AnnotationImportResult>('import.annotations', { json: JSON.stringify(c) });
    expect(result).toMatchObject({ imported: 4, reanchored: 1, orphans: [] });
    const ar = (await b.call<DocumentSummary[]>('documents.list', {})).find((d) => d.title === 'Haftar')!;
    const placed = (await b.call<Annotation[]>('annotations.list', { documentId: ar.id })).find(
      (x) => x.quote === 'وقف إطلاق النار',
    )!;
    expect(placed.start).toBe(rightStart);
    expect(placed.start).toBe(cpOffset(AR, 'وقف إطلاق النار', 1));
  });

  it('lists what cannot be placed, with a reason and the quote, and imports the rest', async () => {
    const c = await exportJson(a);
    const list = items(c);
    list[0]!.target.selector = [{ type: 'TextQuoteSelector', exact: 'هذا النص غير موجود', prefix: '', suffix: '' }];
    list[1]!.target.source.id = `urn:sha256:${'0'.repeat(64)}`;
    (list as unknown[]).push({ type: 'Annotation', target: 'urn:sha256:abc' }, 'not an annotation');
    const result = await b.call<AnnotationImportResult>('import.annotations', { json: JSON.stringify(c) });
    expect(result.imported).toBe(2);
    expect(result.orphans.map((o) => o.reason).sort()).toEqual([
      'document_not_found',
      'invalid',
      'invalid',
      'text_not_found',
    ]);
    const lost = result.orphans.find((o) => o.reason === 'text_not_found')!;
    expect(lost.exact).toBe('هذا النص غير موجود');
    expect(lost.id).toBe(list[0]!.id);
    expect(lost.message).toMatch(/not found/);
  });

  it('creates codes this codebook lacks (under their parent), or lists them as orphans when asked', async () => {
    const codebook = await a.call<Codebook>('codebook.get', {});
    codebook.codes.push({
      id: 'truce-breach',
      name: 'Truce breach',
      nameAr: 'خرق الهدنة',
      description: '',
      example: '',
      color: '#CC79A7',
      key: null,
      parentId: 'ceasefire',
    });
    await a.call('codebook.save', codebook);
    await a.annotate(enA.id, EN, 'UN envoy', { codes: ['truce-breach'] });
    const { json } = await a.call<{ json: string }>('export.annotations', {});

    const c = await openProject('Strict', 'Nour');
    try {
      await c.addText(EN);
      const strict = await c.call<AnnotationImportResult>('import.annotations', { json, unknownCodes: 'orphan' });
      expect(strict.orphans.filter((o) => o.reason === 'unknown_code').map((o) => o.exact)).toEqual(['UN envoy']);
      expect(strict.orphans.filter((o) => o.reason === 'document_not_found')).toHaveLength(3);
      expect(strict.createdCodes).toEqual([]);
    } finally {
      await c.close();
    }

    const result = await b.call<AnnotationImportResult>('import.annotations', { json });
    expect(result.createdCodes).toEqual([{ id: 'truce-breach', name: 'Truce breach' }]);
    expect(result.imported).toBe(5);
    const created = (await b.call<Codebook>('codebook.get', {})).codes.find((x) => x.id === 'truce-breach')!;
    expect(created).toMatchObject({
      name: 'Truce breach',
      nameAr: 'خرق الهدنة',
      parentId: 'ceasefire',
      color: '#CC79A7',
      key: null,
    });
  });

  it("rebuilds a colleague's hierarchy: parents that tag nothing are created too, outermost first", async () => {
    // a: a new branch "Relief work > Road access > Convoy blocked", only the leaf used
    const codebook = await a.call<Codebook>('codebook.get', {});
    const code = (id: string, name: string, nameAr: string, color: string, parentId: string | null) => ({
      id,
      name,
      nameAr,
      description: '',
      example: '',
      color,
      key: null,
      parentId,
    });
    codebook.codes.push(
      code('relief', 'Relief work', 'الإغاثة', '#009E73', null),
      code('access', 'Road access', 'الوصول', '#56B4E9', 'relief'),
      code('convoy-blocked', 'Convoy blocked', 'منع قافلة', '#D55E00', 'access'),
    );
    await a.call('codebook.save', codebook);
    await a.annotate(enA.id, EN, 'truce holds', { codes: ['convoy-blocked'] });
    const { json } = await a.call<{ json: string }>('export.annotations', { documentIds: [enA.id] });
    const body = (JSON.parse(json) as Json).first.items
      .flatMap((i: Json) => i.body)
      .find((x: Json) => x.source?.label === 'Convoy blocked');
    expect(body.source['hashiya:path']).toBe('Relief work > Road access > Convoy blocked');
    expect(body.source['hashiya:ancestors'].map((x: Json) => x.label)).toEqual(['Relief work', 'Road access']);

    const count = (JSON.parse(json) as Json).first.items.length as number;
    const result = await b.call<AnnotationImportResult>('import.annotations', { json });
    expect(result.imported).toBe(count);
    expect(result.createdCodes.map((c) => c.name)).toEqual(['Relief work', 'Road access', 'Convoy blocked']);
    const codes = (await b.call<Codebook>('codebook.get', {})).codes;
    const byName = (n: string) => codes.find((c) => c.name === n)!;
    expect(byName('Relief work')).toMatchObject({ parentId: null, nameAr: 'الإغاثة', color: '#009E73' });
    expect(byName('Road access')).toMatchObject({ parentId: byName('Relief work').id, nameAr: 'الوصول' });
    expect(byName('Convoy blocked')).toMatchObject({ parentId: byName('Road access').id, nameAr: 'منع قافلة' });

    // an older export (no ancestors list): the parents come from the names on the path; a parent
    // this codebook already has (by name) is reused, not duplicated
    const old = JSON.parse(json) as Json;
    for (const item of old.first.items as Json[])
      for (const x of item.body as Json[]) if (x.source) delete x.source['hashiya:ancestors'];
    const c = await openProject('Older', 'Nour');
    try {
      await c.addText(EN);
      const cb = await c.call<Codebook>('codebook.get', {});
      cb.codes.push(code('relief-local', 'relief WORK', '', '#009E73', null));
      await c.call('codebook.save', cb);
      const r = await c.call<AnnotationImportResult>('import.annotations', { json: JSON.stringify(old) });
      expect(r.imported).toBe(count);
      expect(r.createdCodes.map((x) => x.name)).toEqual(['Road access', 'Convoy blocked']);
      const cc = (await c.call<Codebook>('codebook.get', {})).codes;
      expect(cc.find((x) => x.name === 'Road access')).toMatchObject({ parentId: 'relief-local' });
      expect(cc.find((x) => x.name === 'Convoy blocked')).toMatchObject({ parentId: 'access' });
    } finally {
      await c.close();
    }
  });

  it('accepts a large file over HTTP (the method raises the 2 MB body limit)', () => {
    expect(maxBodyBytesFor('import.annotations')).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    expect(maxBodyBytesFor('export.csv')).toBe(2 * 1024 * 1024);
  });

  it('refuses a file that is not Web Annotation JSON-LD, and changes nothing', async () => {
    for (const json of ['not json {', '{"type":"Something"}', '[1', '"text"']) {
      await expect(b.call('import.annotations', { json })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(b.call('import.annotations', { json: '{"type":"Something"}' })).rejects.toThrow(
      /not a W3C Web Annotation file/,
    );
    const info = await b.call<{ annotationCount: number }>('project.info', {});
    expect(info.annotationCount).toBe(0);
  });
});
