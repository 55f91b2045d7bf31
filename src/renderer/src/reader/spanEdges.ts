/**
 * Moving one edge of a saved span by a word (Shift+Alt+arrows on the active annotation). Works
 * on UTF-16 offsets of the whole text; edges land on word boundaries inside the paragraph, and
 * a span always keeps at least one word.
 */
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

function paragraphAround(text: string, u: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', u - 1) + 1;
  const nl = text.indexOf('\n', u);
  return { from, to: nl === -1 ? text.length : nl };
}

/** The word-like segments of the paragraph holding the span, as [start, end) offsets. */
function wordsOf(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of words.segment(text.slice(from, to))) {
    if (s.isWordLike) out.push([from + s.index, from + s.index + s.segment.length]);
  }
  return out;
}

export type Edge = 'start' | 'end';

/**
 * The span with one edge moved a word forward (+1, later in the text) or back (-1); null when it
 * cannot move (the paragraph's edge, or the span would lose its last word).
 */
export function moveEdge(
  text: string,
  span: { start: number; end: number },
  edge: Edge,
  step: 1 | -1,
): { start: number; end: number } | null {
  const { from, to } = paragraphAround(text, span.start);
  const list = wordsOf(text, from, Math.max(to, span.end));
  if (edge === 'end') {
    const next =
      step === 1
        ? list.find(([, b]) => b > span.end)?.[1]
        : list
            .filter(([, b]) => b < span.end)
            .map(([, b]) => b)
            .pop();
    return next !== undefined && next > span.start ? { start: span.start, end: next } : null;
  }
  const next =
    step === 1
      ? list.find(([a]) => a > span.start)?.[0]
      : list
          .filter(([a]) => a < span.start)
          .map(([a]) => a)
          .pop();
  return next !== undefined && next < span.end ? { start: next, end: span.end } : null;
}

/**
 * Which edge and which way an arrow key moves, on screen: in right-to-left text the left arrow
 * goes forward in the text. Shift+Alt+arrow moves the end, Ctrl+Shift+Alt+arrow the start.
 */
export function edgeKey(
  e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  rtl: boolean,
): { edge: Edge; step: 1 | -1 } | null {
  if (!e.shiftKey || !e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return null;
  const towardsEnd = (e.key === 'ArrowRight') !== rtl;
  return { edge: e.ctrlKey || e.metaKey ? 'start' : 'end', step: towardsEnd ? 1 : -1 };
}
