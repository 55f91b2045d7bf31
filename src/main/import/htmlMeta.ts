/**
 * Article metadata read from a parsed page: publication date (article:published_time, JSON-LD
 * datePublished, itemprop, date/pubdate/DC.date meta, <time datetime>), source (og:site_name),
 * URL (canonical link or og:url) and title candidates. Only attribute values and JSON data are
 * read; nothing in the page is run or fetched.
 */
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
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
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
  const articleFirst = [...objects].sort((a, b) => Number(ARTICLE_TYPES.test(String(b['@type'] ?? ''))) - Number(ARTICLE_TYPES.test(String(a['@type'] ?? ''))));
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

/** A publication date as YYYY-MM-DD (the publisher's own calendar day), or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  const s = (value ?? '').trim();
  if (!s) return null;
  const valid = (y: number, m: number, d: number) => y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T|\s)/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  if (!/[A-Za-z]{3}/.test(s) || !/\d{4}/.test(s)) return null;
  const time = Date.parse(s);
  if (!Number.isFinite(time)) return null;
  const date = new Date(time);
  return valid(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ? date.toISOString().slice(0, 10) : null;
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
    const date = normalizeDate(candidate());
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
    url: httpUrl(canonical?.getAttribute('href')) ?? httpUrl(metaContent(doc, 'og:url')) ?? httpUrl(ldString(ld, 'url')),
    metaTitle: clean(metaContent(doc, 'og:title', 'twitter:title') ?? ldString(ld, 'headline'), MAX_TITLE_CHARS),
    documentTitle: clean(doc.querySelector('head > title, title')?.textContent, MAX_TITLE_CHARS),
  };
}
