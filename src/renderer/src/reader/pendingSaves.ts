/**
 * While the session has a change the server kept in memory (the disk refused it), ask it to
 * check the project every 1.5 s and when the window regains focus; the session reloads the
 * annotations as saved once the document is no longer listed as unsaved.
 */
import { useEffect } from 'react';
import type { AnnotationSession } from './session/AnnotationSession';

const POLL_MS = 1500;

export function useSavedCheck(session: AnnotationSession, waiting: boolean): void {
  useEffect(() => {
    if (!waiting) return;
    const check = () => void session.checkSaved();
    const timer = window.setInterval(check, POLL_MS);
    window.addEventListener('focus', check);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [session, waiting]);
}
