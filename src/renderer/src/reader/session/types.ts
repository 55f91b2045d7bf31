/**
 * What an AnnotationSession needs from outside (the API methods it calls, the host that asks for
 * the annotator's name and shows status and announcements) and what it shows (its snapshot).
 * Framework-free: no React, no DOM.
 */
import type { ApiClient } from '@shared/api';
import type { Annotation } from '@shared/model';

/** The subset of the API client the session calls (tests pass a fake). */
export type SessionApi = Pick<
  ApiClient,
  | 'annotations.list'
  | 'annotations.create'
  | 'annotations.createMany'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.deleteMany'
  | 'annotations.restore'
  | 'project.info'
>;

/** A code-point span of the document's canonical text. */
export interface Span {
  start: number;
  end: number;
}

/** The status line: the same shape as the app's Status. */
export type SaveStatus = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Something to tell the researcher (the view puts it into words, in the interface language). */
export type SessionNotice =
  | { kind: 'created'; codes: readonly string[]; quote: string; count: number }
  | { kind: 'updated' }
  | { kind: 'deleted'; quote: string }
  | { kind: 'spanMoved'; quote: string }
  | { kind: 'spanRefused' }
  | { kind: 'undone' }
  | { kind: 'redone' }
  | { kind: 'selectFirst' }
  | { kind: 'reconciled' };

export interface SessionHost {
  /** Make sure the annotator has a name before the first annotation (false: they declined). */
  ensureAnnotator(): Promise<boolean>;
  /** The annotator's name, recorded on provisional annotations. */
  annotator(): string;
  status(status: SaveStatus): void;
  /**
   * Resolves once the provisional annotations of a tag are on screen: the tag's request to the
   * server is sent then, after the key's task and its frame (absent: at once).
   */
  shown?(): Promise<void>;
  notice(notice: SessionNotice): void;
}

/** What the view shows; a new object (and new arrays) on every change, never mutated. */
export interface SessionSnapshot {
  /** in reading order */
  readonly annotations: readonly Annotation[];
  readonly activeId: string | null;
  readonly active: Annotation | null;
  /** how many of the annotations carry each code (absent: none), kept up to date per change */
  readonly codeCounts: ReadonlyMap<string, number>;
  /** annotations whose latest change the server kept in memory but could not write to disk */
  readonly pendingIds: ReadonlySet<string>;
  /** a change of this document is kept in memory: checkSaved() should be asked now and then */
  readonly waitingForSave: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}
