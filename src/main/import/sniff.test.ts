import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../../test/fixtures/import/docx';
import { CFB_MAGIC, detectFormat, looksBinary } from './sniff';

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
    expect(detectFormat('page.txt', Buffer.from('\uFEFF  <!DOCTYPE html><html><body><p>x</p></body></html>'))).toBe('html');
    expect(detectFormat('page.htm', Buffer.from('<p>نص</p>'))).toBe('html');
    expect(detectFormat('notes.TXT', makeDocx([{ text: 'x' }]))).toBe('docx');
    expect(detectFormat('Report.DOCX', makeDocx([{ text: 'x' }]))).toBe('docx');
    expect(detectFormat('a.txt', Buffer.from('a < b and c > d'))).toBe('text');
  });

  it('names what a binary file is', () => {
    expect(refusal('scan.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/“scan.txt” is a JPEG image/);
    expect(refusal('paper.txt', Buffer.from('%PDF-1.7\n%âãÏÓ'))).toMatch(/PDF document/);
    expect(refusal('a.txt', Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(16)]))).toMatch(/old Office file/);
    expect(refusal('fake.docx', Buffer.from('plain words'))).toMatch(/not a valid Word document/);
    expect(refusal('x.pdf', Buffer.from('%PDF-1.7'))).toMatch(/extension \.pdf/);
  });

  it('treats NULs or many control bytes as binary, but not UTF-16 with a BOM', () => {
    expect(looksBinary(Buffer.from('A\u0000B', 'latin1'))).toBe(true);
    expect(looksBinary(Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(3), 'latin1'))).toBe(true);
    expect(looksBinary(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
    expect(looksBinary(Buffer.from('ordinary\ttext\r\nlines\f'))).toBe(false);
  });
});
