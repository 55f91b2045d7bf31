/**
 * Factiva exports: every article ends with a "Document AFPAR00020190515ef5f000xx" line. Its
 * header is the headline (perhaps a byline under it), a word count ("734 words", "734 كلمة"),
 * the date, perhaps a time, the source, the source's code, the language and a copyright line.
 */
import type { SplitArticle } from './split';
import { parseExportDate } from './splitDates';

const FOOTER = /^(document|المستند|مستند|وثيقة)\s+[A-Za-z0-9]{16,40}$/i;
const WORDS = /^[\d,.٬]+\s+(words?|كلمة|كلمات)$/i;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?(\s*[A-Za-z]{1,5})?$/;
const CODE = /^[A-Z0-9]{2,12}$/;
const LANGUAGE = /^(english|arabic|french|german|spanish|العربية|عربي|الإنجليزية|الانجليزية|الإنكليزية|الفرنسية)$/i;
const COPYRIGHT = /^(copyright|©|\(c\)|حقوق (النشر|الطبع))/i;

function article(lines: string[]): SplitArticle | null {
  const at = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== '');
  if (at.length === 0) return null;
  const w = at.slice(0, 10).findIndex((x) => WORDS.test(x.l));
  if (w === -1) return { title: null, source: null, publishedAt: null, body: lines.join('\n') };
  const title = w > 0 ? (at[0]?.l ?? null) : null;
  let k = w + 1;
  let publishedAt: string | null = null;
  for (let j = k; j < Math.min(at.length, k + 3); j++) {
    const date = parseExportDate(at[j]?.l ?? '');
    if (date) {
      publishedAt = date;
      k = j + 1;
      break;
    }
  }
  while (k < at.length && TIME.test(at[k]?.l ?? '')) k++;
  let source: string | null = null;
  if (k < at.length && !COPYRIGHT.test(at[k]?.l ?? '')) source = at[k++]?.l ?? null;
  while (
    k < at.length &&
    (CODE.test(at[k]?.l ?? '') || LANGUAGE.test(at[k]?.l ?? '') || COPYRIGHT.test(at[k]?.l ?? ''))
  )
    k++;
  const start = at[k]?.i ?? lines.length;
  const body = lines.slice(start);
  if (body.every((l) => l.trim() === '')) return null;
  return { title, source, publishedAt, body: title ? [title, '', ...body].join('\n') : body.join('\n') };
}

export function splitFactiva(lines: string[]): SplitArticle[] | null {
  if (lines.filter((l) => FOOTER.test(l.trim())).length < 2) return null;
  const pieces: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (FOOTER.test(line.trim())) {
      pieces.push(current);
      current = [];
    } else current.push(line);
  }
  // what follows the last footer (a search summary) is no article
  const articles = pieces.map(article).filter((a): a is SplitArticle => a !== null);
  return articles.length >= 2 ? articles : null;
}
