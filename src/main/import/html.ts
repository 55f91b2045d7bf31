/**
 * Web pages: decoded (BOM, <meta charset>, strict UTF-8, Windows-1256), parsed by jsdom with
 * scripts OFF and sub-resources OFF (the defaults: no runScripts, no resources option, so nothing
 * runs and nothing is fetched), sanitised with DOMPurify, then reduced to the article by Mozilla
 * Readability. Blocks the site marks as related links, sponsored or share buttons go before that,
 * stock lines ("اقرأ أيضا") after; the headline is kept exactly once, at the top. The article's
 * blocks become paragraphs of plain text.
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import { decodeHtml } from './decode';
import { isBoilerplateLine, removeMarkedBlocks, sameLine } from './htmlBoilerplate';
import { flattenDeepNesting } from './htmlDepth';
import { readHtmlMeta } from './htmlMeta';
import { htmlParagraphs, NON_TEXT_ELEMENTS } from './htmlText';
import { MAX_TITLE_CHARS } from './limits';
import type { ImportedText } from './types';

/**
 * Elements removed together with everything inside them (DOMPurify keeps a forbidden tag's content
 * otherwise). A <form> is not among them: ASP.NET WebForms sites wrap the whole page, article
 * included, in one; only its controls go.
 */
const DROP_WITH_CONTENT = [
  ...NON_TEXT_ELEMENTS,
  // the page's chrome around the article
  'nav',
  'footer',
  'aside',
  'dialog',
  'menu',
];

/** A jsdom that cannot run or fetch anything, with the page's console complaints swallowed. */
export function inertDom(html: string): JSDOM {
  // Deliberately no `runScripts` and no `resources`: jsdom's defaults run no script and load no
  // sub-resource (stylesheet, image, frame, script). Do not add either option here.
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), url: 'about:blank' });
}

/** Sanitise the parsed page in place (no serialise-and-reparse) and empty its head but for the title. */
function sanitizeInPlace(dom: JSDOM, title: string): void {
  const doc = dom.window.document;
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.sanitize(doc.body, {
    IN_PLACE: true,
    FORBID_TAGS: DROP_WITH_CONTENT,
    ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
    FORBID_ATTR: ['srcset', 'background', 'poster', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  });
  doc.head.replaceChildren();
  doc.title = title;
}

function cleanTitle(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, MAX_TITLE_CHARS) : null;
}

/**
 * The article's own heading: the <h1> inside <article>, or the page's <h1> when the page's title
 * agrees with it (a lone <h1> is sometimes the site's logo, not the headline). Several <h1> with
 * the same text (a page that prints its headline twice) count as one.
 */
function articleHeading(doc: Document, pageTitles: (string | null)[]): string | null {
  const inArticle = doc.querySelector('article h1, [itemprop="headline"]');
  const fromArticle = inArticle ? cleanTitle(inArticle.textContent) : null;
  if (fromArticle) return fromArticle;
  const distinct: string[] = [];
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    const text = cleanTitle(h1.textContent);
    if (text && !distinct.some((d) => sameLine(d, text))) distinct.push(text);
  }
  // "Headline | Site": compare with the longest part of the title, which is the headline's part
  const main = (t: string) => t.split(/\s+[|\-–—:·»«]\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const titles = pageTitles.filter((t): t is string => !!t).map(main);
  const agrees = (h: string) => titles.some((t) => t.includes(h) || h.includes(t));
  if (distinct.length === 1 && titles.length === 0) return distinct[0] ?? null;
  return distinct.find(agrees) ?? null;
}

/**
 * The headline exactly once, at the top: every other paragraph with its text (Readability keeps
 * some copies and drops others) is removed. With no heading found, a copy of the page's title
 * among the first paragraphs is taken as the headline.
 */
function headlineOnce(
  paragraphs: string[],
  heading: string | null,
  titles: (string | null)[],
): { paragraphs: string[]; headline: string | null } {
  const headline = heading ?? paragraphs.slice(0, 5).find((p) => titles.some((t) => t && sameLine(p, t))) ?? null;
  if (!headline) return { paragraphs, headline: null };
  return { paragraphs: [headline, ...paragraphs.filter((p) => !sameLine(p, headline))], headline };
}

export async function importHtml(bytes: Uint8Array): Promise<ImportedText> {
  try {
    return readHtml(bytes);
  } catch (err) {
    // the parser and the DOM are recursive in places: a page nested tens of thousands of levels
    // deep exhausts the stack before it can be flattened
    if (err instanceof RangeError) {
      throw new AppError(
        'unprocessable',
        'The web page is nested too deeply to read (its tags are opened tens of thousands of times without being closed). Save the article’s text and import that.',
      );
    }
    throw err;
  }
}

function readHtml(bytes: Uint8Array): ImportedText {
  const decoded = decodeHtml(bytes);
  const page = inertDom(decoded.text);
  const doc = page.window.document;
  // metadata first: it is read from the head (meta tags, JSON-LD as data), which is then emptied
  const meta = readHtmlMeta(doc);
  if (doc.body?.localName !== 'body') {
    page.window.close();
    throw new AppError(
      'unprocessable',
      'The web page has no article text in it (it is only a frame set or has no body).',
    );
  }
  sanitizeInPlace(page, meta.documentTitle ?? '');
  flattenDeepNesting(doc.body);
  removeMarkedBlocks(doc.body);
  const heading = articleHeading(doc, [meta.metaTitle, meta.documentTitle]);
  const fallback = doc.body.cloneNode(true);

  let content: Node | null = null;
  let readabilityTitle: string | null = null;
  try {
    const article = new Readability<Node>(doc, { charThreshold: 200, serializer: (node) => node }).parse();
    content = article?.content ?? null;
    readabilityTitle = cleanTitle(article?.title);
  } catch {
    content = null;
  }
  let paragraphs = content ? htmlParagraphs(content) : [];
  if (paragraphs.length === 0) paragraphs = htmlParagraphs(fallback);
  page.window.close();

  paragraphs = paragraphs.filter((p) => !isBoilerplateLine(p));
  // Readability drops a heading that repeats the title; a headline carries claims too, so keep it.
  const once = headlineOnce(paragraphs, heading, [meta.metaTitle, readabilityTitle, meta.documentTitle]);
  const { text, warnings } = canonicalizeText(once.paragraphs.join('\n'), { paragraphs: 'lines' });
  if (text.trim() === '') throw new AppError('unprocessable', 'The web page has no article text in it.');
  const title = once.headline ?? meta.metaTitle ?? readabilityTitle ?? meta.documentTitle;
  return {
    text,
    title,
    warnings: [...decoded.warnings, ...warnings],
    meta: {
      ...(meta.source ? { source: meta.source } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      publishedAt: meta.publishedAt,
    },
  };
}
