/**
 * The preview of one file before anything is written: the articles found (title, date, source,
 * length, first words), each with a checkbox, and each article's paragraphs with a checkbox to
 * leave one out (an advertisement, a repeated title). The choice is sent with the file's bytes;
 * the server reads them again and never takes text from here.
 */
import { useState } from 'react';
import type { ArticlePreview, ImportPreview } from '@shared/api/documents';
import type { ImportChoice } from './importQueue';
import { useImportStrings } from './strings';

export interface ImportReviewProps {
  fileName: string;
  preview: ImportPreview;
  onCommit: (choice: ImportChoice) => void;
  onSkip: () => void;
  busy: boolean;
}

const FIRST_WORDS = 24;

function firstWords(article: ArticlePreview): string {
  const body = article.paragraphs.slice(article.paragraphs[0] === article.title ? 1 : 0).join(' ');
  const words = body.split(/\s+/).filter(Boolean);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')} …` : words.join(' ');
}

function Paragraphs({
  article,
  index,
  dropped,
  onToggle,
}: {
  article: ArticlePreview;
  index: number;
  dropped: ReadonlySet<number>;
  onToggle: (p: number) => void;
}) {
  const it = useImportStrings();
  return (
    <ol className="import-paragraphs">
      {article.paragraphs.map((p, j) => (
        <li key={j} className={dropped.has(j) ? 'dropped' : undefined}>
          <label>
            <input
              type="checkbox"
              checked={!dropped.has(j)}
              onChange={() => onToggle(j)}
              aria-label={`${it.keepParagraph} ${j + 1}`}
              data-testid={`keep-${index}-${j}`}
            />
            <span dir="auto">{p}</span>
          </label>
        </li>
      ))}
    </ol>
  );
}

export function ImportReview({ fileName, preview, onCommit, onSkip, busy }: ImportReviewProps) {
  const it = useImportStrings();
  const { articles } = preview;
  const several = articles.length > 1;
  // an article repeated in the file, or already in the project, starts unticked
  const [chosen, setChosen] = useState<boolean[]>(() =>
    articles.map((a) => a.repeatOf === null && a.duplicate === null),
  );
  const [dropped, setDropped] = useState<Set<number>[]>(() => articles.map(() => new Set<number>()));
  const [open, setOpen] = useState<boolean[]>(() => articles.map(() => !several));

  const toggleParagraph = (i: number, p: number) =>
    setDropped((prev) =>
      prev.map((set, k) => {
        if (k !== i) return set;
        const next = new Set(set);
        if (next.has(p)) next.delete(p);
        else next.add(p);
        return next;
      }),
    );

  const commit = () => {
    const numbers = chosen.flatMap((c, i) => (c ? [i] : []));
    const dropParagraphs = numbers.flatMap((i) => {
      const set = dropped[i];
      return set && set.size > 0 ? [{ article: i, paragraphs: [...set].sort((a, b) => a - b) }] : [];
    });
    onCommit({
      ...(several ? { split: numbers.length === articles.length ? ('all' as const) : numbers } : {}),
      ...(dropParagraphs.length > 0 ? { dropParagraphs } : {}),
    });
  };
  const count = chosen.filter(Boolean).length;
  const nothingLeft = chosen.some((c, i) => c && (dropped[i]?.size ?? 0) >= (articles[i]?.paragraphs.length ?? 0));

  return (
    <section className="import-review" aria-label={fileName} data-testid="import-review">
      <p className="meta">{several ? `${articles.length} ${it.articlesFound}` : it.reviewSingle}</p>
      <ul className="import-articles">
        {articles.map((a, i) => (
          <li key={i} className="import-article" data-testid="import-article">
            <label className="import-article-title">
              {several && (
                <input
                  type="checkbox"
                  checked={chosen[i] ?? false}
                  onChange={() => setChosen((prev) => prev.map((c, k) => (k === i ? !c : c)))}
                  aria-label={`${it.chooseArticle}: ${a.title}`}
                />
              )}
              <bdi dir="auto">{a.title}</bdi>
            </label>
            <span className="meta">
              <bdi>{a.publishedAt ?? it.noDate}</bdi> · <bdi dir="auto">{a.source || it.noSource}</bdi> ·{' '}
              {a.charCount.toLocaleString()} {it.characters}
            </span>
            <span className="import-first-words" dir="auto">
              {firstWords(a)}
            </span>
            {a.duplicate && (
              <span className="import-near" role="note">
                {it.alreadyIn} {a.duplicate.exact ? '' : `${Math.floor(a.duplicate.similarity * 100)}% ${it.sameAs} `}
                <bdi dir="auto">“{a.duplicate.title}”</bdi>
              </span>
            )}
            <details
              open={open[i]}
              onToggle={(e) => {
                const isOpen = e.currentTarget.open;
                setOpen((prev) => prev.map((o, k) => (k === i ? isOpen : o)));
              }}
            >
              <summary>
                {it.paragraphs} ({a.paragraphs.length - (dropped[i]?.size ?? 0)}/{a.paragraphs.length})
              </summary>
              {open[i] && (
                <Paragraphs
                  article={a}
                  index={i}
                  dropped={dropped[i] ?? new Set()}
                  onToggle={(p) => toggleParagraph(i, p)}
                />
              )}
            </details>
          </li>
        ))}
      </ul>
      <span className="import-actions">
        <button type="button" className="primary" disabled={busy || count === 0 || nothingLeft} onClick={commit}>
          {it.importChosen} ({count})
        </button>
        {several && (
          <button type="button" disabled={busy} onClick={() => onCommit({ split: 'none' })}>
            {it.importAsOne}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onSkip}>
          {it.skip}
        </button>
      </span>
    </section>
  );
}
