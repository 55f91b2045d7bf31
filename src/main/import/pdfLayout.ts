/**
 * A PDF's text items → paragraphs. Items are grouped into lines by their baseline; a line's items
 * are read right to left when the line is Arabic, left to right otherwise, so the order in which
 * the file happens to store them does not matter. A new paragraph starts after a gap between lines
 * clearly wider than the page's usual line spacing, at an indented first line, after a line that
 * stops well short of the text's far margin, and at a page break after the end of a sentence. Running headers and footers (the same line at the
 * top or bottom of most pages, page numbers aside) and lone page numbers are dropped.
 */
import { isRightToLeft, logicalItemText } from './pdfBidi';

export interface PdfTextItem {
  str: string;
  /** pdf.js took it for right-to-left and reversed it */
  rtl: boolean;
  x: number;
  y: number;
  width: number;
  /** the font size, in page units */
  size: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
  /** left and right edges */
  left: number;
  right: number;
  rtl: boolean;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * q)]!;
}
const median = (values: number[]) => quantile(values, 0.5);

/** The items of one page → its lines, top to bottom, each in reading order. */
export function pageLines(items: PdfTextItem[]): Line[] {
  const usable = items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  usable.sort((a, b) => b.y - a.y);
  const groups: PdfTextItem[][] = [];
  for (const item of usable) {
    const group = groups[groups.length - 1];
    const base = group?.[0];
    if (group && base && Math.abs(base.y - item.y) <= Math.max(base.size, item.size) * 0.5) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const rtl = isRightToLeft(group.map((i) => i.str).join(' '));
    const texts = group.map((i) => ({ ...i, text: logicalItemText(i.str, i.rtl, rtl) }));
    texts.sort((a, b) => (rtl ? b.x + b.width - (a.x + a.width) : a.x - b.x));
    let text = '';
    let previous: (typeof texts)[number] | undefined;
    for (const t of texts) {
      if (previous) {
        const gap = rtl ? previous.x - (t.x + t.width) : t.x - (previous.x + previous.width);
        if (gap > Math.max(previous.size, t.size) * 0.15 && !/\s$/.test(text) && !/^\s/.test(t.text)) text += ' ';
      }
      text += t.text;
      previous = t;
    }
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      y: median(group.map((i) => i.y)),
      // reduced, not spread: a line may hold more items than a call takes arguments
      size: group.reduce((m, i) => Math.max(m, i.size), 0),
      left: group.reduce((m, i) => Math.min(m, i.x), Infinity),
      right: group.reduce((m, i) => Math.max(m, i.x + i.width), -Infinity),
      rtl,
    };
  });
}

const PAGE_NUMBER =
  /^[\s\-–—|.·]*(?:(?:page|p\.|صفحة|الصفحة|ص)\s*)?[\p{Nd}]{1,5}(?:\s*(?:\/|of|من)\s*[\p{Nd}]{1,5})?[\s\-–—|.·]*$/iu;

/** A line with its numbers blanked, to recognise the same header on every page ("Page 3", "Page 4"). */
const shape = (text: string) =>
  text
    .replace(/\p{Nd}+/gu, '#')
    .replace(/\s+/g, ' ')
    .trim();

/** How many lines at the top and at the bottom of a page are looked at as header or footer. */
const EDGE_LINES = 2;

/** Words of a line with numbers blanked, for lines that differ only in a page number or a stray glyph. */
const words = (text: string) => new Set(shape(text).split(' '));

function similar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(a.size, b.size) >= 0.6;
}

/** Pages compared word by word for running lines, at most (beyond, lines must match exactly). */
const SIMILAR_PAGES = 300;

/** Drop running headers, footers and page numbers: returns each page's remaining lines. */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const edges = pages.map((lines) => {
    const n = Math.min(EDGE_LINES, Math.floor(lines.length / 2) || lines.length);
    return new Set([...lines.slice(0, n), ...lines.slice(Math.max(n, lines.length - n))]);
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const seen = new Map<string, number>();
  for (const edge of edges) {
    for (const key of new Set([...edge].map((l) => shape(l.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const edgeWords = pages.length <= SIMILAR_PAGES ? edges.map((edge) => [...edge].map((l) => words(l.text))) : null;
  const running = (line: Line, page: number) => {
    if (PAGE_NUMBER.test(line.text)) return true;
    if (pages.length < 2) return false;
    if ((seen.get(shape(line.text)) ?? 0) >= needed) return true;
    if (!edgeWords) return false;
    const mine = words(line.text);
    const pagesWithIt = edgeWords.filter((other, i) => i === page || other.some((w) => similar(mine, w))).length;
    return pagesWithIt >= needed;
  };
  return pages.map((page, n) => page.filter((line) => !(edges[n]!.has(line) && running(line, n))));
}

/**
 * The text block's edges: where most lines start and end, so that a wider line (a URL, a table,
 * a caption in the margin) does not make every other line look short or indented.
 */
function textFrame(pages: Line[][]): { left: number; right: number } {
  const lines = pages.flat();
  return {
    left: quantile(
      lines.map((l) => l.left),
      0.1,
    ),
    right: quantile(
      lines.map((l) => l.right),
      0.9,
    ),
  };
}

/** Lines of all pages → paragraphs, from the gaps between lines, indentation and short lines. */
export function paragraphsOf(pages: Line[][]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  const frame = textFrame(pages);
  let previousLine: Line | undefined;
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const gaps = lines
      .slice(1)
      .map((l, i) => lines[i]!.y - l.y)
      .filter((g) => g > 0);
    // the usual spacing is that of lines inside paragraphs: the narrower gaps
    const spacing = quantile(gaps, 0.25) || lines[0]!.size * 1.2;
    lines.forEach((line, i) => {
      const before = i > 0 ? lines[i - 1] : previousLine;
      if (before && startsParagraph(line, before, frame, i > 0 ? before.y - line.y : null, spacing)) flush();
      current.push(line.text);
    });
    previousLine = lines[lines.length - 1];
  }
  flush();
  return paragraphs;
}

function startsParagraph(
  line: Line,
  before: Line,
  frame: { left: number; right: number },
  gap: number | null,
  spacing: number,
): boolean {
  const em = Math.max(line.size, before.size);
  if (gap !== null && gap > spacing * 1.4) return true;
  // across a page break a paragraph goes on mid-sentence; one that ended a sentence has ended
  if (gap === null && /[.!?؟…:»”")]$/u.test(before.text)) return true;
  if (line.rtl !== before.rtl) return true;
  // indented first line: its start is well inside the margin where lines start
  const start = line.rtl ? frame.right - line.right : line.left - frame.left;
  if (start > em * 1.5) return true;
  // the line before stopped well short of the far margin: its paragraph ended there
  const short = before.rtl ? before.left - frame.left : frame.right - before.right;
  return short > em * 4;
}
