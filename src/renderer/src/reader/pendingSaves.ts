/**
 * Changes the server kept in memory because the disk refused them (it answers `storage` with
 * `details.unsaved`): the reader shows them as pending, watches project.info until this document
 * is no longer listed as unsaved, and then reloads the annotations as saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation } from '@shared/model';
import { AppError } from '@shared/errors';
import { api } from '../api/client';

/** What a failed call kept in memory, or null when the failure kept nothing. */
export function keptAfterFailure(err: unknown): Annotation[] | null {
  if (!(err instanceof AppError) || err.code !== 'storage') return null;
  const details = err.details as { unsaved?: unknown; annotations?: unknown } | undefined;
  if (details?.unsaved !== true) return null;
  return Array.isArray(details.annotations) ? (details.annotations as Annotation[]) : [];
}

/** A fresh idempotency key for a create (crypto.randomUUID where the page has it). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const POLL_MS = 1500;

export interface PendingSaves {
  /** ids of annotations whose latest change is kept but not on disk */
  ids: ReadonlySet<string>;
  /** the document has a change the server kept (ids: the annotations concerned, if any) */
  mark(ids: readonly string[]): void;
}

/**
 * While a change is pending, ask project.info every 1.5 s (and when the window regains focus)
 * whether the document is still unsaved; once it is not, run `onSaved` (reload) and clear.
 */
export function usePendingSaves(documentId: string, onSaved: () => Promise<void>): PendingSaves {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [waiting, setWaiting] = useState(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const mark = useCallback((more: readonly string[]) => {
    setWaiting(true);
    if (more.length > 0) setIds((now) => new Set([...now, ...more]));
  }, []);

  useEffect(() => {
    if (!waiting) return;
    let live = true;
    let busy = false;
    const check = async () => {
      if (busy) return;
      busy = true;
      try {
        const info = await api['project.info']({});
        if (!live || info.unsaved.some((u) => u.documentId === documentId)) return;
        await onSavedRef.current();
        if (!live) return;
        setIds(new Set());
        setWaiting(false);
      } catch {
        // the server is away or the reload failed: ask again next time
      } finally {
        busy = false;
      }
    };
    const timer = window.setInterval(() => void check(), POLL_MS);
    window.addEventListener('focus', check);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [waiting, documentId]);

  // another document: nothing of this one is pending there
  useEffect(() => {
    setIds(new Set());
    setWaiting(false);
  }, [documentId]);

  return { ids, mark };
}
