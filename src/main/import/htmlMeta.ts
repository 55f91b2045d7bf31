/**
 * Article metadata read from a parsed page: publication date (article:published_time, JSON-LD
 * datePublished, itemprop, date/pubdate/DC.date meta, <time datetime>, then a date written in the
 * page's words in a <time> or a date-named element: see shared/text/dates.ts), source (og:site_name),
 * URL (canonical link or og:url) and title candidates. Only attribute values and JSON data are
 * read; nothing in the page is run or fetched.
 */
import { parseDate } from '@shared/text/dates';
import { MAX_META_CHARS, MAX_TITLE_CHARS } from './limits';

export interface HtmlMeta {
  publishedAt: string | null;
  source: string | null;
  url: string | null;
  /** og:title, twitter:title or JSON-LD headline */
  metaTitle: string | null;
  /** the page's <title> */
  documentTitle: string | null;
}

const clean = (value: string | null | undefined, max: number): string | null => {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
};

function metaContent(doc: Document, ...keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    if (wanted.has(key)) {
      const value = clean(el.getAttribute('content'), MAX_META_CHARS);
      if (value) return value;
    }
  }
  return null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object in the page's JSON-LD blocks, including @graph members, flattened. */
function jsonLdObjects(doc: Document): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 50)) visit(v, depth + 1);
      return;
    }
    out.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  return out;
}

const ARTICLE_TYPES = /Article|Posting|Report|Blog/i;

function ldString(objects: Record<string, Json>[], key: string): string | null {
  const articleFirst = [...objects].sort(
    (a, b) =>
      Number(ARTICLE_TYPES.test(String(b['@type'] ?? ''))) - Number(ARTICLE_TYPES.test(String(a['@type'] ?? ''))),
  );
  for (const obj of articleFirst) {
    const value = obj[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const name = value['name'] ?? value['@id'];
      if (typeof name === 'string' && name.trim()) return name;
    }
  }
  return null;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, MAX_META_CHARS) : null;
  } catch {
    return null;
  }
}

function publishedDate(doc: Document, ld: Record<string, Json>[]): string | null {
  const candidates = [
    () => metaContent(doc, 'article:published_time'),
    () => ldString(ld, 'datePublished'),
    () => doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ?? null,
    () => doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? null,
    () =>
      metaContent(
        doc,
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'dc.date',
        'dc.date.issued',
        'dcterms.date',
        'dcterms.issued',
        'dcterms.created',
        'og:published_time',
        'parsely-pub-date',
        'sailthru.date',
        'article.published',
      ),
    () => doc.querySelector('time[pubdate][datetime]')?.getAttribute('datetime') ?? null,
    () => doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null,
    () => doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ];
  for (const candidate of candidates) {
    const date = parseDate(candidate());
    if (date) return date;
  }
  return writtenDate(doc);
}

/** Elements that show a page's date in words: <time>, and class, id or itemprop names like these. */
const DATE_ELEMENTS =
  'time, [itemprop*="date" i], [class*="date" i], [id*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="تاريخ"]';
const MAX_DATE_ELEMENTS = 50;

/**
 * A date written in the page's own words (١٥ مايو ٢٠١٩، الأربعاء 22 أيار/مايو 2019) when no
 * metadata gives one: the first short date-named element, in document order, that holds a date.
 */
function writtenDate(doc: Document): string | null {
  const elements = Array.from(doc.body?.querySelectorAll(DATE_ELEMENTS) ?? []).slice(0, MAX_DATE_ELEMENTS);
  for (const el of elements) {
    const text = (el.textContent ?? '').trim();
    if (text.length === 0 || text.length > 200) continue;
    const date = parseDate(text);
    if (date) return date;
  }
  return null;
}

export function readHtmlMeta(doc: Document): HtmlMeta {
  const ld = jsonLdObjects(doc);
  const canonical = Array.from(doc.querySelectorAll('link[rel][href]')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  return {
    publishedAt: publishedDate(doc, ld),
    source: clean(metaContent(doc, 'og:site_name', 'application-name') ?? ldString(ld, 'publisher'), MAX_META_CHARS),
    url:
      httpUrl(canonical?.getAttribute('href')) ?? httpUrl(metaContent(doc, 'og:url')) ?? httpUrl(ldString(ld, 'url')),
    metaTitle: clean(metaContent(doc, 'og:title', 'twitter:title') ?? ldString(ld, 'headline'), MAX_TITLE_CHARS),
    documentTitle: clean(doc.querySelector('head > title, title')?.textContent, MAX_TITLE_CHARS),
  };
}
