/**
 * import.qdpx of files Hashiya did not write (issue #17, REFI-QDA): a project as QualCoder
 * exports it (test/fixtures/qdpx/qualcoder: UTF-8 text with a BOM, blank lines between
 * paragraphs, one PlainTextSelection per coding, users by name) comes in as a document, its code
 * tree and each user's layer; hostile or wrong archives get a clear 4xx and change nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QdpxImportReport } from '@shared/api/qdpx';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openProject, type TestProject } from '../export/project';
import { qdpx, qualCoderFixture, schemaErrors } from './qdpxHelpers';

vi.setConfig({ testTimeout: 60_000 });

const open: TestProject[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});
async function project(): Promise<TestProject> {
  const p = await openProject('Fresh', 'Nadia');
  open.push(p);
  return p;
}

const TEXT = [
  'أعلن المبعوث الأممي غسان سلامة اقتراح هدنة إنسانية في طرابلس 🕊️ خلال عيد الفطر.',
  'وقال إن الهدنة يجب أن تشمل وقف إطلاق النار على كل الجبهات.',
  'The UN envoy called for an arms embargo to be respected.',
].join('\n');

describe('import.qdpx of a QualCoder project', () => {
  it('is a valid REFI-QDA project (the fixture follows the schema)', async () => {
    const qde = qualCoderFixture()['project.qde']?.toString('utf8') ?? '';
    expect(await schemaErrors(qde)).toEqual([]);
  });

  it('brings in the text, the code tree and each user’s codings as that coder’s layer', async () => {
    const p = await project();
    const data = qdpx(qualCoderFixture());
    const dry = await p.call<QdpxImportReport>('import.qdpx', { fileName: 'truce.qdpx', data, dryRun: true });
    expect(await p.call('documents.list', {})).toEqual([]);
    const report = await p.call<QdpxImportReport>('import.qdpx', { fileName: 'truce.qdpx', data });
    expect({ ...dry, dryRun: false, documents: dry.documents.map((d) => ({ ...d, documentId: null })) }).toEqual({
      ...report,
      documents: report.documents.map((d) => ({ ...d, documentId: null })),
    });
    expect(report).toMatchObject({ project: 'Libya truce (QualCoder)', imported: 4, alreadyPresent: 0 });
    // the blank lines between paragraphs are gone from the canonical text: the two spans after one were found again
    expect(report.reanchored).toBe(2);
    expect(report.skipped).toEqual([{ kind: 'picture', name: 'map.png' }]);
    expect(report.orphans).toEqual([
      expect.objectContaining({ id: '5e1e0000-0000-4000-8000-000000000005', reason: 'out_of_range' }),
    ]);
    expect(report.orphans[0]?.message).toMatch(/not within the text of “salame-truce\.txt” \(198 characters\)/);
    expect(report.coders).toEqual([
      { name: 'omar', coderId: null, annotations: 2 },
      { name: 'lina', coderId: null, annotations: 2 },
    ]);

    const [doc] = await p.call<DocumentSummary[]>('documents.list', {});
    expect(doc?.title).toBe('salame-truce.txt');
    const text = (await p.call<{ text: string }>('documents.get', { id: doc?.id ?? '' })).text;
    expect(text).toBe(TEXT);

    // the code tree: Humanitarian truce under Truce, colours kept (#5BE written short)
    const codes = p.store.data.codebook.codes;
    const truce = codes.find((c) => c.name === 'Truce');
    const humanitarian = codes.find((c) => c.name === 'Humanitarian truce');
    expect(truce).toMatchObject({ color: '#E69F00', description: 'A call for a pause in fighting', parentId: null });
    expect(humanitarian).toMatchObject({ color: '#55BBEE', parentId: truce?.id });
    const embargo = codes.find((c) => c.name === 'Arms embargo');

    const annotations = await p.call<Annotation[]>('annotations.list', { documentId: doc?.id ?? '' });
    const span = (quote: string) => {
      const start = [...text.slice(0, text.indexOf(quote))].length;
      return { start, end: start + [...quote].length, quote };
    };
    const got = annotations.map((a) => ({
      start: a.start,
      end: a.end,
      quote: a.quote,
      codes: a.codes,
      by: a.annotator,
    }));
    expect(got).toEqual(
      expect.arrayContaining([
        { ...span('اقتراح هدنة إنسانية في طرابلس 🕊️'), codes: [humanitarian?.id], by: 'omar' },
        { ...span('اقتراح هدنة إنسانية في طرابلس 🕊️'), codes: [truce?.id], by: 'lina' },
        { ...span('وقف إطلاق النار على كل الجبهات'), codes: [truce?.id], by: 'omar' },
        { ...span('arms embargo'), codes: [embargo?.id], by: 'lina' },
      ]),
    );
    expect(got).toHaveLength(4);
  });

  it('reads the file from a path on this computer, and only a .qdpx file given by its full path', async () => {
    const p = await project();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-qdpx-'));
    try {
      const file = path.join(dir, 'truce.qdpx');
      await writeFile(file, Buffer.from(qdpx(qualCoderFixture()), 'base64'));
      const report = await p.call<QdpxImportReport>('import.qdpx', {
        fileName: 'truce.qdpx',
        path: file,
        dryRun: true,
      });
      expect(report.imported).toBe(4);
      await writeFile(path.join(dir, 'notes.txt'), 'x');
      for (const [bad, code] of [
        [path.join(dir, 'notes.txt'), 'invalid_input'],
        ['truce.qdpx', 'invalid_input'],
        [path.join(dir, 'missing.qdpx'), 'not_found'],
      ] as const)
        await expect(p.call('import.qdpx', { fileName: 'x.qdpx', path: bad })).rejects.toMatchObject({ code });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('changes nothing the second time', async () => {
    const p = await project();
    const data = qdpx(qualCoderFixture());
    await p.call('import.qdpx', { fileName: 'truce.qdpx', data });
    const codes = p.store.data.codebook.codes.length;
    const again = await p.call<QdpxImportReport>('import.qdpx', { fileName: 'truce.qdpx', data });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 4, createdCodes: [] });
    expect(await p.call<DocumentSummary[]>('documents.list', {})).toHaveLength(1);
    expect(p.store.data.codebook.codes).toHaveLength(codes);
  });
});

describe('import.qdpx of other programs’ sources', () => {
  it('reads a PDF’s plain-text representation and a Word source’s plain text, and inline text', async () => {
    const p = await project();
    const guid = (n: number) => `0a0a0a0a-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const code = guid(99);
    const selection = (n: number, start: number, end: number) =>
      `<PlainTextSelection guid="${guid(n)}" startPosition="${start}" endPosition="${end}"><Coding guid="${guid(n + 50)}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;
    const qde =
      `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="mixed">` +
      `<CodeBook><Codes><Code guid="${code}" name="Embargo" isCodable="true"/></Codes></CodeBook><Sources>` +
      `<TextSource guid="${guid(1)}" name="report.docx" richTextPath="internal://${guid(1)}.docx" plainTextPath="internal://${guid(1)}.txt">${selection(11, 0, 3)}</TextSource>` +
      `<PDFSource guid="${guid(2)}" name="un.pdf" path="internal://${guid(2)}.pdf"><Representation guid="${guid(3)}" plainTextPath="internal://${guid(3)}.txt">${selection(12, 5, 9)}</Representation></PDFSource>` +
      `<TextSource guid="${guid(4)}" name="inline"><PlainTextContent>حظر الأسلحة</PlainTextContent>${selection(13, 0, 3)}</TextSource>` +
      `</Sources></Project>`;
    expect(await schemaErrors(qde)).toEqual([]);
    const report = await p.call<QdpxImportReport>('import.qdpx', {
      fileName: 'mixed.qdpx',
      data: qdpx({
        'project.qde': qde,
        [`sources/${guid(1)}.docx`]: 'PK not read',
        [`sources/${guid(1)}.txt`]: 'حظر السلاح على ليبيا',
        [`sources/${guid(2)}.pdf`]: '%PDF not read',
        [`sources/${guid(3)}.txt`]: 'قرار مجلس الأمن 1970',
      }),
    });
    expect(report).toMatchObject({ imported: 3, orphans: [], skipped: [] });
    const quotes: string[] = [];
    for (const d of await p.call<DocumentSummary[]>('documents.list', {}))
      for (const a of await p.call<Annotation[]>('annotations.list', { documentId: d.id })) quotes.push(a.quote);
    expect(quotes.sort()).toEqual(['حظر', 'حظر', 'مجلس'].sort());
  });
});

const SOURCE = 'sources/0d0d0d0d-0000-4000-8000-000000000001.txt';
const minimalQde = (extra = '') =>
  `<?xml version="1.0" encoding="utf-8"?>${extra}<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>` +
  `<TextSource guid="0d0d0d0d-0000-4000-8000-000000000001" name="a" plainTextPath="internal://0d0d0d0d-0000-4000-8000-000000000001.txt"/>` +
  `</Sources></Project>`;

describe('import.qdpx refuses what it must not read, and writes nothing', () => {
  const refused = async (data: string | undefined, pattern: RegExp, code = 'unprocessable') => {
    const p = await project();
    const codes = p.store.data.codebook.codes.length;
    const error = await p.call('import.qdpx', { fileName: 'x.qdpx', ...(data !== undefined ? { data } : {}) }).then(
      () => null,
      (e: unknown) => e as { code: string; status: number; message: string },
    );
    expect(error).toMatchObject({ code });
    expect(error?.status).toBeGreaterThanOrEqual(400);
    expect(error?.status).toBeLessThan(500);
    expect(error?.message).toMatch(pattern);
    expect(await p.call('documents.list', {})).toEqual([]);
    expect(p.store.data.codebook.codes).toHaveLength(codes);
  };

  it('a project.qde with a DOCTYPE (entities: billion laughs, XXE)', async () => {
    const doctype =
      '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
    await refused(qdpx({ 'project.qde': minimalQde(doctype), [SOURCE]: 'نص' }), /DOCTYPE/);
  });

  it('an archive with a path outside it', async () => {
    await refused(
      qdpx({ 'project.qde': minimalQde(), [SOURCE]: 'نص', '../../evil.txt': 'x' }),
      /path outside the archive/,
    );
  });

  it('a zip bomb', async () => {
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    expect(deflateRawSync(zeros).length * 100).toBeLessThan(zeros.length);
    await refused(qdpx({ 'project.qde': minimalQde(), [SOURCE]: zeros }), /zip bomb/);
  });

  it('XML that is not a REFI-QDA project, broken XML, no project.qde, or no zip at all', async () => {
    await refused(qdpx({ 'project.qde': '<html><body>hi</body></html>', [SOURCE]: 'x' }), /no <Project> element/);
    await refused(qdpx({ 'project.qde': '<Project name="p"><Sources></Project>', [SOURCE]: 'x' }), /not well-formed/);
    await refused(qdpx({ 'readme.txt': 'x' }), /no project\.qde/);
    await refused(Buffer.from('just text').toString('base64'), /not a REFI-QDA project/);
  });

  it('neither data nor path', async () => {
    await refused(undefined, /base64 data or name its path/, 'invalid_input');
  });
});
