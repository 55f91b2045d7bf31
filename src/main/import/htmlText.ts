/**
 * Sanitised article DOM → paragraphs of plain text. Block elements (p, headings, list items,
 * table cells, quotes, div…) and <br> end a paragraph; inline markup (links, emphasis, spans) is
 * flattened into the text around it; runs of white space become one space. Hidden elements and
 * anything that is not text (images, media, form controls) contribute nothing; a form's other
 * content is text like any other.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Elements that never hold article text: scripts and styles, embedded and media content, form
 * controls and what the document head holds. The text walk skips them; the sanitiser in html.ts
 * removes them with everything inside, together with the page's chrome.
 */
export const NON_TEXT_ELEMENTS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'head',
  'title',
  'meta',
  'link',
  'base',
];

const SKIP = new Set(NON_TEXT_ELEMENTS);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export interface ParagraphOptions {
  /** what a <br> means: a new paragraph (web pages) or a line wrapped inside one (Word) */
  lineBreak?: 'paragraph' | 'space';
}

export function htmlParagraphs(root: Node, options: ParagraphOptions = {}): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      current += (node as Text).data;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'br') {
      if (options.lineBreak === 'space') current += ' ';
      else flush();
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}
