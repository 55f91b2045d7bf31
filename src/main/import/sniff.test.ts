import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../../test/fixtures/import/docx';
import { makeZip } from '../../../test/fixtures/import/zip';
import { importFile } from '.';
import { guessUtf16 } from './decode';
import { CFB_MAGIC, detectFormat, looksBinary } from './sniff';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

/** Deterministic pseudo-random bytes (xorshift32), so a failure can be reproduced. */
function randomBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const refusal = (fileName: string, bytes: Uint8Array) => {
  try {
    detectFormat(fileName, bytes);
  } catch (err) {
    return (err as Error).message;
  }
  return null;
};

describe('detectFormat', () => {
  it('reads by content as well as by name', () => {
    expect(detectFormat('a.txt', Buffer.from('نص عادي'))).toBe('text');
    expect(detectFormat('a', Buffer.from('نص عادي'))).toBe('text');
    expect(detectFormat('page.txt', Buffer.from('\uFEFF  <!DOCTYPE html><html><body><p>x</p></body></html>'))).toBe(
      'html',
    );
    expect(detectFormat('page.htm', Buffer.from('<p>نص</p>'))).toBe('html');
    expect(detectFormat('notes.TXT', makeDocx([{ text: 'x' }]))).toBe('docx');
    expect(detectFormat('Report.DOCX', makeDocx([{ text: 'x' }]))).toBe('docx');
    expect(detectFormat('a.txt', Buffer.from('a < b and c > d'))).toBe('text');
    expect(detectFormat('paper.txt', Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
    expect(detectFormat('x.pdf', Buffer.from('junk\n%PDF-1.7'))).toBe('pdf');
    expect(detectFormat('letter.txt', Buffer.from('{\\rtf1\\ansi x}'))).toBe('rtf');
    expect(
      detectFormat(
        'page.mht',
        Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b'),
      ),
    ).toBe('mhtml');
  });

  it('names what a binary file is', () => {
    expect(refusal('scan.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/“scan.txt” is a JPEG image/);
    expect(refusal('a.txt', Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(16)]))).toMatch(/old Office file/);
    expect(refusal('fake.docx', Buffer.from('plain words'))).toMatch(/not a valid Word document/);
    expect(refusal('x.pdf', Buffer.from('plain words'))).toMatch(/not a valid PDF/);
    expect(refusal('x.odt', Buffer.from('plain words'))).toMatch(/extension \.odt/);
  });

  it('treats a file of many control bytes as binary, but not one NUL, NUL padding or UTF-16 with a BOM', () => {
    expect(looksBinary(Buffer.from('\u0000\u0000\u0000\u0000A\u0000\u0000\u0000\u0000\u0000B', 'latin1'))).toBe(true);
    expect(looksBinary(Buffer.alloc(64))).toBe(true);
    expect(looksBinary(Buffer.from('one stray NUL\u0000 in text', 'latin1'))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.from('plain words\n'), Buffer.alloc(500)]))).toBe(false);
    expect(
      looksBinary(Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(3), 'latin1')),
    ).toBe(true);
    expect(looksBinary(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
    expect(looksBinary(Buffer.from('ordinary\ttext\r\nlines\f'))).toBe(false);
  });
});

describe('UTF-16 without a BOM', () => {
  it('is text, not binary, in either byte order', () => {
    for (const order of ['le', 'be'] as const) {
      expect(detectFormat('a.txt', utf16('خبر عاجل من طرابلس\r\n', order))).toBe('text');
      expect(detectFormat('a.txt', utf16('Breaking news from Tripoli\r\n', order))).toBe('text');
      expect(detectFormat('page.txt', utf16('<!doctype html><html><body><p>نص</p></body></html>', order))).toBe('html');
    }
    expect(detectFormat('libya.txt', fixture('libya.utf16le.txt'))).toBe('text');
    expect(detectFormat('libya.txt', fixture('libya.utf16be.txt'))).toBe('text');
  });

  it('is not guessed for an odd length, unpaired surrogates, controls or UTF-32', () => {
    const arabic = utf16('خبر عاجل', 'le');
    expect(guessUtf16(arabic)).toBe('utf-16le');
    expect(guessUtf16(arabic.subarray(1))).toBeNull();
    expect(guessUtf16(Buffer.concat([arabic, Buffer.from([0x00, 0xd8]), arabic]))).toBeNull();
    expect(guessUtf16(Buffer.concat([arabic, Buffer.from([0x07, 0x00])]))).toBeNull();
    const utf32 = Buffer.alloc(4 * 5);
    [...'hello'].forEach((ch, i) => utf32.writeUInt32LE(ch.codePointAt(0) ?? 0, i * 4));
    expect(looksBinary(utf32)).toBe(true);
  });
});

describe('binary files renamed .txt are still refused', () => {
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    randomBytes(7, 4096),
  ]);
  const JPEG = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    randomBytes(8, 4096),
  ]);

  it.each([
    ['a PNG image', 'photo.txt', PNG, /PNG image/],
    ['a JPEG image', 'scan.txt', JPEG, /JPEG image/],
  ])('%s', async (_what, name, bytes, message) => {
    expect(guessUtf16(bytes)).toBeNull();
    await expect(importFile(name, bytes)).rejects.toMatchObject({ code: 'unsupported', message });
  });

  it('a zip archive is opened as a Word file and refused as not one', async () => {
    const zip = makeZip([{ name: 'photo.jpg', data: randomBytes(10, 2048) }]);
    await expect(importFile('archive.txt', zip)).rejects.toMatchObject({
      code: 'unprocessable',
      message: /not a Word document/,
    });
  });

  it('an image without its signature, compressed data, a BMP and random bytes of any length', async () => {
    const bmp = Buffer.concat([
      Buffer.from('BM'),
      Buffer.alloc(52),
      Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)),
    ]);
    const samples: Uint8Array[] = [PNG.subarray(8), deflateRawSync(Buffer.from('نص عربي طويل '.repeat(500))), bmp];
    for (let seed = 1; seed <= 300; seed++) samples.push(randomBytes(seed, 2 * (1 + ((seed * 7919) % 3000))));
    for (const [i, bytes] of samples.entries()) {
      expect(guessUtf16(bytes), `sample ${i}`).toBeNull();
      // judged on the whole sample: random data is about 10% control bytes
      if (bytes.length >= 512) expect(looksBinary(bytes), `sample ${i}`).toBe(true);
    }
    expect(samples.filter((b) => b.length >= 512).length).toBeGreaterThan(250);
    await expect(importFile('noise.txt', randomBytes(42, 8192))).rejects.toMatchObject({
      code: 'unsupported',
      message: /binary file/,
    });
  });
});
