/**
 * The canonical text of a document (DESIGN.md §3), decided once at import and never changed:
 * NFC, one kind of line ending, hard-wrapped lines of a paragraph joined with one space (paragraphs.ts),
 * paragraphs trimmed and separated by exactly one "\n".
 */
import type { Warning } from '../model';
import { splitParagraphs } from './paragraphs';

/** Explicit bidi embeddings, overrides and isolates: invisible, and able to reorder text. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0/C1 controls other than tab and the line breaks, plus U+FFFE/FFFF noncharacters. */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
/**
 * Line breaks of every kind: CRLF, CR, NEL, LINE SEPARATOR, and the form feed (a page break, as
 * pdftotext writes it) and vertical tab (a manual line break copied out of Word), which would
 * otherwise run two words together.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /\r\n?|[\u2028\u0085\u000B\u000C]/g;

export interface CanonicalResult {
  text: string;
  warnings: Warning[];
}

export interface CanonicalOptions {
  /**
   * 'auto' (default): hard-wrapped lines are joined into paragraphs, and any other text has one
   * paragraph per line, decided per text from the shape of its lines (see paragraphs.ts).
   * 'lines': every line is a paragraph (for sources whose structure is already paragraphs).
   */
  paragraphs?: 'auto' | 'lines';
}

export function canonicalizeText(raw: string, options: CanonicalOptions = {}): CanonicalResult {
  const warnings: Warning[] = [];
  let s = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;

  s = s.replace(LINE_BREAKS, '\n').replace(/\u2029/g, '\n\n');
  s = s.replace(/\t/g, ' ');
  const strays = s.match(STRAY_CONTROLS)?.length ?? 0;
  if (strays > 0) {
    s = s.replace(STRAY_CONTROLS, '');
    warnings.push({
      code: 'control_characters_removed',
      message: `${strays} invisible control character(s) were removed.`,
      count: strays,
    });
  }

  // NFC last among the character changes: a control removed from between a letter and its mark
  // leaves them side by side, and they must compose like any other pair
  const nfc = s.normalize('NFC');
  if (nfc !== s) {
    warnings.push({
      code: 'normalized',
      message:
        'Some characters were written in decomposed form and were normalised (Unicode NFC); the text looks the same.',
    });
  }
  s = nfc;

  const lines = s.split('\n');
  const paragraphs =
    options.paragraphs === 'lines'
      ? lines.filter((line) => line.trim() !== '').map((line) => line.trim())
      : splitParagraphs(lines);
  const text = paragraphs.join('\n');

  const bidi = text.match(BIDI_CONTROLS)?.length ?? 0;
  if (bidi > 0) {
    warnings.push({
      code: 'bidi_controls',
      message: `The text contains ${bidi} invisible bidirectional control character(s). They are kept and shown as visible marks in the reader.`,
      count: bidi,
    });
  }
  return { text, warnings };
}

/**
 * A one-line label (a title, a source) as it may be shown: no bidi embeddings, overrides or
 * isolates (in a title nothing would show them, and "Report\u202Efdp.exe" would read as
 * "Report exe.pdf"), no control characters, whitespace runs as one space, trimmed. Direction
 * marks (LRM, RLM, ALM) are harmless and kept.
 */
export function cleanLabel(value: string): string {
  return (
    value
      .replace(BIDI_CONTROLS, '')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Paragraph number (from 1) of a code-point or UTF-16 offset: one more than the "\n" before it. */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A short title from the first words of the text, cut on a word boundary. */
export function deriveTitle(text: string, maxLength = 80): string {
  const first = (text.split('\n', 1)[0] ?? '').trim();
  if (first.length <= maxLength) return first || 'Untitled';
  const cut = first.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu;

/** Direction and language from the share of strong right-to-left letters. */
export function detectDirectionAndLanguage(text: string): { direction: 'rtl' | 'ltr'; language: string } {
  const sample = text.length > 200000 ? text.slice(0, 200000) : text;
  const rtl = sample.match(STRONG_RTL)?.length ?? 0;
  const ltr = sample.match(STRONG_LTR)?.length ?? 0;
  if (rtl === 0 && ltr === 0) return { direction: 'ltr', language: 'und' };
  if (rtl >= ltr) {
    const hebrew = sample.match(/[\u0590-\u05FF]/g)?.length ?? 0;
    if (hebrew > rtl / 2) return { direction: 'rtl', language: 'he' };
    if (/[ےٹڈڑں]/.test(sample)) return { direction: 'rtl', language: 'ur' };
    if (/[پچژگک]/.test(sample) && !/[ة]/.test(sample)) return { direction: 'rtl', language: 'fa' };
    return { direction: 'rtl', language: 'ar' };
  }
  return { direction: 'ltr', language: 'und' };
}
