/**
 * RTF: a small tokenizer that keeps the body text and nothing else. Characters arrive as \uN
 * (Unicode, followed by \ucN fallback characters that are skipped), as \'hh bytes in the code
 * page of the current font (\fcharset178 → Windows-1256) or of the document (\ansicpg1256), or as
 * plain 8-bit bytes. Tables of fonts, colours, styles, lists, document information (but its
 * title), pictures, objects, headers, footers, footnotes, field instructions, hidden text (\v) and
 * every \* group are skipped. \par, \sect, \page, table cells and rows end a paragraph; \line is a space.
 * Right-to-left paragraphs (\rtlpar, \rtlch) hold their text in logical order, so it is kept as
 * written; in right-to-left runs (\rtlch) bytes are read in the code page of the run's own font (\af). Groups are tracked on an explicit stack, so deep nesting cannot exhaust the call stack.
 */
import iconv from 'iconv-lite';
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import { MAX_TITLE_CHARS } from './limits';
import type { ImportedText } from './types';

/** Groups nested deeper than this are refused (real documents stay below a hundred). */
export const MAX_RTF_DEPTH = 10_000;

const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'objdata',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'fldinst',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'pgdsctbl',
  'revtbl',
  'xmlnstbl',
  'filetbl',
  'mmathPr',
  'shppict',
  'nonshppict',
  'bkmkstart',
  'bkmkend',
  'xe',
  'tc',
  'private',
  'userprops',
  // shape properties (names and values, not text), footnote separators, form fields, comments
  'sp',
  'ftnsep',
  'ftnsepc',
  'aftnsep',
  'aftnsepc',
  'template',
  'formfield',
  'datafield',
  'annotation',
]);

/** \fcharsetN → Windows code page. */
const CHARSET_CODEPAGE = new Map([
  [0, 1252],
  [2, 1252],
  [77, 10000],
  [128, 932],
  [129, 949],
  [134, 936],
  [136, 950],
  [161, 1253],
  [162, 1254],
  [163, 1258],
  [177, 1255],
  [178, 1256],
  [179, 1256],
  [180, 1256],
  [186, 1257],
  [204, 1251],
  [222, 874],
  [238, 1250],
]);

const SYMBOLS = new Map([
  ['emdash', '—'],
  ['endash', '–'],
  ['lquote', '‘'],
  ['rquote', '’'],
  ['ldblquote', '“'],
  ['rdblquote', '”'],
  ['bullet', '•'],
  ['emspace', ' '],
  ['enspace', ' '],
  ['qmspace', ' '],
  ['tab', '\t'],
  ['line', ' '],
  ['zwj', '\u200D'],
  ['zwnj', '\u200C'],
  ['ltrmark', '\u200E'],
  ['rtlmark', '\u200F'],
]);
const BREAKS = new Set(['par', 'sect', 'page', 'cell', 'row', 'nestcell', 'nestrow']);

interface Group {
  /** 'skip': nothing inside is kept; 'fonts': the font table; 'font': one font in it */
  mode: 'text' | 'skip' | 'fonts' | 'font' | 'title';
  /** fallback characters after \uN */
  uc: number;
  /** the current font's code page, when it has one */
  codepage: number | null;
  /** the code page of the font for right-to-left runs (\af), used while \rtlch is on */
  assocCodepage: number | null;
  rtl: boolean;
  /** hidden text (\v), not shown by word processors */
  hidden: boolean;
}

const refuse = (why: string) => new AppError('unprocessable', `The RTF document ${why}.`);

function codepageName(cp: number): string {
  const name = cp === 10000 ? 'macintosh' : cp === 437 || cp === 850 ? `cp${cp}` : `windows${cp}`;
  return iconv.encodingExists(name)
    ? name
    : cp === 932
      ? 'shift_jis'
      : cp === 936
        ? 'gbk'
        : cp === 949
          ? 'cp949'
          : cp === 950
            ? 'big5'
            : 'windows1252';
}

