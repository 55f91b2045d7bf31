/**
 * The faint marks on mentions of known actors: one CSS Custom Highlight of its own (the
 * article's DOM is never touched, so Arabic letters keep joining), below the annotations'
 * highlights (priority −1) and never among their names (theirs start with `hx-`). As for the
 * annotations (highlightWindow.ts), only the mentions in the paragraphs near the screen are
 * registered, renewed as the article scrolls or changes size (one watcher for both:
 * paragraphWatch.ts). Nothing is registered and nothing listens while the marks are off or no actor
 * is mentioned. The mark is a faint background, not an
 * underline: a text-decoration on a highlight made every tag's frame several times slower in
 * Chromium (npm run bench: tag_to_paint_editor_open_ms with the marks on and off).
 */
import { touches, type ParagraphWindow } from '../highlightWindow';
import { paragraphsOf, watchParagraphs, type ParagraphWatch } from '../paragraphWatch';
import { staticRangeForSpan, type TextModel } from '../textModel';
import type { MarkedMention } from './mentionScan';

export const MENTION_HIGHLIGHT = 'mention-actor';

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

let sheet: CSSStyleSheet | null = null;
function installStyle(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `::highlight(${MENTION_HIGHLIGHT}) { background-color: var(--mention-background, rgb(70 90 170 / 0.13)); }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

interface Painter {
  article: Element;
  model: TextModel;
  /** actor mentions by paragraph */
  byPara: Map<number, MarkedMention[]>;
  watch: ParagraphWatch | null;
  highlight: Highlight;
}

let painter: Painter | null = null;

/** Bring the highlight in line with the window: the ranges of its paragraphs' mentions only. */
function register(p: Painter, visible: ParagraphWindow | null): void {
  const wanted = new Set<StaticRange>();
  for (const [para, list] of p.byPara) {
    if (visible && !touches(visible, para, para)) continue;
    for (const m of list) {
      const range = staticRangeForSpan(p.model, p.article, m.start, m.end);
      if (range) wanted.add(range);
    }
  }
  for (const r of [...p.highlight]) if (!wanted.has(r as StaticRange)) p.highlight.delete(r);
  for (const r of wanted) if (!p.highlight.has(r)) p.highlight.add(r);
}

/** Mark the actors among `mentions` in the article (replacing the marks of before). */
export function paintMentions(model: TextModel, article: Element, mentions: readonly MarkedMention[]): void {
  if (!supported()) return;
  clearMentions();
  installStyle();
  const byPara = new Map<number, MarkedMention[]>();
  for (const m of mentions) {
    if (m.kind !== 'actor') continue;
    const list = byPara.get(m.para);
    if (list) list.push(m);
    else byPara.set(m.para, [m]);
  }
  if (byPara.size === 0) return; // no actor mentioned: nothing registered, nothing listening
  const highlight = new Highlight();
  highlight.priority = -1;
  const p: Painter = { article, model, byPara, watch: null, highlight };
  p.watch = watchParagraphs(article, paragraphsOf(article), (w) => register(p, w));
  painter = p;
  register(p, p.watch.current());
  CSS.highlights.set(MENTION_HIGHLIGHT, highlight);
}

/** Whether the marks shown now are those of this text in this article. */
export function mentionsPaintedIn(model: TextModel, article: Element): boolean {
  return painter !== null && painter.model === model && painter.article === article;
}

/** Take every mark away and stop listening. */
export function clearMentions(): void {
  if (!supported()) return;
  painter?.watch?.stop();
  painter = null;
  CSS.highlights.delete(MENTION_HIGHLIGHT);
}
