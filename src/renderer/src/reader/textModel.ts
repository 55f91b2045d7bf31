/**
 * The reader's model of a document's text: paragraphs with their UTF-16 start offsets, and the
 * conversions between DOM positions, UTF-16 offsets and the code-point offsets the API uses.
 * The paragraph elements' text content equals the canonical paragraph text exactly (bidi controls
 * sit in their own spans but stay part of the text), so offsets are sums of text-node lengths.
 */
import { createOffsetMap, type OffsetMap } from '@shared/text/codepoints';

export interface Paragraph {
  index: number;
  text: string;
  /** UTF-16 offset of the paragraph's first character in the whole text */
  start: number;
}

export interface TextModel {
  text: string;
  paragraphs: Paragraph[];
  map: OffsetMap;
}

export function buildTextModel(text: string): TextModel {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  text.split('\n').forEach((p, index) => {
    paragraphs.push({ index, text: p, start });
    start += p.length + 1;
  });
  return { text, paragraphs, map: createOffsetMap(text) };
}

/** Index of the paragraph holding UTF-16 offset u (the last paragraph starting at or before it). */
export function paragraphAt(model: TextModel, u: number): number {
  let lo = 0;
  let hi = model.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((model.paragraphs[mid] as Paragraph).start <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const PARA_SELECTOR = 'p[data-para]';

function textNodesOf(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** UTF-16 offset in the whole text of a DOM boundary point inside the article, or null. */
export function domToUtf16(model: TextModel, article: Element, node: Node, offset: number): number | null {
  if (!article.contains(node)) return null;
  if (node === article) {
    const paras = article.querySelectorAll(PARA_SELECTOR);
    if (offset >= paras.length) return model.text.length;
    const p = paras[offset] as HTMLElement;
    return model.paragraphs[Number(p.dataset.para)]?.start ?? null;
  }
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const para = el?.closest(PARA_SELECTOR) as HTMLElement | null;
  if (!para || !article.contains(para)) return null;
  const info = model.paragraphs[Number(para.dataset.para)];
  if (!info) return null;
  let local = 0;
  if (node.nodeType === Node.TEXT_NODE) {
    for (const t of textNodesOf(para)) {
      if (t === node) return info.start + local + Math.min(offset, t.length);
      local += t.length;
    }
    return null;
  }
  // an element boundary: count the text of the children before `offset`
  const child = node.childNodes[offset] ?? null;
  for (const t of textNodesOf(para)) {
    if (
      child &&
      (child === t || child.contains(t) || child.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)
    )
      break;
    local += t.length;
  }
  return info.start + local;
}

// The article's paragraphs never change after render, so their elements and text nodes are
// looked up once.
interface ArticleCache {
  model: TextModel;
  elements: Element[];
  nodes: Array<Text[] | undefined>;
  ranges: Map<string, StaticRange>;
}
const articleCache = new WeakMap<Element, ArticleCache>();
function cacheFor(article: Element, model: TextModel): ArticleCache {
  const cached = articleCache.get(article);
  if (cached && cached.model === model && cached.elements[0]?.isConnected) return cached;
  const elements: Element[] = [];
  for (const p of article.querySelectorAll(PARA_SELECTOR)) elements[Number((p as HTMLElement).dataset.para)] = p;
  const fresh: ArticleCache = { model, elements, nodes: [], ranges: new Map() };
  articleCache.set(article, fresh);
  return fresh;
}
function paragraphElements(article: Element, model: TextModel): Element[] {
  return cacheFor(article, model).elements;
}
function paragraphTextNodes(article: Element, model: TextModel, index: number, para: Element): Text[] {
  const cache = cacheFor(article, model);
  let nodes = cache.nodes[index];
  if (!nodes || (nodes[0] && nodes[0].parentNode === null)) cache.nodes[index] = nodes = textNodesOf(para);
  return nodes;
}

/** The DOM boundary point of a UTF-16 offset. */
export function utf16ToDom(model: TextModel, article: Element, u: number): { node: Node; offset: number } | null {
  const index = paragraphAt(model, u);
  const info = model.paragraphs[index];
  const para = paragraphElements(article, model)[index];
  if (!info || !para) return null;
  let local = Math.max(0, Math.min(u - info.start, info.text.length));
  const nodes = paragraphTextNodes(article, model, index, para);
  for (const t of nodes) {
    if (local <= t.length) return { node: t, offset: local };
    local -= t.length;
  }
  return { node: para, offset: para.childNodes.length };
}

/** A DOM Range for a code-point span [start, end). */
export function rangeForSpan(model: TextModel, article: Element, start: number, end: number): Range | null {
  const a = utf16ToDom(model, article, model.map.toUtf16(start));
  const b = utf16ToDom(model, article, model.map.toUtf16(end));
  if (!a || !b) return null;
  const range = article.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/**
 * A StaticRange for a code-point span, for painting highlights. The article's DOM never changes,
 * so static ranges stay valid, and unlike live Ranges they cost nothing on later DOM mutations
 * anywhere in the page (a live Range is updated on every one). Cached per span: repainting after a
 * tag reuses the ranges of every annotation already painted.
 */
export function staticRangeForSpan(model: TextModel, article: Element, start: number, end: number): StaticRange | null {
  const cache = cacheFor(article, model);
  const key = `${start},${end}`;
  const cached = cache.ranges.get(key);
  if (cached) return cached;
  const a = utf16ToDom(model, article, model.map.toUtf16(start));
  const b = utf16ToDom(model, article, model.map.toUtf16(end));
  if (!a || !b) return null;
  const range = new StaticRange({
    startContainer: a.node,
    startOffset: a.offset,
    endContainer: b.node,
    endOffset: b.offset,
  });
  cache.ranges.set(key, range);
  return range;
}
