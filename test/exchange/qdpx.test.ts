/**
 * export.qdpx and import.qdpx round trip (issue #17, REFI-QDA): a .qdpx exported from the sample
 * project validates against the REFI-QDA project schema (resources/refi-qda/Project-mrt2019.xsd)
 * and re-imports into a fresh project with every coding at the same code-point span, quote, codes
 * and coder; exporting twice gives the same file, importing twice adds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QdpxImportReport } from '@shared/api/qdpx';
import type { Annotation, Codebook, DocumentSummary } from '@shared/model';
import { canonicalizeText } from '@shared/text/canonical';
import { cpOffset, openProject, type TestProject } from '../export/project';
import { schemaErrors, unzip } from './qdpxHelpers';

vi.setConfig({ testTimeout: 60_000 });

const SAMPLE = canonicalizeText(
  readFileSync(path.resolve(__dirname, '../../resources/sample/libya-ceasefire-2019.ar.txt'), 'utf8'),
).text;
/** astral characters before the spans: code points and UTF-16 units differ after them */
const EMOJI_TEXT = 'بيان 🕊️ من طرابلس 🇱🇾: دعوة إلى وقف إطلاق النار & حظر السلاح <فوراً>.';

const open: TestProject[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});
async function project(name: string, annotator = 'Salma'): Promise<TestProject> {
  const p = await openProject(name, annotator);
  open.push(p);
  return p;
}

interface Export {
  fileName: string;
  data: string;
  sources: number;
  codings: number;
  users: number;
}

async function sampleProject(): Promise<{ p: TestProject; annotations: Annotation[] }> {
  const p = await project('Libya 2019');
  const sample = await p.addText(SAMPLE, 'Sample article');
  const emoji = await p.addText(EMOJI_TEXT, 'Emoji');
  const create = async (doc: DocumentSummary, text: string, quote: string, codes: string[]) => {
    const start = cpOffset(text, quote);
    return p.call<Annotation>('annotations.create', {
      documentId: doc.id,
      start,
      end: start + [...quote].length,
      codes,
    });
  };
  const lines = SAMPLE.split('\n').filter((l) => l.split(' ').length > 12);
  const words = (line: number, from: number, to: number) =>
    (lines[line] as string).split(' ').slice(from, to).join(' ');
  const a1 = await create(sample, SAMPLE, words(0, 2, 6), ['ceasefire-proposal']);
  const a2 = await create(sample, SAMPLE, words(1, 3, 9), ['ceasefire-proposal', 'arms-embargo']);
  const a3 = await create(emoji, EMOJI_TEXT, 'وقف إطلاق النار', ['ceasefire']);
  // a second coder: their own coder id (a rename alone keeps the first coder's id)
  await p.call('settings.update', { annotator: 'Omar', coderId: 'c_omar01' });
  const a4 = await create(emoji, EMOJI_TEXT, 'حظر السلاح <فوراً>', ['arms-embargo-violation']);
  const a5 = await create(sample, SAMPLE, words(0, 2, 6), ['ceasefire-condition']);
  const annotations: Annotation[] = [];
  for (const doc of [sample, emoji])
    annotations.push(...(await p.call<Annotation[]>('annotations.list', { documentId: doc.id })));
  expect(annotations.map((a) => a.id).sort()).toEqual([a1, a2, a3, a4, a5].map((a) => a.id).sort());
  return { p, annotations };
}

const codeNames = (codebook: Codebook, ids: readonly string[]) =>
  ids.map((id) => codebook.codes.find((c) => c.id === id)?.name ?? `?${id}`).sort();

