/**
 * Imports while blind (issue 17): one rule on the server for import.annotations (W3C),
 * import.qdpx and layers.import. While blind, an import that would bring in another coder's
 * annotations is refused with a clear error and changes nothing (a dry run too: its report shows
 * that work); importing only one's own annotations still works.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openProject, type TestProject } from '../export/project';

const TEXT =
  'قال المشير خليفة حفتر إن قواته مستعدة لوقف إطلاق النار في طرابلس.\nوردّ فايز السراج بأن المحادثات في جنيف يجب أن تستأنف الأسبوع المقبل دون شروط مسبقة من أي طرف.';

let a: TestProject; // Salma, coding blind
let b: TestProject; // Bashir, her colleague
const open: TestProject[] = [];

beforeEach(async () => {
  a = await openProject('Salma’s copy', 'Salma');
  b = await openProject('Bashir’s copy', 'Bashir');
  open.push(a, b);
  const docA = await a.addText(TEXT, 'Haftar');
  const docB = await b.addText(TEXT, 'Haftar');
  await a.annotate(docA.id, TEXT, 'خليفة حفتر');
  await b.annotate(docB.id, TEXT, 'خليفة حفتر');
  await b.annotate(docB.id, TEXT, 'فايز السراج');
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

/** everything a refused import could have changed in a project */
async function state(p: TestProject) {
  const documents = await p.call<DocumentSummary[]>('documents.list', {});
  const annotations: Annotation[] = [];
  for (const d of documents)
    annotations.push(...(await p.call<Annotation[]>('annotations.list', { documentId: d.id })));
  return {
    documents: documents.map((d) => d.id),
    annotations: annotations.map((x) => x.id),
    codes: p.store.data.codebook.codes.map((c) => c.id),
    coders: [...p.store.data.coders],
    registry: p.store.data.registry.entities.length,
  };
}

async function refused(p: TestProject, method: string, input: unknown): Promise<void> {
  const before = await state(p);
  await expect(p.call(method, input)).rejects.toMatchObject({
    code: 'forbidden',
    message: expect.stringContaining('Reveal other coders’ work before importing it'),
    details: { reason: 'blind_import' },
  });
  expect(await state(p)).toEqual(before);
}

const blind = (p: TestProject) => p.call('coders.blind', { on: true });

describe('import.annotations (W3C) while blind', () => {
  it('refuses a colleague’s annotations and changes nothing; takes them once revealed', async () => {
    const { json } = await b.call<{ json: string }>('export.annotations', {});
    await blind(a);
    await refused(a, 'import.annotations', { json });
    await a.call('coders.reveal', {});
    expect(await a.call('import.annotations', { json })).toMatchObject({ imported: 2 });
  });
  it('takes back the coder’s own annotations (their own W3C export)', async () => {
    const { json } = await a.call<{ json: string }>('export.annotations', {});
    const [doc] = await a.call<DocumentSummary[]>('documents.list', {});
    const [mine] = await a.call<Annotation[]>('annotations.list', { documentId: doc!.id });
    await a.call('annotations.delete', { id: mine!.id, documentId: doc!.id });
    await blind(a);
    expect(await a.call('import.annotations', { json })).toMatchObject({ imported: 1 });
  });
  it('an own export holding a colleague’s annotations already here goes through: nothing new comes in', async () => {
    const colleague = await b.call<{ json: string }>('export.annotations', {});
    await a.call('import.annotations', { json: colleague.json });
    const { json } = await a.call<{ json: string }>('export.annotations', {});
    await blind(a);
    expect(await a.call('import.annotations', { json })).toMatchObject({ imported: 0, alreadyPresent: 3 });
  });
});

describe('import.qdpx while blind', () => {
  it('refuses a project with a colleague’s codings, dry run or not, and changes nothing', async () => {
    const { data } = await b.call<{ data: string }>('export.qdpx', {});
    await blind(a);
    await refused(a, 'import.qdpx', { fileName: 'bashir.qdpx', data, dryRun: true });
    await refused(a, 'import.qdpx', { fileName: 'bashir.qdpx', data });
  });
  it('takes a project holding only this coder’s own codings', async () => {
    const { data } = await a.call<{ data: string }>('export.qdpx', {});
    // Salma’s second laptop: the same coder id, no documents yet
    const c = await openProject('Salma’s laptop', 'Salma');
    open.push(c);
    await c.call('settings.update', { coderId: a.store.data.settings.coderId });
    await blind(c);
    const report = await c.call<{ documents: unknown[] }>('import.qdpx', { fileName: 'salma.qdpx', data });
    expect(report.documents).toHaveLength(1);
    const [doc] = await c.call<DocumentSummary[]>('documents.list', {});
    expect(await c.call<Annotation[]>('annotations.list', { documentId: doc!.id })).toHaveLength(1);
  });
});

describe('layers.import while blind', () => {
  it('refuses a colleague’s layer, dry run or not, and changes nothing', async () => {
    await blind(a);
    const source = { kind: 'folder', path: `${b.dir}/project` };
    await refused(a, 'layers.import', { source });
    await refused(a, 'layers.import', { source, dryRun: false });
    await a.call('coders.reveal', {});
    expect(await a.call('layers.import', { source })).toMatchObject({ counts: { added: 2 } });
  });
});
