/**
 * The one door for features that work inside the reader (find bar, codebook tools): the
 * annotation session (annotations, tagging, undo) and the view things it cannot hold — the
 * document, its text model, the article element, reveal and announce.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { afterNextFrame } from './afterFrame';
import type { Document } from '@shared/model';
import type { AnnotationSession } from './session/AnnotationSession';
import type { SessionSnapshot } from './session/types';
import type { TextModel } from './textModel';

export interface ReaderDoor {
  session: AnnotationSession;
  document: Document;
  model: TextModel;
  /** the <article> holding the paragraphs; null before first render */
  article(): HTMLElement | null;
  /** scroll to a code-point span and flash it */
  reveal(start: number, end: number): void;
  announce(message: string): void;
}

export const ReaderContext = createContext<ReaderDoor | null>(null);

export function useReader(): ReaderDoor {
  const ctx = useContext(ReaderContext);
  if (!ctx) throw new Error('useReader outside the reader');
  return ctx;
}

let deferring = false;

/** A tag is starting (a code key): the view renders the session's changes after the next frame. */
export function renderAfterNextFrame(): void {
  deferring = true;
}

/**
 * The session's snapshot; the component renders again when it changes. Not useSyncExternalStore:
 * its updates render synchronously in a microtask, before the browser's frame. After a tag
 * (renderAfterNextFrame) the update waits for the next frame instead (afterFrame.ts): the frame
 * showing the tag (painted from the session directly, ReaderView) comes first, and the panel,
 * counts and editor render after it. Other changes render at once, as before.
 */
export function useSessionSnapshot(session: AnnotationSession): SessionSnapshot {
  const [snapshot, setSnapshot] = useState(session.getSnapshot);
  useEffect(() => {
    setSnapshot(session.getSnapshot());
    let waiting = false;
    return session.subscribe(() => {
      // an edit in the editor (a checkbox, a field) renders at once, as it always did
      if (!deferring) return setSnapshot(session.getSnapshot());
      if (waiting) return; // one render for every change until it comes
      waiting = true;
      afterNextFrame(() => {
        waiting = false;
        deferring = false;
        setSnapshot(session.getSnapshot());
      });
    });
  }, [session]);
  return snapshot;
}
