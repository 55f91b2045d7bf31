/**
 * The rows of a windowed list of the project's documents (the library, the document picker):
 * the server sorts and filters (documents.page), and only the blocks of rows in view are asked
 * for. A new view (another sort, filter or reload) keeps the old rows on screen until its own
 * come, and an answer for a view no longer shown is dropped.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DocumentPage, DocumentPageInput } from '@shared/api/documents';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { useWindowedRows, type RowWindow } from './useWindowedRows';

/** Rows asked for at a time. */
export const DOCUMENT_BLOCK = 100;

export interface DocumentRows {
  /** the view these rows belong to */
  view: string;
  total: number;
  matched: number;
  blocks: Map<number, DocumentSummary[]>;
}

export interface DocumentWindow {
  /** the rows that have come (of this view, or of the last one until this one's come) */
  loaded: DocumentRows | null;
  /** whether `loaded` is of the view asked for */
  current: boolean;
  error: string | null;
  rows: RowWindow;
  rowAt: (i: number) => DocumentSummary | undefined;
}

/**
 * `input` is the page request without its window; `view` names it (with anything else that should
 * ask again, e.g. a reload count). `early` may give a request already sent for a block.
 */
export function useDocumentWindow(
  scroller: RefObject<HTMLElement | null>,
  rowHeight: number,
  headHeight: number,
  input: Omit<DocumentPageInput, 'offset' | 'limit'>,
  view: string,
  early?: (block: number) => Promise<DocumentPage> | null,
): DocumentWindow {
  const [loaded, setLoaded] = useState<DocumentRows | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = useWindowedRows(scroller, loaded?.matched ?? 0, rowHeight, headHeight);
  const first = Math.floor(rows.start / DOCUMENT_BLOCK);
  const last = Math.max(first, Math.floor((rows.end - 1) / DOCUMENT_BLOCK));
  const asked = useRef(new Set<string>());
  const shown = useRef(view);
  shown.current = view;
  useEffect(() => {
    const have = loaded?.view === view ? loaded.blocks : null;
    for (let block = first; block <= last; block++) {
      const id = `${view}@${block}`;
      if (have?.has(block) || asked.current.has(id)) continue;
      asked.current.add(id);
      const request =
        early?.(block) ?? api['documents.page']({ ...input, offset: block * DOCUMENT_BLOCK, limit: DOCUMENT_BLOCK });
      request
        .then((page) => {
          asked.current.delete(id);
          // a view changed meanwhile (sorted, filtered, reloaded): only the newest is shown
          if (shown.current !== view) return;
          setError(null);
          setLoaded((old) => {
            const blocks = old?.view === view ? new Map(old.blocks) : new Map<number, DocumentSummary[]>();
            blocks.set(block, page.rows);
            return { view, total: page.total, matched: page.matched, blocks };
          });
        })
        .catch((err: unknown) => {
          asked.current.delete(id);
          if (shown.current === view) setError(errorMessage(err));
        });
    }
    // `input` and `early` are part of `view`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, first, last, loaded]);
  return {
    loaded,
    current: loaded?.view === view,
    error,
    rows,
    rowAt: (i) => loaded?.blocks.get(Math.floor(i / DOCUMENT_BLOCK))?.[i % DOCUMENT_BLOCK],
  };
}
