/**
 * Search hits painted as their own CSS Custom Highlight layers ("search-hit" for every hit,
 * "search-current" for the one the find bar is on), separate from the annotation layers, so
 * painting or clearing hits never touches annotations or the article's DOM.
 */
import { rangeForSpan, type TextModel } from '../../reader';

export const HIT_LAYER = 'search-hit';
export const CURRENT_LAYER = 'search-current';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

let sheet: CSSStyleSheet | null = null;
function installStyles(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  // the reader's sheet styles search-hit; the current hit gets a stronger mark on top
  sheet.replaceSync(
    `::highlight(${HIT_LAYER}) { background-color: rgb(255 170 0 / 0.45); }\n` +
      `::highlight(${CURRENT_LAYER}) { background-color: rgb(255 110 0 / 0.7); color: inherit; }`,
  );
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
}

export function paintHits(
  model: TextModel,
  article: Element | null,
  hits: ReadonlyArray<{ start: number; end: number }>,
  current: number,
): void {
  if (!supported()) return;
  clearHits();
  if (!article || hits.length === 0) return;
  installStyles();
  const ranges: Range[] = [];
  for (const h of hits) {
    const r = rangeForSpan(model, article, h.start, h.end);
    if (r) ranges.push(r);
  }
  CSS.highlights.set(HIT_LAYER, new Highlight(...ranges));
  const cur = hits[current];
  const range = cur ? rangeForSpan(model, article, cur.start, cur.end) : null;
  if (range) {
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(CURRENT_LAYER, highlight);
  }
}

export function clearHits(): void {
  if (!supported()) return;
  CSS.highlights.delete(HIT_LAYER);
  CSS.highlights.delete(CURRENT_LAYER);
}
