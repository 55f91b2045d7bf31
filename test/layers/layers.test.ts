/**
 * layers.import: a colleague's project folder, bundle or W3C file imported as their layer, with
 * the dry run's report of matched documents, near-duplicates, codes, fields, actors, conflicts
 * and orphans, one undoable step, and a second import that changes nothing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LayerImportReport } from '@shared/api/layers';
import type { Annotation, Codebook, ProjectFile } from '@shared/model';
import { zip } from '../../src/main/exchange/zip';
import { openProject, type TestProject } from '../export/project';

const TEXT =
  'قال المشير خليفة حفتر إن قواته مستعدة لوقف إطلاق النار في طرابلس.\nوردّ فايز السراج بأن المحادثات في جنيف يجب أن تستأنف الأسبوع المقبل دون شروط مسبقة من أي طرف.';
const TITLE = 'Haftar ceasefire';

let a: TestProject; // the project doing the import (coder Salma)
let b: TestProject; // the colleague's (coder Bashir)

const folderOf = (p: TestProject) => path.join(p.dir, 'project');
const annotationsOf = async (p: TestProject, documentId: string) =>
  p.call<Annotation[]>('annotations.list', { documentId });
const layer = (p: TestProject, source: unknown, dryRun?: boolean) =>
  p.call<LayerImportReport>('layers.import', { source, ...(dryRun === undefined ? {} : { dryRun }) });

/** every file of a folder with its bytes, to show a read changed nothing */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out[path.relative(dir, full)] = `${(await stat(full)).mtimeMs}:${(await readFile(full)).toString('base64')}`;
    }
  };
  await walk(dir);
  return out;
}

beforeEach(async () => {
  a = await openProject('Salma’s copy', 'Salma');
  b = await openProject('Bashir’s copy', 'Bashir');
});
afterEach(async () => {
  await a.close();
  await b.close();
});

