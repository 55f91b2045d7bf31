/**
 * Concatenated corpora: articles joined by form feeds (or NULs, turned into form feeds before
 * decoding: see nulSeparators.ts), by a separator line ("-----", "=====", "***", "* * *"), or by
 * the same short line repeated between blocks. Split only on at least two separators of one
 * kind, when every piece starts like an article (a headline: a short first line that does not
 * end like a sentence) — so an article with a "* * *" section break and a sub-heading is not cut.
 */
import { linesOf } from './split';

const RULE = /^([-=*_~#+•·])(\s?\1){2,}$/u;
const SENTENCE_END = /[.,،;؛:]$/u;

function startsLikeArticle(piece: string): boolean {
  const lines = linesOf(piece).map((l) => l.trim());
  const first = lines.findIndex((l) => l !== '');
  if (first === -1) return true;
  const line = lines[first] as string;
  if (line.length > 200 || SENTENCE_END.test(line)) return false;
  // a headline stands alone: a blank line under it, or a body of more than one line
  return lines.slice(first + 1).some((l) => l !== '');
}

function accept(pieces: string[], separators: number): string[] | null {
  const nonEmpty = pieces.filter((p) => p.trim() !== '');
  if (separators < 2 || nonEmpty.length < 2) return null;
  return nonEmpty.every(startsLikeArticle) ? nonEmpty : null;
}

function byLines(lines: string[], isSeparator: (line: string) => boolean): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (isSeparator(line.trim())) {
      pieces.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  pieces.push(current.join('\n'));
  return pieces;
}

export function splitOnSeparators(text: string): string[] | null {
  if (text.includes('\f')) {
    const pieces = text.split(/\f+/);
    const runs = text.match(/\f+/g)?.length ?? 0;
    const found = accept(pieces, runs);
    if (found) return found;
  }
  const lines = linesOf(text);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const t = line.trim();
    const rule = RULE.exec(t);
    // rules of one character count as one kind whatever their length; other lines exactly
    const key = rule ? `rule:${rule[1]}` : t.length > 0 && t.length <= 80 ? `line:${t}` : null;
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kinds = [...counts.entries()]
    .filter(([key, n]) => (key.startsWith('rule:') ? n >= 2 : n >= 3))
    .sort((a, b) => b[1] - a[1]);
  for (const [key, n] of kinds) {
    const isSeparator = key.startsWith('rule:')
      ? (t: string) => RULE.exec(t)?.[1] === key.slice(5)
      : (t: string) => t === key.slice(5);
    const found = accept(byLines(lines, isSeparator), n);
    if (found) return found;
  }
  return null;
}
