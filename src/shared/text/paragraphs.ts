/**
 * Paragraphs of a plain text, decided per file from the shape of its lines (not from whether it
 * happens to hold a blank line):
 *
 * - **Hard-wrapped** text (a newspaper corpus, a PDF's text, an e-mail) has a wrap width: most
 *   lines stop just short of it, because the next word would not have fitted, and in mid-sentence.
 *   A file is read as hard-wrapped when its width is at least 40 characters and at least a third
 *   of its lines that run on into another line (and at least one) are such lines. Its lines are
 *   then joined with one space into paragraphs, which end at a blank line, at a line that stops
 *   early (the next line's first word would have fitted on it with a tenth of the width to spare,
 *   or at all after a full stop). A text that marks its paragraphs with blank lines throughout
 *   (at least three blocks, and fewer early stops inside them than half their number) is split
 *   at blank lines only. Indentation is not a sign: real files indent lines mid-paragraph.
 * - Any other text has **one paragraph per line**: headings, short lines and lines of varied
 *   lengths are each a paragraph, and blank lines separate nothing more.
 * - In both, a **heading** (a short line, under 60% of the width, without final punctuation,
 *   followed by text) is a paragraph of its own, even right after a sentence that filled its line.
 */

/** The width a line is wrapped at must be at least this for a text to count as hard-wrapped. */
export const MIN_WRAP_WIDTH = 40;
/** Share of run-on lines that must look wrapped (stopped short of the width, mid-sentence). */
const WRAPPED_SHARE = 1 / 3;
/** A heading is shorter than this share of the width. */
const HEADING_SHARE = 0.6;

/** Ends a sentence: full stop, question and exclamation marks, colon, semicolons, closing quotes and brackets. */
const FINAL_PUNCTUATION = /[.!?؟…:;؛»"”’')\]]$/u;

const length = (s: string) => [...s].length;
const isBlank = (line: string) => line.trim() === '';
const firstWord = (line: string) => line.trim().split(/\s+/, 1)[0] ?? '';

/** The wrap width: the longest line, leaving out the few (a URL, a table row) far longer than most. */
function wrapWidth(lengths: number[]): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0;
  return sorted.filter((n) => n <= p90 * 1.25).pop() ?? p90;
}

interface Shape {
  width: number;
  lines: string[];
}

/**
 * Whether line i stopped early: the first word of the next line would have fitted on it with room
 * to spare (a tenth of the width: wrappers count columns, and harakat or wide letters make the
 * same width a few characters more or less), or would have fitted at all after a full stop.
 */
function stopsEarly(shape: Shape, i: number): boolean {
  const line = shape.lines[i]?.trim() ?? '';
  const needed = length(line) + 1 + length(firstWord(shape.lines[i + 1] ?? ''));
  return needed <= shape.width * 0.9 || (needed <= shape.width && FINAL_PUNCTUATION.test(line));
}

function isHeading(shape: Shape, i: number): boolean {
  const line = shape.lines[i]?.trim() ?? '';
  const next = shape.lines[i + 1];
  return (
    next !== undefined && !isBlank(next) && length(line) < shape.width * HEADING_SHARE && !FINAL_PUNCTUATION.test(line)
  );
}

function shapeOf(lines: string[]): Shape {
  const text = lines.filter((l) => !isBlank(l));
  return { width: wrapWidth(text.map((l) => length(l.trim()))), lines };
}

/** Whether the lines are hard-wrapped (see above). */
export function isHardWrapped(lines: string[]): boolean {
  const shape = shapeOf(lines);
  if (shape.width < MIN_WRAP_WIDTH) return false;
  let runOn = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line) || isBlank(lines[i + 1] ?? '')) continue;
    runOn++;
    if (!stopsEarly(shape, i) && !FINAL_PUNCTUATION.test(line.trim())) wrapped++;
  }
  return wrapped >= 1 && wrapped >= runOn * WRAPPED_SHARE;
}

/**
 * Whether a hard-wrapped text marks its paragraphs with blank lines: it has several blocks
 * between blank lines, and fewer lines stopping early inside a block than half the blocks. Such a
 * text's early stops are line breaks its source kept (a sentence started on a new line), not
 * paragraphs; a text with one blank line (after its title) or sections between blank lines
 * whose paragraphs end in short lines is split at the early stops.
 */
function separatesByBlankLines(shape: Shape): boolean {
  let blocks = 0;
  let innerStops = 0;
  for (let i = 0; i < shape.lines.length; i++) {
    if (isBlank(shape.lines[i] ?? '')) continue;
    const next = shape.lines[i + 1];
    if (next === undefined || isBlank(next)) blocks++;
    else if (stopsEarly(shape, i)) innerStops++;
  }
  return blocks >= 3 && innerStops * 2 < blocks;
}

/** Lines (split at "\n", untrimmed) → trimmed paragraphs, none empty. */
export function splitParagraphs(lines: string[]): string[] {
  if (!isHardWrapped(lines)) return lines.filter((l) => !isBlank(l)).map((l) => l.trim());
  const shape = shapeOf(lines);
  const blankLinesOnly = separatesByBlankLines(shape);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) {
      flush();
      continue;
    }
    const line = raw.trim();
    if (isHeading(shape, i) && (current.length === 0 || FINAL_PUNCTUATION.test(current[current.length - 1] ?? ''))) {
      flush();
      paragraphs.push(line);
      continue;
    }
    current.push(line);
    const next = lines[i + 1];
    if (next === undefined || isBlank(next) || (!blankLinesOnly && stopsEarly(shape, i))) flush();
  }
  flush();
  return paragraphs;
}