describe('layers.import from a project folder', () => {
  it('reports first, then adds the colleague’s annotations as their layer, once', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    await a.annotate(docA.id, TEXT, 'خليفة حفتر');
    const b1 = await b.annotate(docB.id, TEXT, 'خليفة حفتر');
    const b2 = await b.annotate(docB.id, TEXT, 'فايز السراج');
    const before = await snapshot(folderOf(b));

    const dry = await layer(a, { kind: 'folder', path: folderOf(b) });
    expect(dry.dryRun).toBe(true);
    expect(dry.undoId).toBeNull();
    expect(dry.documents).toEqual([
      expect.objectContaining({ documentId: docA.id, match: 'sha256', annotations: 2, added: 2 }),
    ]);
    // each copy's coder id, made when its annotator was named (the coders feature)
    const bashir = b.store.data.settings.coderId as string;
    const mine = [...a.store.data.coders];
    expect(mine).toEqual([{ id: a.store.data.settings.coderId, name: 'Salma' }]);
    expect(dry.coders).toEqual([
      { id: bashir, name: 'Bashir', known: false, annotations: 2, added: 2, alreadyPresent: 0 },
    ]);
    expect(dry.counts).toMatchObject({ inFile: 2, added: 2, alreadyPresent: 0, conflicts: 0, orphans: 0 });
    // the dry run wrote nothing here
    expect(await annotationsOf(a, docA.id)).toHaveLength(1);
    expect(a.store.data.coders).toEqual(mine);

    const real = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    expect(real.undoId).not.toBeNull();
    const now = await annotationsOf(a, docA.id);
    expect(now).toHaveLength(3);
    const theirs = now.filter((x) => x.annotator === 'Bashir');
    expect(theirs.map((x) => x.id).sort()).toEqual([b1.id, b2.id].sort());
    expect(theirs.every((x) => x.coderId === bashir)).toBe(true);
    expect(theirs.find((x) => x.id === b2.id)).toMatchObject({ start: b2.start, end: b2.end, quote: 'فايز السراج' });
    expect(a.store.data.coders).toEqual([...mine, { id: bashir, name: 'Bashir' }]);
    // the colleague's folder was only read
    expect(await snapshot(folderOf(b))).toEqual(before);

    const again = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    expect(again.counts).toMatchObject({ added: 0, alreadyPresent: 2, conflicts: 0 });
    expect(again.undoId).toBeNull();
    expect(await annotationsOf(a, docA.id)).toEqual(now);
    expect(a.store.data.coders).toHaveLength(2);
  });

  it('is undone in one step: the annotations and the coder it added go', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    const mine = await a.annotate(docA.id, TEXT, 'خليفة حفتر');
    const coders = [...a.store.data.coders];
    await b.annotate(docB.id, TEXT, 'فايز السراج');
    const real = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const undone = await a.call<{ removed: number; projectRestored: boolean }>('layers.undoImport', {
      undoId: real.undoId,
    });
    expect(undone).toMatchObject({ removed: 1, projectRestored: true });
    expect(await annotationsOf(a, docA.id)).toEqual([mine]);
    expect(a.store.data.coders).toEqual(coders);
    await expect(a.call('layers.undoImport', { undoId: real.undoId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists an annotation changed by the colleague since as a conflict and keeps the copy here', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    const theirs = await b.annotate(docB.id, TEXT, 'فايز السراج');
    await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const kept = await annotationsOf(a, docA.id);
    await b.call('annotations.update', { id: theirs.id, documentId: docB.id, codes: ['political-process'] });
    const again = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    expect(again.conflicts).toEqual([expect.objectContaining({ kind: 'annotation_changed', annotationId: theirs.id })]);
    expect(again.counts.added).toBe(0);
    expect(await annotationsOf(a, docA.id)).toEqual(kept);
  });

  it('refuses the project’s own layer, and the project’s own folder', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    // the same coder's copy on another laptop: the same coder id
    await b.call('settings.update', { annotator: 'Salma', coderId: a.store.data.settings.coderId });
    await b.annotate(docB.id, TEXT, 'فايز السراج');
    await expect(layer(a, { kind: 'folder', path: folderOf(b) })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/yours/),
    });
    await expect(layer(a, { kind: 'folder', path: folderOf(a) })).rejects.toMatchObject({ code: 'conflict' });
    expect(await annotationsOf(a, docA.id)).toEqual([]);
    // by coder id: another name on the same coder is still this project's own layer
    await b.call('settings.update', { annotator: 'S. Salma' });
    await b.store.updateDocument(docB.id, (file) => {
      for (const x of file.annotations) x.coderId = 'c_salma';
    });
    expect((await layer(a, { kind: 'folder', path: folderOf(b) })).counts.added).toBe(1);
    await a.call('settings.update', { coderId: 'c_salma' });
    await expect(layer(a, { kind: 'folder', path: folderOf(b) })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('leaves the codes it added when the codebook changed since, and says so', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    const cb = await b.call<Codebook>('codebook.get', {});
    await b.call('codebook.save', {
      ...cb,
      codes: [...cb.codes, { id: 'b-new', name: 'Prisoner exchange', nameAr: '', color: '#336699' }],
    });
    await b.annotate(docB.id, TEXT, 'طرابلس', { codes: ['b-new'] });
    const real = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const now = await a.call<Codebook>('codebook.get', {});
    await a.call('codebook.save', {
      ...now,
      codes: now.codes.map((c) => (c.id === 'b-new' ? { ...c, color: '#000000' } : c)),
    });
    const undone = await a.call<{ removed: number; projectRestored: boolean }>('layers.undoImport', {
      undoId: real.undoId,
    });
    expect(undone).toMatchObject({ removed: 1, projectRestored: false });
    expect(await annotationsOf(a, docA.id)).toEqual([]);
    expect(a.store.data.codebook.codes.find((c) => c.id === 'b-new')?.color).toBe('#000000');
  });

  it('lists the annotations of a document this project lacks as orphans', async () => {
    await a.addText(TEXT, TITLE);
    const other = 'نص آخر تماما عن اجتماع في القاهرة حول الانتخابات المقبلة والدستور الجديد للبلاد.';
    const docB = await b.addText(other, 'Cairo meeting');
    await b.annotate(docB.id, other, 'القاهرة');
    const dry = await layer(a, { kind: 'folder', path: folderOf(b) });
    expect(dry.documents).toEqual([
      expect.objectContaining({ match: 'none', documentId: null, sourceTitle: 'Cairo meeting' }),
    ]);
    expect(dry.orphans).toEqual([expect.objectContaining({ reason: 'document_not_found', exact: 'القاهرة' })]);
    expect(dry.counts.added).toBe(0);
  });
});

