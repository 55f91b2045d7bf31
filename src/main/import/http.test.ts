/**
 * Import through the real browser-mode HTTP server over a temporary project: every refusal is a
 * 4xx JSON error whose sentence names the problem, and the project is exactly as it was after it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxEntries, makeDocx } from '../../../test/fixtures/import/docx';
import { makeZip } from '../../../test/fixtures/import/zip';
import type { DocumentSummary } from '@shared/model';
import { openProject, type OpenedProject } from '../app';
import { startWebServer, type WebServer } from '../server/http';
import { CFB_MAGIC } from './sniff';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const TOKEN = 'test-token-import';

let dir: string;
let project: OpenedProject;
let web: WebServer;

interface Answer {
  status: number;
  body: { error?: { code: string; message: string; details?: { duplicateOf?: string } } } & Record<string, unknown>;
}

async function call(method: string, input: unknown): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const list = async () => (await call('documents.list', {})).body as unknown as DocumentSummary[];
const importBytes = (fileName: string, bytes: Uint8Array, allowDuplicate?: boolean) =>
  call('documents.import', {
    fileName,
    data: Buffer.from(bytes).toString('base64'),
    ...(allowDuplicate ? { allowDuplicate } : {}),
  });
const documentFiles = async () => (await readdir(path.join(dir, 'documents'))).sort();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-import-'));
  project = await openProject(dir, path.join(ROOT, 'resources'));
  web = await startWebServer({ services: project.services, token: TOKEN, rendererDir: dir });
});

afterAll(async () => {
  await web.close();
  await project.store.close();
  await rm(dir, { recursive: true, force: true });
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(64, 7),
]);
const P = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس.';

const refusals: { what: string; fileName: string; bytes: () => Buffer; status: number; message: RegExp }[] = [
  {
    what: 'an empty file',
    fileName: 'empty.txt',
    bytes: () => Buffer.alloc(0),
    status: 422,
    message: /“empty.txt” is empty/,
  },
  {
    what: 'a file of blank lines',
    fileName: 'blank.txt',
    bytes: () => Buffer.from(' \r\n\t\n   \n'),
    status: 422,
    message: /empty/,
  },
  {
    what: 'a PNG image renamed .txt',
    fileName: 'photo.txt',
    bytes: () => PNG,
    status: 415,
    message: /“photo.txt” is a PNG image, not text/,
  },
  {
    what: 'a binary file',
    fileName: 'data.txt',
    bytes: () => Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0xff]),
    status: 415,
    message: /binary file/,
  },
  {
    what: 'text that says UTF-8 but is not',
    fileName: 'broken.txt',
    bytes: () => Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28, 0x42]),
    status: 422,
    message: /not valid UTF-8/,
  },
  {
    what: 'UTF-16 cut in half',
    fileName: 'cut.txt',
    bytes: () => Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]),
    status: 422,
    message: /UTF-16.*cut off/,
  },
  {
    what: 'UTF-16 without a BOM that turns invalid after the part its encoding is guessed from',
    fileName: 'broken16.txt',
    bytes: () =>
      Buffer.concat([
        Buffer.from(`${P}\n`.repeat(700), 'utf16le'),
        Buffer.from([0x00, 0xd8]),
        Buffer.from(P, 'utf16le'),
      ]),
    status: 422,
    message: /“broken16.txt”.*looks like UTF-16 without a byte order mark but contains invalid characters/,
  },
  {
    what: 'a file over the size limit',
    fileName: 'huge.txt',
    bytes: () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x61),
    status: 413,
    message: /“huge.txt” is 20\.0 MB, more than the 20 MB/,
  },
  {
    what: 'a damaged Word file',
    fileName: 'damaged.docx',
    bytes: () => {
      const good = makeDocx([{ text: P, rtl: true }]);
      return good.subarray(0, good.length - 40);
    },
    status: 422,
    message: /“damaged.docx”.*damaged/,
  },
  {
    what: 'an encrypted Word file',
    fileName: 'secret.docx',
    bytes: () => Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(2048)]),
    status: 422,
    message: /password/,
  },
  {
    what: 'a zip bomb',
    fileName: 'bomb.docx',
    bytes: () =>
      makeZip([
        ...docxEntries([{ text: P }]),
        {
          name: 'word/media/x.bin',
          compressed: deflateRawSync(Buffer.alloc(64 * 1024 * 1024)),
          declaredUncompressed: 64 * 1024 * 1024,
        },
      ]),
    status: 422,
    message: /zip bomb/,
  },
  {
    what: 'an unknown extension',
    fileName: 'slides.key',
    bytes: () => Buffer.from('hello'),
    status: 415,
    message: /extension \.key.*cannot import/,
  },
  {
    what: 'an old .doc',
    fileName: 'old.doc',
    bytes: () => Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(512)]),
    status: 415,
    message: /save it as \.docx/,
  },
];

describe('refusals through the HTTP API', () => {
  for (const refusal of refusals) {
    it(`refuses ${refusal.what} with ${refusal.status} and changes nothing`, async () => {
      const before = await list();
      const filesBefore = await documentFiles();
      const projectBefore = await readFile(path.join(dir, 'project.json'), 'utf8');
      const answer = await importBytes(refusal.fileName, refusal.bytes());
      expect(answer.status).toBe(refusal.status);
      expect(answer.body.error?.message).toMatch(refusal.message);
      expect(answer.body.error?.message).not.toMatch(/Error:|at .*\.ts|\/tmp\//);
      expect(await list()).toEqual(before);
      expect(await documentFiles()).toEqual(filesBefore);
      expect(await readFile(path.join(dir, 'project.json'), 'utf8')).toBe(projectBefore);
    });
  }

  it('refuses data that is not base64 as invalid input', async () => {
    const before = await list();
    const answer = await call('documents.import', { fileName: 'a.txt', data: '!!not base64!!' });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toMatch(/documents\.import.*data/);
    expect(await list()).toEqual(before);
  });
});

describe('imports through the HTTP API', () => {
  it('refuses the same canonical text again with 409 naming the existing document, and imports it on request', async () => {
    const [sample] = await list();
    expect(sample).toBeDefined();
    const before = await list();
    // the sample article is already in the project; the Windows-1256 copy has the same canonical text
    const again = await importBytes('libya.txt', await readFile(path.join(FIXTURES, 'libya.windows-1256-crlf.txt')));
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toContain(`“${sample?.title}”`);
    expect(again.body.error?.details?.duplicateOf).toBe(sample?.id);
    expect(await list()).toEqual(before);

    const anyway = await importBytes(
      'libya.txt',
      await readFile(path.join(FIXTURES, 'libya.windows-1256-crlf.txt')),
      true,
    );
    expect(anyway.status).toBe(200);
    const warnings = anyway.body.warnings as { code: string; message: string }[];
    expect(warnings.map((w) => w.code)).toEqual(['encoding_windows_1256', 'duplicate']);
    expect(warnings[1]?.message).toContain(sample?.title ?? '???');
    expect(await list()).toHaveLength(before.length + 1);
    const copy = anyway.body.document as DocumentSummary;
    expect(copy.sha256).toBe(sample?.sha256);

    // UTF-16 without a BOM, guessed from its content, is the same text again
    const guessed = await importBytes('libya16.txt', await readFile(path.join(FIXTURES, 'libya.utf16be.txt')), true);
    expect(guessed.status).toBe(200);
    expect((guessed.body.warnings as { code: string }[]).map((w) => w.code)).toEqual(['encoding_guessed', 'duplicate']);
    expect((guessed.body.document as DocumentSummary).sha256).toBe(sample?.sha256);

    const pasted = await call('documents.importText', {
      text: (await readFile(path.join(FIXTURES, 'libya.utf8.txt'), 'utf8')).replace(/\n/g, '\r\n'),
    });
    expect(pasted.status).toBe(409);
  });

  it('imports a web page with its metadata, detects direction and language, and lets the metadata be edited', async () => {
    const answer = await importBytes('article.html', await readFile(path.join(FIXTURES, 'article.html')));
    expect(answer.status).toBe(200);
    const doc = answer.body.document as DocumentSummary;
    expect(doc).toMatchObject({
      title: 'مجلس الأمن يبحث وقف إطلاق النار في ليبيا',
      direction: 'rtl',
      language: 'ar',
      source: 'وكالة الأنباء التجريبية',
      url: 'https://news.example.org/ar/libya/ceasefire-2019?ref=canonical',
      publishedAt: '2019-05-22',
    });

    const patch = {
      title: 'Security Council on Libya',
      source: 'Test agency',
      url: 'https://example.org/x',
      publishedAt: '2019-05-23',
      direction: 'ltr',
      language: 'en',
    };
    const updated = await call('documents.update', { id: doc.id, ...patch });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject(patch);
    const got = await call('documents.get', { id: doc.id });
    expect(got.body).toMatchObject(patch);
    expect((await list()).find((d) => d.id === doc.id)).toMatchObject(patch);
    // the text never changes with the metadata
    expect(got.body.sha256).toBe(doc.sha256);

    const blankTitle = await call('documents.update', { id: doc.id, title: '   ' });
    expect(blankTitle.status).toBe(400);
  });

  it('takes a publication date only as a real ISO date, refusing others with a sentence and changing nothing', async () => {
    const doc = (await list())[0] as DocumentSummary;
    const set = await call('documents.update', { id: doc.id, publishedAt: '2019-05-12' });
    expect(set.status).toBe(200);
    for (const bad of ['2019-13-45', '2019-02-30', '12/05/2019', '15 مايو 2019', '2019-5-12']) {
      const answer = await call('documents.update', { id: doc.id, publishedAt: bad });
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error?.message, bad).toMatch(
        /publishedAt.*A date must be a real day written YYYY-MM-DD, such as 2019-05-22/,
      );
    }
    expect((await list()).find((d) => d.id === doc.id)?.publishedAt).toBe('2019-05-12');
    // a patch without a date leaves the date alone; null clears it
    expect((await call('documents.update', { id: doc.id, title: 'Renamed' })).body).toMatchObject({
      publishedAt: '2019-05-12',
    });
    expect((await call('documents.update', { id: doc.id, publishedAt: null })).body).toMatchObject({
      publishedAt: null,
    });
  });

  it('imports a Word document with its right-to-left paragraphs', async () => {
    const answer = await importBytes(
      'report.docx',
      makeDocx([{ text: P, rtl: true }, { text: 'Second paragraph.' }], { title: 'تقرير' }),
    );
    expect(answer.status).toBe(200);
    const doc = answer.body.document as DocumentSummary;
    expect(doc).toMatchObject({ title: 'تقرير', direction: 'rtl', language: 'ar' });
    expect((await call('documents.get', { id: doc.id })).body.text).toBe(`${P}\nSecond paragraph.`);
  });

  it('imports the hostile page as plain article text', async () => {
    const answer = await importBytes('hostile.html', await readFile(path.join(FIXTURES, 'hostile.html')));
    expect(answer.status).toBe(200);
    const text = (await call('documents.get', { id: (answer.body.document as DocumentSummary).id })).body
      .text as string;
    expect(text).toContain('هدنة إنسانية في طرابلس');
    expect(text).not.toMatch(/PWNED|javascript|attacker|<|>/);
  });

  it('keeps bidi controls with a counted warning, and reports NFC normalisation, for pasted text', async () => {
    const answer = await call('documents.importText', {
      text: 'قال \u202Bالوزير\u202C إن الهدنة\u2067 صامدة\u2069.\nCafe\u0301',
      title: 'Pasted',
    });
    expect(answer.status).toBe(200);
    const warnings = answer.body.warnings as { code: string; count?: number }[];
    expect(warnings.find((w) => w.code === 'bidi_controls')?.count).toBe(4);
    expect(warnings.map((w) => w.code)).toContain('normalized');
    const doc = answer.body.document as DocumentSummary;
    expect(doc.title).toBe('Pasted');
    const text = (await call('documents.get', { id: doc.id })).body.text as string;
    expect(text).toBe('قال \u202Bالوزير\u202C إن الهدنة\u2067 صامدة\u2069.\nCafé');
  });

  it('detects left-to-right English text', async () => {
    const answer = await call('documents.importText', {
      text: 'The UN envoy called for an immediate ceasefire in Tripoli.',
    });
    expect(answer.body.document).toMatchObject({
      direction: 'ltr',
      title: 'The UN envoy called for an immediate ceasefire in Tripoli.',
    });
  });
});
