/**
 * Highlights painted with the CSS Custom Highlight API: the article's DOM is never touched, so
 * Arabic letters keep joining across a highlight's edge and stored ranges stay valid. One
 * Highlight per code (translucent, so overlaps blend), one for the active annotation, one for
 * a flash after jumping. Colours live in a constructed stylesheet (allowed under our CSP).
 * Only the ranges near the screen are registered (highlightWindow.ts says why).
 */
import type { Annotation, Code } from '@shared/model';
import { touches } from './highlightWindow';
import { paragraphsOf, watchParagraphs, type ParagraphWatch } from './paragraphWatch';
import { paragraphAt, staticRangeForSpan, type TextModel } from './textModel';

export const ACTIVE_HIGHLIGHT = 'hx-active';
export const FLASH_HIGHLIGHT = 'hx-flash';
export const UNCODED_HIGHLIGHT = 'hx-uncoded';
/** kept in memory, not yet on disk: a dashed underline until the save lands */
export const PENDING_HIGHLIGHT = 'hx-pending';

export const supportsHighlights = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

export function highlightName(codeIndex: number): string {
  return `hx-c${codeIndex}`;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

let sheet: CSSStyleSheet | null = null;

/** (Re)write the colour rules for the codebook's codes. */
export function installHighlightStyles(codes: readonly Code[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = codes.map((c, i) => {
    const [r, g, b] = hexToRgb(c.color);
    return `::highlight(${highlightName(i)}) { background-color: rgb(${r} ${g} ${b} / 0.34); }`;
  });
  rules.push(
    `::highlight(${UNCODED_HIGHLIGHT}) { background-color: rgb(128 128 128 / 0.3); }`,
    `::highlight(${ACTIVE_HIGHLIGHT}) { text-decoration: underline 3px var(--active-underline, #222); text-underline-offset: 6px; }`,
    `::highlight(${PENDING_HIGHLIGHT}) { text-decoration: underline dashed 2px var(--pending-underline, #b34700); text-underline-offset: 4px; }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgb(255 200 0 / 0.55); }`,
    `::highlight(search-hit) { background-color: rgb(255 170 0 / 0.45); text-decoration: underline 2px rgb(200 110 0); }`,
  );
  sheet.replaceSync(rules.join('\n'));
}

/** What painting needs of one annotation, computed once per annotation object. */
interface Placed {
  range: StaticRange;
  firstPara: number;
  lastPara: number;
}

/** The painter of one article: the last inputs, and the paragraphs its highlights cover. */
interface Painter {
  article: Element;
  model: TextModel;
  placed: WeakMap<Annotation, Placed | null>;
  watch: ParagraphWatch;
  input: {
    annotations: readonly Annotation[];
    codes: readonly Code[];
    activeId: string | null;
    pendingIds: ReadonlySet<string>;
  };
}

let painter: Painter | null = null;

function place(p: Painter, a: Annotation): Placed | null {
  const known = p.placed.get(a);
  if (known !== undefined) return known;
  const range = staticRangeForSpan(p.model, p.article, a.start, a.end);
  const u = p.model.map.toUtf16(a.start);
  const placed = range
    ? {
        range,
        firstPara: paragraphAt(p.model, u),
        lastPara: paragraphAt(p.model, Math.max(u, p.model.map.toUtf16(a.end) - 1)),
      }
    : null;
  p.placed.set(a, placed);
  return placed;
}

function painterFor(model: TextModel, article: Element): Painter {
  if (painter && painter.article === article && painter.model === model) return painter;
  painter?.watch.stop();
  const p: Painter = {
    article,
    model,
    placed: new WeakMap(),
    // a scroll or a change of size can bring other paragraphs near the screen
    watch: watchParagraphs(article, paragraphsOf(article), () => register(p)),
    input: { annotations: [], codes: [], activeId: null, pendingIds: new Set() },
  };
  painter = p;
  return p;
}

/**
 * Paint every annotation: one Highlight per code, ranges built from code-point spans. Only the
 * ranges of annotations touching the paragraphs on screen (and a screen and a half either side)
 * are registered; scrolling and resizing register the others as they come near.
 */
export function paintAnnotations(
  model: TextModel,
  article: Element,
  annotations: readonly Annotation[],
  codes: readonly Code[],
  activeId: string | null,
  pendingIds: ReadonlySet<string> = new Set(),
): void {
  if (!supportsHighlights()) return;
  const p = painterFor(model, article);
  p.input = { annotations, codes, activeId, pendingIds };
  register(p);
}

/** Bring the registry in line with the painter's inputs and window. */
function register(p: Painter): void {
  const { annotations, codes, activeId, pendingIds } = p.input;
  // measured once; afterwards scrolling and resizing keep it current: a tag reads no layout
  const visible = p.watch.current();
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const byName = new Map<string, AbstractRange[]>();
  const add = (name: string, range: AbstractRange) => {
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(range);
  };
  for (const a of annotations) {
    const placed = place(p, a);
    if (!placed || (visible && !touches(visible, placed.firstPara, placed.lastPara))) continue;
    const range = placed.range;
    let known = 0;
    for (const c of a.codes) {
      const i = index.get(c);
      if (i === undefined) continue;
      known++;
      add(highlightName(i), range);
    }
    if (known === 0) add(UNCODED_HIGHLIGHT, range);
    if (a.id === activeId) add(ACTIVE_HIGHLIGHT, range);
    if (pendingIds.has(a.id)) add(PENDING_HIGHLIGHT, range);
  }
  // Update the registered Highlights in place (ranges are cached per span, so a tag adds one
  // range instead of re-registering hundreds); drop the names no longer used.
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('hx-') && name !== FLASH_HIGHLIGHT && !byName.has(name)) CSS.highlights.delete(name);
  }
  for (const [name, ranges] of byName) {
    const current = CSS.highlights.get(name);
    if (!current) {
      CSS.highlights.set(name, new Highlight(...ranges));
      continue;
    }
    const wanted = new Set(ranges);
    for (const r of [...current]) if (!wanted.has(r)) current.delete(r);
    for (const r of ranges) if (!current.has(r)) current.add(r);
  }
}

export function clearAnnotationHighlights(): void {
  if (!supportsHighlights()) return;
  painter?.watch.stop();
  painter = null;
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('hx-') && name !== FLASH_HIGHLIGHT) CSS.highlights.delete(name);
  }
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;
export function flashRange(range: Range): void {
  if (!supportsHighlights()) return;
  CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(range));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), 900);
}
