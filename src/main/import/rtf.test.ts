/**
 * RTF: Arabic written as \uN escapes (with \ucN fallbacks skipped) and as \'hh bytes of
 * Windows-1256 (\ansicpg1256, \fcharset178) comes out as the same text; tables, document
 * information, pictures and \* groups leave nothing behind; \par makes paragraphs. Hostile files
 * are refused or read without harm.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '.';
import { importRtf } from './rtf';

const HEADLINE = 'هدنة في طرابلس';
const P1 = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس يوم 5 أبريل 2019.';
const P2 = 'وأكد المتحدث باسم الحكومة أن المفاوضات ستبدأ في جنيف (رويترز).';

/** \uN for every non-ASCII character, each followed by `fallback` (the \ucN characters a reader without Unicode shows). */
function uEscapes(text: string, fallback = '?'): string {
  return [...text]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) return ch === '\\' || ch === '{' || ch === '}' ? `\\${ch}` : ch;
      const n = cp > 0x7fff ? cp - 0x10000 : cp;
      return `\\u${n}${fallback}`;
    })
    .join('');
}

/** \'hh for every byte of the Windows-1256 encoding of the non-ASCII characters. */
function hexEscapes(text: string): string {
  return [...iconv.encode(text, 'windows-1256')]
    .map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`))
    .join('');
}

const header =
  '{\\rtf1\\ansi\\ansicpg1256\\deff0\\deflang1025' +
  '{\\fonttbl{\\f0\\fnil\\fcharset178 Arial;}{\\f1\\fswiss\\fcharset0 Times New Roman{\\*\\panose 02020603050405020304};}}' +
  '{\\colortbl;\\red0\\green0\\blue0;\\red255\\green0\\blue0;}' +
  '{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}' +
  `{\\info{\\title ${uEscapes(HEADLINE)}}{\\author Reporter}{\\creatim\\yr2019\\mo4\\dy5}}` +
  '{\\*\\generator Riched20 10.0.19041;}\\viewkind4\\uc1\n';

describe('RTF', () => {
  it("reads Arabic from \\u escapes and from \\'hh Windows-1256 bytes alike, in paragraphs", async () => {
    const rtf =
      header +
      `\\pard\\rtlpar\\qr\\f0\\fs32\\b ${hexEscapes(HEADLINE)}\\b0\\par\n` +
      `\\pard\\rtlpar\\rtlch\\f0\\fs24 ${uEscapes(P1, "\\'3f")}\\par\n` +
      `{\\pict\\pngblip\\picw10\\pich10 89504e470d0a1a0a}` +
      `\\pard\\rtlpar ${hexEscapes(P2.slice(0, 20))}{\\i ${uEscapes(P2.slice(20))}}\\par\n}`;
    expect(rtf).toMatch(/\\'e5\\'cf\\'e4\\'c9/);
    expect(rtf).toContain('\\u1607?');
    const result = await importFile('article.rtf', Buffer.from(rtf, 'latin1'));
    expect(result.text).toBe([HEADLINE, P1, P2].join('\n'));
    expect(result.title).toBe(HEADLINE);
  });

  it("skips \\ucN fallbacks and hidden text; reads bytes in the font's code page, or in Word's right-to-left run font", async () => {
    const rtf =
      '{\\rtf1\\ansi{\\fonttbl{\\f0\\fcharset178 Arial;}}\\f0\\uc2 ' +
      `\\u1583\\'c3\\'c3\\u1593 xx ${"\\'e5\\'cf\\'e4\\'c9"}\\par\\uc0 \\u1575\\u1604\\par}`;
    expect(importRtf(Buffer.from(rtf, 'latin1')).text).toBe('دع هدنة\nال');
    // Word's runs: a Latin font for left-to-right text, an Arabic one (\\af) for right-to-left runs
    const word =
      '{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\froman\\fcharset0 Times;}{\\f1\\fswiss\\fcharset178 Arial;}}' +
      "\\pard\\rtlpar {\\rtlch\\fcs1\\af1\\f0 \\'e5\\'cf\\'e4\\'c9}{\\ltrch\\f0  caf\\'e9}\\par}";
    expect(importRtf(Buffer.from(word, 'latin1')).text).toBe('هدنة café');
    const hidden =
      "{\\rtf1\\ansi\\ansicpg1256 \\'e4\\'d5{\\v  PAGEREF _Toc1}\\v  hidden\\v0  \\'e5\\'cf\\'e4\\'c9\\par}";
    expect(importRtf(Buffer.from(hidden, 'latin1')).text).toBe('نص هدنة');
  });

  it('is recognised by its content under another name, and keeps field results but not instructions', async () => {
    const rtf = `{\\rtf1\\ansi\\ansicpg1256 {\\field{\\*\\fldinst HYPERLINK "http://x.example"}{\\fldrslt ${hexEscapes('رابط')}}} \\'e4\\'d5\\par}`;
    expect((await importFile('article.txt', Buffer.from(rtf, 'latin1'))).text).toBe('رابط نص');
    const shape = `{\\rtf1\\ansi {\\shp{\\shpinst{\\sp{\\sn fillColor}{\\sv 255}}{\\shptxt ${uEscapes('مربع نص')}}}}\\par}`;
    expect(importRtf(Buffer.from(shape, 'latin1')).text).toBe('مربع نص');
  });

  it('refuses a document with no text, and groups nested 100,000 deep, with a sentence', async () => {
    await expect(importFile('empty.rtf', Buffer.from(`${header}\\par\\par}`, 'latin1'))).rejects.toThrow(
      /“empty.rtf”.*RTF document has no text/,
    );
    const deep = Buffer.from(`{\\rtf1 ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}`, 'latin1');
    await expect(importFile('deep.rtf', deep)).rejects.toThrow(/“deep.rtf”.*nested more than 10,000 groups deep/);
  });

  it('reads a truncated document up to where it stops, and a large one', async () => {
    const rtf = `${header}\\pard ${uEscapes(P1)}\\par ${uEscapes(P2)}`;
    // cut before the escape of the last letter (ز) of "(رويترز)."
    const cut = rtf.slice(0, rtf.lastIndexOf('\\u'));
    expect((await importFile('cut.rtf', Buffer.from(cut, 'latin1'))).text).toBe(`${P1}\n${P2.slice(0, -3)}`);
    const big = `${header}${`\\pard ${hexEscapes(P1)}\\par\n`.repeat(20_000)}}`;
    expect((await importFile('big.rtf', Buffer.from(big, 'latin1'))).text.split('\n')).toHaveLength(20_000);
  });
});
