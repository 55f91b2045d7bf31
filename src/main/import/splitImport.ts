/**
 * A file's articles: importFile's reading, then the splitter (split.ts) between the reader and
 * canonicalisation. A .txt is split on its decoded text (its form feeds, NULs, separator lines
 * and blank lines as written); every other format on the paragraphs its reader produced. A file
 * that is not a multi-article file gives one article, exactly what importFile gives.
 */
import { canonicalizeText } from '@shared/text/canonical';
import { importFile, importPlainText } from '.';
import { decodeText } from './decode';
import { MAX_IMPORT_FILE_BYTES } from './limits';
import { detectFormat } from './sniff';
import { type SplitArticle, type SplitKind, splitArticles } from './split';
import { nulRunsToFormFeeds } from './splitNul';
import type { ImportedText } from './types';

export interface ImportedArticles {
  /** how the file was cut, or 'single' for a file of one article */
  kind: SplitKind | 'single';
  /** each article's canonical text and metadata, in the file's order */
  articles: ImportedText[];
}

function withMeta(imported: ImportedText, article: SplitArticle, meta: ImportedText['meta'] = {}): ImportedText {
  return {
    ...imported,
    title: article.title ?? imported.title,
    meta: {
      ...meta,
      ...(article.source ? { source: article.source } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    },
  };
}

function splitText(bytes: Uint8Array): ImportedArticles | null {
  try {
    const decoded = decodeText(bytes);
    const split = splitArticles(decoded.text);
    if (!split) return null;
    const articles = split.articles.map((a) => withMeta(importPlainText(a.body, decoded.warnings), a));
    return { kind: split.kind, articles };
  } catch {
    // whatever went wrong, importFile says it for the whole file
    return null;
  }
}

export async function importArticles(fileName: string, bytes: Uint8Array): Promise<ImportedArticles> {
  let format: string | null = null;
  const nul = bytes.length > 0 && bytes.length <= MAX_IMPORT_FILE_BYTES ? nulRunsToFormFeeds(bytes) : null;
  if (bytes.length > 0 && bytes.length <= MAX_IMPORT_FILE_BYTES) {
    try {
      format = detectFormat(fileName, nul ?? bytes);
    } catch {
      format = null;
    }
  }
  if (format === 'text') {
    const split = splitText(nul ?? bytes);
    if (split) return split;
  }
  const whole = await importFile(fileName, bytes);
  if (format === 'text') return { kind: 'single', articles: [whole] };
  const split = splitArticles(whole.text);
  if (!split) return { kind: 'single', articles: [whole] };
  const articles = split.articles.flatMap((a) => {
    const { text, warnings } = canonicalizeText(a.body, { paragraphs: 'lines' });
    if (text.trim() === '') return [];
    return [
      withMeta({ text, title: null, warnings: [...whole.warnings, ...warnings], meta: {} }, a, { url: whole.meta.url }),
    ];
  });
  return articles.length >= 2 ? { kind: split.kind, articles } : { kind: 'single', articles: [whole] };
}
