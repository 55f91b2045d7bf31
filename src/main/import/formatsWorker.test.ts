/**
 * PDF, MHTML and RTF are read in the import worker (built on the fly, as electron-vite builds it),
 * under its time and memory caps, with the same results and refusals as in this thread.
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportWorker, type BuiltWorker } from '../../../test/fixtures/import/buildWorker';
import { makePdf, rtlItems } from '../../../test/fixtures/import/pdf';
import { importFile } from '.';
import { parseDocument, type ParsedFormat } from './parse';
import { closeReaderWorker, configureReaderWorker, type ReaderWorkerSettings } from './readerWorker';

const P = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس.';
const started: ParsedFormat[] = [];
let built: BuiltWorker;
let original: ReaderWorkerSettings;

beforeAll(async () => {
  built = await buildImportWorker();
  original = await configureReaderWorker({ script: built.script, onStart: ({ format }) => started.push(format) });
}, 120_000);

afterAll(async () => {
  await closeReaderWorker();
  await configureReaderWorker(original);
  await built.remove();
});

// page 1: a justified line and a short last line; page 2: a new paragraph
const pdf = makePdf(
  [
    {
      items: rtlItems([
        { text: P, y: 700, justify: true },
        { text: 'وقال إن الأطراف وافقت.', y: 685 },
      ]),
    },
    { items: rtlItems([{ text: 'فقرة ثانية.', y: 700 }]) },
  ],
  { compress: true },
);
const rtf = Buffer.from(
  `{\\rtf1\\ansi\\ansicpg1256{\\fonttbl{\\f0\\fcharset178 Arial;}}\\f0\\rtlpar \\'e5\\'cf\\'e4\\'c9\\par \\u1606?\\u1589?\\par}`,
  'latin1',
);
const html = Buffer.from(`<html><body><article><p>${P}</p></article></body></html>`, 'utf8').toString('base64');
const mhtml = Buffer.from(
  [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="b"',
    '',
    '--b',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    html,
    '--b--',
    '',
  ].join('\r\n'),
  'latin1',
);

describe('the new formats in the import worker', () => {
  it('read as they do in this thread', async () => {
    started.length = 0;
    expect(await importFile('a.pdf', pdf)).toEqual(await parseDocument('pdf', pdf));
    expect((await importFile('a.pdf', pdf)).text).toBe(`${P} وقال إن الأطراف وافقت.\nفقرة ثانية.`);
    expect(await importFile('a.rtf', rtf)).toEqual(await parseDocument('rtf', rtf));
    expect((await importFile('a.rtf', rtf)).text).toBe('هدنة\nنص');
    expect(await importFile('a.mhtml', mhtml)).toEqual(await parseDocument('mhtml', mhtml));
    expect(started).toEqual(['pdf', 'pdf', 'rtf', 'rtf', 'mhtml']);
  });

  it('refuse hostile files with their sentence, and the worker reads the next file', async () => {
    const scan = makePdf([{ image: true }]);
    await expect(importFile('scan.pdf', scan)).rejects.toThrow(/“scan.pdf”.*no text layer/);
    const bomb = makePdf([{ items: [{ text: 'x', x: 80, y: 700 }] }]);
    const huge = deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20));
    const bombed = Buffer.concat([
      bomb.subarray(0, bomb.indexOf('xref')),
      Buffer.from(`50 0 obj\n<< /Filter /FlateDecode /Length ${huge.length} >>\nstream\n`, 'latin1'),
      huge,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    await expect(importFile('bomb.pdf', bombed)).rejects.toThrow(/“bomb.pdf”.*not safe to read/);
    const deep = Buffer.from(`{\\rtf1 ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}`, 'latin1');
    await expect(importFile('deep.rtf', deep)).rejects.toThrow(/“deep.rtf”.*nested more than/);
    expect((await importFile('a.rtf', rtf)).text).toBe('هدنة\nنص');
  });
});