describe('matching documents as near-duplicates', () => {
  it('takes a near-duplicate of the same title, re-anchors by quote, and orphans what is gone', async () => {
    // the colleague's copy has an "updated" line on top and other words at the end
    const body =
      '\nوأشار المبعوث الأممي غسان سلامة إلى أن البعثة ستواصل اتصالاتها مع جميع الأطراف الليبية من أجل التوصل إلى اتفاق دائم يضمن حماية المدنيين ويفتح الطريق أمام العملية السياسية والانتخابات المقبلة في البلاد.';
    const lead = 'تحديث: الساعة ١٠:٣٠ صباحا\n';
    const theirsText = `${lead}${TEXT}${body} وأضاف أن الحوار هو الطريق الوحيد.`;
    const docA = await a.addText(`${TEXT}${body} وأضاف أن الحوار هو السبيل.`, TITLE);
    const docB = await b.addText(theirsText, TITLE);
    const moved = await b.annotate(docB.id, theirsText, 'فايز السراج');
    await b.annotate(docB.id, theirsText, 'الطريق الوحيد');
    const dry = await layer(a, { kind: 'folder', path: folderOf(b) });
    const [doc] = dry.documents;
    expect(doc).toMatchObject({ documentId: docA.id, match: 'near_duplicate', added: 1 });
    expect(doc?.similarity).toBeGreaterThanOrEqual(0.9);
    expect(dry.orphans).toEqual([expect.objectContaining({ reason: 'text_not_found', exact: 'الطريق الوحيد' })]);
    await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const [placed] = await annotationsOf(a, docA.id);
    expect(placed).toMatchObject({ id: moved.id, quote: 'فايز السراج' });
    expect(placed?.start).toBe(moved.start - [...lead].length);
  });
});

describe('matching codes, fields and actors', () => {
  const withCode = async (p: TestProject, id: string, name: string) => {
    const codebook = await p.call<Codebook>('codebook.get', {});
    await p.call('codebook.save', {
      ...codebook,
      codes: [...codebook.codes, { id, name, nameAr: '', color: '#336699' }],
    });
  };

  it('matches a code by id, then by folded name, adds an unknown one and lists a renamed one', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    await withCode(a, 'a-truce', 'Truce talks');
    await withCode(b, 'b-truce', 'TRUCE  talks');
    await withCode(b, 'b-new', 'Prisoner exchange');
    await withCode(a, 'shared-id', 'Embargo');
    await withCode(b, 'shared-id', 'Arms embargo breach');
    await b.annotate(docB.id, TEXT, 'خليفة حفتر', { codes: ['b-truce'] });
    await b.annotate(docB.id, TEXT, 'فايز السراج', { codes: ['b-new', 'shared-id'] });
    const dry = await layer(a, { kind: 'folder', path: folderOf(b) });
    expect(dry.codes.byName).toEqual([{ sourceId: 'b-truce', name: 'TRUCE  talks', id: 'a-truce' }]);
    expect(dry.codes.added).toEqual([{ id: 'b-new', name: 'Prisoner exchange' }]);
    expect(dry.conflicts).toEqual([expect.objectContaining({ kind: 'code_renamed' })]);
    expect(a.store.data.codebook.codes.some((c) => c.id === 'b-new')).toBe(false);
    await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const list = await annotationsOf(a, docA.id);
    expect(list.map((x) => x.codes)).toEqual([['a-truce'], ['b-new', 'shared-id']]);
    expect(a.store.data.codebook.codes.some((c) => c.id === 'b-new')).toBe(true);
  });

  it('finds an actor by name, adds one the registry lacks, and refuses an unknown choice', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    await a.call('registry.add', { entity: { kind: 'actor', nameAr: 'خليفة حفتر', nameLatin: '' } });
    await b.annotate(docB.id, TEXT, 'خليفة حفتر', { claimant: 'خليفة حفتر' });
    await b.annotate(docB.id, TEXT, 'فايز السراج', { claimant: 'فايز السراج' });
    // a choice Bashir's codebook has and this one lacks
    const cb = await b.call<Codebook>('codebook.get', {});
    const form = cb.fields.find((f) => f.key === 'form');
    if (!form) throw new Error('no form field');
    await b.call('codebook.save', {
      ...cb,
      fields: cb.fields.map((f) =>
        f.key === 'form' ? { ...f, choices: [...f.choices, { id: 'tweet', name: 'Tweet' }] } : f,
      ),
    });
    await b.annotate(docB.id, TEXT, 'طرابلس', { values: { form: 'tweet' } });
    const dry = await layer(a, { kind: 'folder', path: folderOf(b) });
    expect(dry.actorsAdded.map((x) => x.name)).toEqual(['فايز السراج']);
    expect(dry.conflicts).toEqual([
      expect.objectContaining({ kind: 'choice_unknown', message: expect.stringContaining('Tweet') }),
    ]);
    expect(dry.counts.added).toBe(2);
    await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    const registry = a.store.data.registry.entities;
    const haftar = registry.find((e) => e.nameAr === 'خليفة حفتر');
    const list = await annotationsOf(a, docA.id);
    expect(list.find((x) => x.quote === 'خليفة حفتر')?.values.claimant).toBe(haftar?.id);
    expect(registry.filter((e) => e.nameAr === 'فايز السراج')).toHaveLength(1);
    expect(list.some((x) => x.quote === 'طرابلس')).toBe(false);
  });

  it('lists a field this codebook lacks and leaves its values out', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    const cb = await b.call<Codebook>('codebook.get', {});
    await b.call('codebook.save', {
      ...cb,
      fields: [...cb.fields, { key: 'casualties', label: 'Casualties', type: 'number' }],
    });
    await b.annotate(docB.id, TEXT, 'طرابلس', { values: { casualties: 3 } });
    const real = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    expect(real.fields.unknown).toEqual(['casualties']);
    expect(real.conflicts).toEqual([expect.objectContaining({ kind: 'field_unknown' })]);
    const [placed] = await annotationsOf(a, docA.id);
    expect(placed?.values).toEqual({});
  });
});

