/**
 * What the reading caret is on, from the text alone (UTF-16 offsets into the whole text): the
 * word at an offset, where the first word starts, what to announce after a move.
 */
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

function lineAround(text: string, u: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', u - 1) + 1;
  const nl = text.indexOf('\n', u);
  return { from, to: nl === -1 ? text.length : nl };
}

/**
 * The word the caret at `u` is on: the word holding it, else the one it touches from the end
 * (a caret just after a word), else the next word of the paragraph; null when the paragraph has none.
 */
export function wordAt(text: string, u: number): { start: number; end: number } | null {
  const { from, to } = lineAround(text, u);
  let before: { start: number; end: number } | null = null;
  for (const s of words.segment(text.slice(from, to))) {
    if (!s.isWordLike) continue;
    const start = from + s.index;
    const end = start + s.segment.length;
    if (start <= u && u < end) return { start, end };
    if (end === u) before = { start, end };
    else if (start > u) return before ?? { start, end };
  }
  return before;
}

/** Where the text's first word starts (0 when it has none). */
export function firstWordStart(text: string): number {
  for (const s of words.segment(text)) if (s.isWordLike) return s.index;
  return 0;
}

const MAX_SPOKEN = 300;

/** What the live region says after a caret move: the selected text, or the word at the caret. */
export function caretAnnouncement(text: string, anchor: number, focus: number): string {
  if (anchor !== focus) {
    const said = text.slice(Math.min(anchor, focus), Math.max(anchor, focus)).replace(/\s+/g, ' ').trim();
    return said.length > MAX_SPOKEN ? `${said.slice(0, MAX_SPOKEN)}…` : said;
  }
  const w = wordAt(text, focus);
  return w ? text.slice(w.start, w.end) : '';
}