describe('export.qdpx', () => {
  it('writes a project.qde the REFI-QDA schema accepts, with each text in sources/ and code-point positions', async () => {
    const { p, annotations } = await sampleProject();
    const out = await p.call<Export>('export.qdpx', {});
    expect(out.fileName).toMatch(/\.qdpx$/);
    expect(out).toMatchObject({ sources: 2, codings: 6, users: 2 });
    const files = await unzip(Buffer.from(out.data, 'base64'));
    const qde = files.get('project.qde')?.toString('utf8') ?? '';
    expect(await schemaErrors(qde)).toEqual([]);
    expect(qde).toContain('xmlns="urn:QDA-XML:project:1.0"');

    // every text, byte for byte, where plainTextPath says
    const texts = [...files.keys()].filter((n) => n.startsWith('sources/'));
    expect(texts).toHaveLength(2);
    for (const name of texts) {
      expect(qde).toContain(`plainTextPath="internal://${name.slice('sources/'.length)}"`);
      const text = files.get(name)?.toString('utf8');
      expect([SAMPLE, EMOJI_TEXT]).toContain(text);
    }
    // positions are code points: after "🕊️" and "🇱🇾" a UTF-16 count would be 4 more
    const ceasefire = annotations.find((a) => a.quote === 'وقف إطلاق النار') as Annotation;
    expect(ceasefire.start).toBe([...EMOJI_TEXT.slice(0, EMOJI_TEXT.indexOf('وقف'))].length);
    expect(qde).toContain(`startPosition="${ceasefire.start}" endPosition="${ceasefire.end}"`);
    expect(EMOJI_TEXT.indexOf('وقف')).toBe(ceasefire.start + 3);
    // the coders are users, the one with a coder id carries it
    expect(qde).toMatch(/<User guid="[0-9a-f-]{36}" name="Salma" id="c_[0-9a-f]{16}"\/>/);
    expect(qde).toMatch(/<User guid="[0-9a-f-]{36}" name="Omar" id="c_omar01"\/>/);
    // the code tree nests sub-codes in their parent
    expect(qde).toMatch(/<Code guid="[^"]+" name="Ceasefire"[^>]*>[\s\S]*<Code guid="[^"]+" name="Ceasefire proposal"/);
  });

  it('writes claim field values as the selection’s description, one “Label: value” line a field', async () => {
    const p = await project('Claims');
    const doc = await p.addText(EMOJI_TEXT, 'Emoji');
    await p.annotate(doc.id, EMOJI_TEXT, 'وقف إطلاق النار', { claimant: 'غسان سلامة', stance: 'proposes' });
    const out = await p.call<Export>('export.qdpx', {});
    const qde = (await unzip(Buffer.from(out.data, 'base64'))).get('project.qde')?.toString('utf8') ?? '';
    expect(await schemaErrors(qde)).toEqual([]);
    const description = /<PlainTextSelection[^>]*>\s*<Description>([^<]*)<\/Description>/.exec(qde)?.[1] ?? '';
    expect(description.split('\n')).toEqual(expect.arrayContaining(['Claimant: غسان سلامة']));
    expect(description).toMatch(/^Position: /m);
  });

  it('gives the same file when the same project is exported again', async () => {
    const { p } = await sampleProject();
    const first = await p.call<Export>('export.qdpx', {});
    const second = await p.call<Export>('export.qdpx', {});
    expect(second.data).toBe(first.data);
  });

  it('exports only the documents chosen, and refuses an unknown one', async () => {
    const { p, annotations } = await sampleProject();
    const docs = await p.call<DocumentSummary[]>('documents.list', {});
    const emoji = docs.find((d) => d.title === 'Emoji') as DocumentSummary;
    const out = await p.call<Export>('export.qdpx', { documentIds: [emoji.id] });
    expect(out.sources).toBe(1);
    expect(out.codings).toBe(annotations.filter((a) => a.documentId === emoji.id).length);
    await expect(p.call('export.qdpx', { documentIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('import.qdpx of an exported project', () => {
  it('re-imports into a fresh project with every coding at the same code-point span, quote, codes and coder', async () => {
    const { p, annotations } = await sampleProject();
    const out = await p.call<Export>('export.qdpx', {});
    const fresh = await project('Fresh', 'Nadia');

    const dry = await fresh.call<QdpxImportReport>('import.qdpx', {
      fileName: out.fileName,
      data: out.data,
      dryRun: true,
    });
    expect(dry).toMatchObject({ dryRun: true, imported: annotations.length, alreadyPresent: 0, orphans: [] });
    expect(dry.documents.map((d) => d.status)).toEqual(['new', 'new']);
    expect(await fresh.call('documents.list', {})).toEqual([]);

    const report = await fresh.call<QdpxImportReport>('import.qdpx', { fileName: out.fileName, data: out.data });
    expect(report).toMatchObject({ dryRun: false, imported: annotations.length, reanchored: 0, orphans: [] });
    const docs = await fresh.call<DocumentSummary[]>('documents.list', {});
    expect(docs.map((d) => d.title).sort()).toEqual(['Emoji', 'Sample article']);

    const before = p.store.data.codebook;
    const after = fresh.store.data.codebook;
    const imported: Annotation[] = [];
    for (const d of docs) imported.push(...(await fresh.call<Annotation[]>('annotations.list', { documentId: d.id })));
    expect(imported).toHaveLength(annotations.length);
    for (const a of annotations) {
      const doc = docs.find((d) => d.title === p.store.summary(a.documentId).title) as DocumentSummary;
      const b = imported.find((x) => x.documentId === doc.id && x.start === a.start && x.annotator === a.annotator);
      expect(b, `${a.quote} by ${a.annotator}`).toBeDefined();
      expect(b).toMatchObject({ start: a.start, end: a.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix });
      expect(b?.coderId).toBe(a.coderId);
      expect(codeNames(after, b?.codes ?? [])).toEqual(codeNames(before, a.codes));
      // the code's own id comes back (its GUID is derived from it)
      expect([...(b?.codes ?? [])].sort()).toEqual([...a.codes].sort());
      const text = (await fresh.call<{ text: string }>('documents.get', { id: doc.id })).text;
      expect([...text].slice(b?.start, b?.end).join('')).toBe(a.quote);
    }
    expect(fresh.store.data.coders).toContainEqual({ id: 'c_omar01', name: 'Omar' });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const { p, annotations } = await sampleProject();
    const out = await p.call<Export>('export.qdpx', {});
    const fresh = await project('Fresh');
    await fresh.call('import.qdpx', { fileName: out.fileName, data: out.data });
    const codes = fresh.store.data.codebook.codes.length;
    const again = await fresh.call<QdpxImportReport>('import.qdpx', { fileName: out.fileName, data: out.data });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: annotations.length, createdCodes: [] });
    expect(again.documents.map((d) => d.status)).toEqual(['existing', 'existing']);
    expect(await fresh.call<DocumentSummary[]>('documents.list', {})).toHaveLength(2);
    expect(fresh.store.data.codebook.codes).toHaveLength(codes);
  });

  it('merges into the project it came from without duplicating anything', async () => {
    const { p, annotations } = await sampleProject();
    const out = await p.call<Export>('export.qdpx', {});
    const report = await p.call<QdpxImportReport>('import.qdpx', { fileName: out.fileName, data: out.data });
    expect(report).toMatchObject({ imported: 0, alreadyPresent: annotations.length, createdCodes: [] });
  });
});