describe('layers.import from a bundle and a W3C file', () => {
  it('imports the colleague’s exported bundle once, and the W3C file finds the same annotations present', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    await b.annotate(docB.id, TEXT, 'فايز السراج');
    const bundle = await b.call<{ data: string; fileName: string }>('export.bundle', {});
    const first = await layer(a, { kind: 'bundle', data: bundle.data, fileName: bundle.fileName }, false);
    expect(first.source).toEqual({ kind: 'bundle', label: bundle.fileName });
    expect(first.counts.added).toBe(1);
    const again = await layer(a, { kind: 'bundle', data: bundle.data }, false);
    expect(again.counts).toMatchObject({ added: 0, alreadyPresent: 1 });
    const w3c = await b.call<{ json: string }>('export.annotations', {});
    const viaW3c = await layer(a, { kind: 'w3c', json: w3c.json });
    expect(viaW3c.counts).toMatchObject({ added: 0, alreadyPresent: 1 });
    expect(await annotationsOf(a, docA.id)).toHaveLength(1);
  });

  it('matches a field of another key by the label a bundle’s fields.json gives, and tolerates its absence', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    const withField = async (p: TestProject, key: string) => {
      const cb = await p.call<Codebook>('codebook.get', {});
      await p.call('codebook.save', { ...cb, fields: [...cb.fields, { key, label: 'Casualties', type: 'number' }] });
    };
    await withField(a, 'casualties');
    await withField(b, 'dead_count');
    await b.annotate(docB.id, TEXT, 'طرابلس', { values: { dead_count: 3 } });
    const w3c = await b.call<{ json: string }>('export.annotations', {});
    const entries = [{ name: 'layer.jsonld', data: Buffer.from(w3c.json) }];
    const without = await layer(a, { kind: 'bundle', data: zip(entries).toString('base64') });
    expect(without.fields.unknown).toEqual(['dead_count']);
    const fields = Buffer.from(JSON.stringify({ fields: [{ key: 'dead_count', label: 'casualties ' }] }));
    const source = {
      kind: 'bundle',
      data: zip([...entries, { name: 'fields.json', data: fields }]).toString('base64'),
    };
    const real = await layer(a, source, false);
    expect(real.fields).toEqual({ byName: [{ sourceKey: 'dead_count', key: 'casualties' }], unknown: [] });
    const [placed] = await annotationsOf(a, docA.id);
    expect(placed?.values).toEqual({ casualties: 3 });
  });

  it('keeps the coder id a file carries', async () => {
    const docA = await a.addText(TEXT, TITLE);
    const docB = await b.addText(TEXT, TITLE);
    // Bashir's copy names its coder
    await b.call('settings.update', { coderId: 'c_bashir01' });
    const made = await b.annotate(docB.id, TEXT, 'فايز السراج');
    const real = await layer(a, { kind: 'folder', path: folderOf(b) }, false);
    expect(real.coders).toEqual([expect.objectContaining({ id: 'c_bashir01', name: 'Bashir' })]);
    const [placed] = await annotationsOf(a, docA.id);
    expect(placed).toMatchObject({ id: made.id, coderId: 'c_bashir01' });
    expect((a.store.data as ProjectFile).coders).toContainEqual({ id: 'c_bashir01', name: 'Bashir' });
    // the W3C export carries it too (creator urn:hashiya:coder:…), so a file finds the same coder
    const w3c = await b.call<{ json: string }>('export.annotations', {});
    expect(w3c.json).toContain('"id":"urn:hashiya:coder:c_bashir01"');
    const viaW3c = await layer(a, { kind: 'w3c', json: w3c.json });
    expect(viaW3c.coders).toEqual([
      { id: 'c_bashir01', name: 'Bashir', known: true, annotations: 1, added: 0, alreadyPresent: 1 },
    ]);
  });
});
