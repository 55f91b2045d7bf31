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

/**
 * The session's snapshot; the component renders again when it changes. Not useSyncExternalStore:
 * its updates render synchronously in a microtask, before the browser's frame. The update waits for
 * the next frame instead (afterFrame.ts): after a key press the frame showing the tag (painted from
 * the session directly, ReaderView) comes first, and the panel, counts and editor render after it.
 */
export function useSessionSnapshot(session: AnnotationSession): SessionSnapshot {
  const [snapshot, setSnapshot] = useState(session.getSnapshot);
  useEffect(() => {
    setSnapshot(session.getSnapshot());
    let waiting = false;
    return session.subscribe(() => {
      if (waiting) return; // one render for every change until it comes
      waiting = true;
      afterNextFrame(() => {
        waiting = false;
        setSnapshot(session.getSnapshot());
      });
    });
  }, [session]);
  return snapshot;
}
