/**
 * LexisNexis / Nexis Uni exports: every article ends with an "End of Document" line (Nexis Uni)
 * or starts with "N of M DOCUMENTS" (LexisNexis Academic). The header above the "Body" line (or
 * above the last label such as "LENGTH:") holds the headline, the source, the date and labelled
 * lines; the footer from "Load-Date:" on is the export's own. English and Arabic labels.
 */
import type { SplitArticle } from './split';
import { parseExportDate } from './splitDates';

const END = /^(end of document|نهاية المستند|نهاية الوثيقة)$/i;
const START = /^\d+\s+(of|من)\s+\d+\s+(documents?|مستندات|وثائق)$/i;
const BODY = /^(body|النص|المتن|نص المقال)$/i;
const LABEL =
  /^(length|byline|section|highlight|dateline|edition|version|load-date|language|publication-type|subject|geographic|graphic|notes|classification|document-type|journal-code|url|organization|company|person|city|country|industry|ticker|الطول|عدد الكلمات|الكاتب|بقلم|المؤلف|القسم|الإصدار|الطبعة|تاريخ التحميل|اللغة|نوع المنشور|الموضوع|المنطقة الجغرافية|التصنيف|نوع المستند|الرابط)\s*:/i;
/** the labels that close a LexisNexis Academic header (the body follows the last of them) */
const HEADER_LABEL =
  /^(length|byline|section|highlight|dateline|edition|version|الطول|عدد الكلمات|الكاتب|بقلم|المؤلف|القسم|الإصدار|الطبعة)\s*:/i;
const FOOTER = /^((load-date|تاريخ التحميل)\s*:|classification$|التصنيف$)/i;
const EDITION = /^[\p{L}\d\s-]{0,30}\b(edition)\b[\p{L}\d\s-]{0,30}$|^الطبعة/iu;
const COPYRIGHT = /^(copyright|©|\(c\)|حقوق (النشر|الطبع))/i;
/** the cover page of a Nexis Uni export, before its first article */
const COVER =
  /^(user name|date and time|job number|documents \(\d+\)|client\/matter|search terms|search type|narrowed by|content type|اسم المستخدم|التاريخ والوقت|رقم المهمة|مصطلحات البحث)\s*:?/i;

function pieces(lines: string[]): string[][] | null {
  const ends = lines.filter((l) => END.test(l.trim())).length;
  if (ends >= 2) {
    const out: string[][] = [];
    let current: string[] = [];
    for (const line of lines) {
      if (END.test(line.trim())) {
        out.push(current);
        current = [];
      } else current.push(line);
    }
    // what follows the last "End of Document" is no article
    return out;
  }
  const starts = lines.filter((l) => START.test(l.trim())).length;
  if (starts >= 2) {
    const out: string[][] = [];
    let current: string[] | null = null;
    for (const line of lines) {
      if (START.test(line.trim())) {
        if (current) out.push(current);
        current = [];
      } else current?.push(line);
    }
    if (current) out.push(current);
    return out;
  }
  return null;
}

function withoutCover(lines: string[]): string[] {
  const last = lines.findLastIndex((l) => COVER.test(l.trim()));
  if (last === -1) return lines;
  // a label's value may run on for a few lines, up to a blank line (a .txt has them, a .docx not)
  const blank = lines.slice(last + 1, last + 6).findIndex((l) => l.trim() === '');
  return lines.slice(blank === -1 ? last + 1 : last + 1 + blank);
}

function article(lines: string[]): SplitArticle | null {
  const trimmed = lines.map((l) => l.trim());
  if (trimmed.every((l) => l === '')) return null;
  let headerEnd = trimmed.findIndex((l) => BODY.test(l));
  let bodyStart = headerEnd + 1;
  const newStyle = headerEnd !== -1;
  if (!newStyle) {
    // LexisNexis Academic: the header ends at its last label within the first lines
    const footer = trimmed.findIndex((l) => FOOTER.test(l));
    const firstLines = trimmed.slice(0, Math.min(40, footer === -1 ? trimmed.length : footer));
    headerEnd = firstLines.findLastIndex((l) => HEADER_LABEL.test(l));
    bodyStart = headerEnd + 1;
    if (headerEnd === -1) {
      headerEnd = 0;
      bodyStart = 0;
    }
  }
  const header = trimmed.slice(0, Math.max(0, newStyle ? headerEnd : bodyStart)).filter((l) => l !== '');
  let publishedAt: string | null = null;
  const named: string[] = [];
  let beforeDate = 0;
  for (const line of header) {
    if (LABEL.test(line) || COPYRIGHT.test(line) || EDITION.test(line)) continue;
    const date = parseExportDate(line);
    if (date) {
      publishedAt ??= date;
      beforeDate = publishedAt === date && beforeDate === 0 ? named.length : beforeDate;
      continue;
    }
    named.push(line);
  }
  let title: string | null;
  let source: string | null;
  if (newStyle) {
    title = named[0] ?? null;
    source = named[1] ?? null;
  } else {
    // source, date, headline
    source = beforeDate > 0 ? (named[0] ?? null) : null;
    title = named[beforeDate] ?? named[0] ?? null;
  }
  let body = lines.slice(bodyStart);
  const footer = body.findIndex((l) => FOOTER.test(l.trim()));
  if (footer !== -1) body = body.slice(0, footer);
  while (body.length > 0 && /^\s*$|^\s*(copyright|©)/i.test(body[body.length - 1] ?? '')) body.pop();
  if (body.every((l) => l.trim() === '')) return null;
  const text = title ? [title, '', ...body].join('\n') : body.join('\n');
  return { title, source, publishedAt, body: text };
}

export function splitNexis(lines: string[]): SplitArticle[] | null {
  const found = pieces(lines);
  if (!found) return null;
  if (found[0]) found[0] = withoutCover(found[0]);
  const articles = found.map(article).filter((a): a is SplitArticle => a !== null);
  return articles.length >= 2 ? articles : null;
}
