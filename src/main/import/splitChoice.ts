/**
 * The researcher's choice from documents.preview, applied to the articles read again from the
 * same bytes: which articles, and which of their paragraphs to leave out. The canonical text is
 * only ever cut at paragraph boundaries here; it is fixed once the documents are made.
 */
import type { DropParagraphs, SplitChoice } from '@shared/api/documents';
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import type { ImportedArticles } from './splitImport';
import type { ImportedText } from './types';

const KIND_NAMES: Record<ImportedArticles['kind'], string> = {
  single: 'one article',
  nexis: 'a Nexis export',
  factiva: 'a Factiva export',
  separator: 'articles joined by a separator',
};

function withoutParagraphs(article: ImportedText, number: number, drop: readonly number[]): ImportedText {
  if (drop.length === 0) return article;
  const paragraphs = article.text.split('\n');
  const bad = drop.find((p) => p >= paragraphs.length);
  if (bad !== undefined) {
    throw new AppError(
      'invalid_input',
      `Article ${number + 1} has ${paragraphs.length} paragraph(s); there is no paragraph ${bad + 1} to leave out.`,
    );
  }
  const dropped = new Set(drop);
  const kept = paragraphs.filter((_, i) => !dropped.has(i));
  if (kept.length === 0)
    throw new AppError(
      'invalid_input',
      `Every paragraph of article ${number + 1} would be left out; there would be nothing to import.`,
    );
  const { text } = canonicalizeText(kept.join('\n'), { paragraphs: 'lines' });
  const warning = {
    code: 'paragraphs_dropped',
    message: `${dropped.size} paragraph(s) were left out at import.`,
    count: dropped.size,
  };
  return { ...article, text, warnings: [...article.warnings, warning] };
}

/** The articles to make into documents, in the file's order, with the chosen paragraphs left out. */
export function chooseArticles(
  fileName: string,
  read: ImportedArticles,
  split: SplitChoice | undefined,
  drop: DropParagraphs = [],
): ImportedText[] {
  const count = read.articles.length;
  if (split === undefined && count > 1) {
    throw new AppError(
      'conflict',
      `“${fileName}” holds ${count} articles (${KIND_NAMES[read.kind]}). Preview it to choose which to import, or import it as one document.`,
      { articles: count, kind: read.kind },
    );
  }
  // split 'none': the caller has read the file as one article (importFile)
  const pool = read.articles;
  const numbers = Array.isArray(split) ? [...new Set(split)].sort((a, b) => a - b) : pool.map((_, i) => i);
  const missing = numbers.find((n) => n >= pool.length);
  if (missing !== undefined) {
    throw new AppError(
      'invalid_input',
      `“${fileName}” holds ${pool.length} article(s); there is no article ${missing + 1}.`,
    );
  }
  for (const d of drop) {
    if (!numbers.includes(d.article))
      throw new AppError(
        'invalid_input',
        `Paragraphs of article ${d.article + 1} were to be left out, but that article is not among those chosen.`,
      );
  }
  return numbers.map((n) => {
    const paragraphs = drop.filter((d) => d.article === n).flatMap((d) => d.paragraphs);
    return withoutParagraphs(pool[n] as ImportedText, n, paragraphs);
  });
}