export function importRtf(bytes: Uint8Array): ImportedText {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fonts = new Map<number, number>();
  let documentCodepage = 1252;
  let defaultFont: number | null = null;

  const paragraphs: string[] = [];
  let line = '';
  let title = '';
  const stack: Group[] = [];
  let group: Group = { mode: 'text', uc: 1, codepage: null, assocCodepage: null, rtl: false, hidden: false };
  let pendingBytes: number[] = [];
  let pendingUnits: number[] = [];
  let skipFallback = 0;
  let fontBeingDefined: number | null = null;

  const emit = (text: string) => {
    if (group.hidden) return;
    if (group.mode === 'text') line += text;
    else if (group.mode === 'title') title += text;
  };
  const flushBytes = () => {
    if (pendingBytes.length) {
      const cp =
        (group.rtl ? group.assocCodepage : null) ??
        group.codepage ??
        (defaultFont !== null ? fonts.get(defaultFont) : undefined) ??
        documentCodepage;
      emit(iconv.decode(Buffer.from(pendingBytes), codepageName(cp)));
      pendingBytes = [];
    }
    if (pendingUnits.length) {
      // UTF-16 code units (a pair of \uN for a character beyond U+FFFF); a lone half becomes U+FFFD
      emit(Buffer.from(Uint16Array.from(pendingUnits).buffer).toString('utf16le'));
      pendingUnits = [];
    }
  };
  const breakParagraph = () => {
    flushBytes();
    if (group.mode !== 'text') return;
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  /** one character of text, unless it is a fallback to skip after \uN */
  const skipped = () => {
    if (skipFallback > 0) {
      skipFallback--;
      return true;
    }
    return false;
  };

  let i = 0;
  if (
    !data
      .toString('latin1', 0, 8)
      .replace(/^\uFEFF|^ï»¿/, '')
      .startsWith('{\\rtf')
  )
    throw refuse('does not start as RTF does ({\\rtf)');
  while (i < data.length) {
    const c = data[i]!;
    if (c === 0x7b /* { */) {
      flushBytes();
      skipFallback = 0;
      stack.push(group);
      if (stack.length > MAX_RTF_DEPTH)
        throw refuse(
          `is nested more than ${MAX_RTF_DEPTH.toLocaleString('en')} groups deep, which no real document is; save it again from a word processor`,
        );
      group = { ...group, mode: group.mode === 'fonts' ? 'font' : group.mode === 'font' ? 'skip' : group.mode };
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flushBytes();
      skipFallback = 0;
      if (group.mode === 'font') fontBeingDefined = null;
      group = stack.pop() ?? { mode: 'text', uc: 1, codepage: null, assocCodepage: null, rtl: false, hidden: false };
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      i++;
      if (skipped()) continue;
      if (c >= 0x80) {
        if (pendingUnits.length) flushBytes();
        pendingBytes.push(c);
      } else {
        if (pendingBytes.length || pendingUnits.length) flushBytes();
        emit(String.fromCharCode(c));
      }
      continue;
    }
    // a control symbol or word
    const next = data[i + 1];
    if (next === undefined) break;
    if (next === 0x27 /* ' */) {
      const byte = parseInt(data.toString('latin1', i + 2, i + 4), 16);
      i += 4;
      if (skipped() || Number.isNaN(byte)) continue;
      if (pendingUnits.length) flushBytes();
      pendingBytes.push(byte);
      continue;
    }
    if (!((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a))) {
      i += 2;
      if (next === 0x2a /* * */) {
        group.mode = 'skip';
        continue;
      }
      if (skipped()) continue;
      if (next === 0x0a || next === 0x0d) breakParagraph();
      else if (next === 0x7e) emit('\u00A0');
      else if (next === 0x5f) emit('\u2011');
      else if (next === 0x5c || next === 0x7b || next === 0x7d) {
        flushBytes();
        emit(String.fromCharCode(next));
      }
      continue;
    }
    let j = i + 1;
    while (
      j < data.length &&
      ((data[j]! >= 0x61 && data[j]! <= 0x7a) || (data[j]! >= 0x41 && data[j]! <= 0x5a)) &&
      j - i < 32
    )
      j++;
    const word = data.toString('latin1', i + 1, j);
    let k = j;
    if (data[k] === 0x2d) k++;
    while (k < data.length && data[k]! >= 0x30 && data[k]! <= 0x39 && k - j < 12) k++;
    const hasParam = k > j && !(k === j + 1 && data[j] === 0x2d);
    const param = hasParam ? parseInt(data.toString('latin1', j, k), 10) : null;
    i = data[k] === 0x20 ? k + 1 : k;

    if (word === 'bin') {
      i += Math.max(0, param ?? 0);
      continue;
    }
    if (word === 'u' && param !== null) {
      if (skipped()) continue;
      if (pendingBytes.length) flushBytes();
      pendingUnits.push(param < 0 ? param + 65536 : param);
      skipFallback = group.uc;
      continue;
    }
    if (skipFallback > 0) {
      skipFallback--;
      continue;
    }
    if (word === 'uc' && param !== null) group.uc = Math.max(0, Math.min(param, 10));
    else if (word === 'ansicpg' && param !== null) documentCodepage = param;
    else if (word === 'mac') documentCodepage = 10000;
    else if (word === 'pc') documentCodepage = 437;
    else if (word === 'pca') documentCodepage = 850;
    else if (word === 'deff' && param !== null) defaultFont = param;
    else if (word === 'fonttbl') group.mode = 'fonts';
    else if (word === 'title' && stack.some((g) => g.mode === 'skip') && group.mode === 'skip' && title === '')
      group.mode = 'title';
    else if (SKIPPED.has(word)) group.mode = 'skip';
    else if (word === 'f' && param !== null) {
      if (group.mode === 'font' || group.mode === 'fonts') fontBeingDefined = param;
      else {
        flushBytes();
        group.codepage = fonts.get(param) ?? null;
      }
    } else if (word === 'af' && param !== null && group.mode !== 'font' && group.mode !== 'fonts') {
      flushBytes();
      group.assocCodepage = fonts.get(param) ?? null;
    } else if (word === 'v') {
      flushBytes();
      group.hidden = param !== 0;
    } else if (word === 'plain') {
      flushBytes();
      group.hidden = false;
    } else if (word === 'rtlch' || word === 'ltrch') {
      flushBytes();
      group.rtl = word === 'rtlch';
    } else if (word === 'fcharset' && param !== null && fontBeingDefined !== null) {
      const cp = CHARSET_CODEPAGE.get(param);
      if (cp !== undefined && param !== 0) fonts.set(fontBeingDefined, cp);
    } else if (word === 'cpg' && param !== null && fontBeingDefined !== null) fonts.set(fontBeingDefined, param);
    else if (BREAKS.has(word)) breakParagraph();
    else {
      const symbol = SYMBOLS.get(word);
      if (symbol) {
        flushBytes();
        emit(symbol);
      }
    }
  }
  breakParagraph();
  const { text, warnings } = canonicalizeText(paragraphs.join('\n'), { paragraphs: 'lines' });
  if (text.trim() === '') throw refuse('has no text in it');
  const cleanTitle = title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_CHARS);
  return { text, title: cleanTitle || null, warnings, meta: {} };
}
