/**
 * Multi-article files: a database export (Nexis, Factiva) or a concatenated corpus cut into one
 * article each, with its own title, date and source, before canonicalisation. The input is the
 * text a reader produced: the decoded text of a .txt (lines, blank lines and form feeds as
 * written), or a reader's paragraphs one per line (.docx, web pages, and any reader added later).
 * A file is split only on strong evidence: at least two separators of one kind, every piece
 * looking like an article; anything else is one article, as before.
 */
import { splitFactiva } from './splitFactiva';
import { splitNexis } from './splitNexis';
import { splitOnSeparators } from './splitSeparators';

export type SplitKind = 'nexis' | 'factiva' | 'separator';

export interface SplitArticle {
  /** the headline from the export's header, or null (the text's first line is the title) */
  title: string | null;
  source: string | null;
  /** YYYY-MM-DD, or null */
  publishedAt: string | null;
  /** the article's text as the reader gave it (headline first, header and footer lines removed) */
  body: string;
}

export interface Split {
  kind: SplitKind;
  articles: SplitArticle[];
}

/** Lines of a reader's text, whatever line breaks it uses (form feeds are kept inside lines). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n?|\n|\u2028|\u0085/);
}

/** The articles of a multi-article text, or null when it is one article (or the evidence is weak). */
export function splitArticles(text: string): Split | null {
  const lines = linesOf(text);
  const nexis = splitNexis(lines);
  if (nexis) return { kind: 'nexis', articles: nexis };
  const factiva = splitFactiva(lines);
  if (factiva) return { kind: 'factiva', articles: factiva };
  const pieces = splitOnSeparators(text);
  if (pieces)
    return {
      kind: 'separator',
      articles: pieces.map((body) => ({ title: null, source: null, publishedAt: null, body })),
    };
  return null;
}
