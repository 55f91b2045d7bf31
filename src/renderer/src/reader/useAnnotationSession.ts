/**
 * The reader's AnnotationSession for one document, wired to the app: the status line, the live
 * region (announce), and the annotator-name dialog asked for before the first tag.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { useI18n, useAppStrings } from '../i18n';
import { holdChanges } from '../app/heldChanges';
import { afterNextFrame, nextFrameRendered, runDeferredNow } from './afterFrame';
import { noticeText } from './notices';
import { AnnotationSession } from './session/AnnotationSession';
import { useReaderStrings } from './strings';

export interface SessionWiring {
  session: AnnotationSession;
  /** answer the name dialog (null: cancelled); null while no name is being asked for */
  askName: null | ((name: string | null) => void);
  announcement: string;
  announce(message: string): void;
}

export function useAnnotationSession(documentId: string): SessionWiring {
  const app = useApp();
  const { lang } = useI18n();
  const words = useAppStrings();
  const rs = useReaderStrings();
  const [askName, setAskName] = useState<null | ((name: string | null) => void)>(null);
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);
  // the host reads the newest app state and words when the session calls it
  const latest = useRef({ app, words, lang, rs, announce });
  useEffect(() => {
    latest.current = { app, words, lang, rs, announce };
  });
  // the app is closing (heldChanges.ts): a tag's request goes at once, not after its frame
  const hurry = useRef(false);
  const [session] = useState(
    () =>
      new AnnotationSession(api, documentId, {
        annotator: () => latest.current.app.settings.annotator ?? '',
        ensureAnnotator: async () => {
          const { app } = latest.current;
          if (app.settings.annotator) return true;
          const name = await new Promise<string | null>((resolve) => setAskName(() => resolve));
          setAskName(null);
          if (!name) return false;
          await app.updateSettings({ annotator: name });
          return true;
        },
        // "saving" is set in a tag's key task: the status line renders after the frame showing it
        status: (s) => afterNextFrame(() => latest.current.app.setStatus(s)),
        shown: () => (hurry.current ? Promise.resolve() : nextFrameRendered()),
        notice: (n) => {
          const { words, rs, app, lang, announce } = latest.current;
          announce(noticeText(n, words, rs, app.codebook.codes, lang));
        },
      }),
  );
  // what the session holds is sent before the app closes; kept until sent after the reader closes
  useEffect(() => {
    const release = holdChanges({
      busy: () => session.busy,
      settle: () => {
        hurry.current = true;
        runDeferredNow();
        return session.idle().finally(() => (hurry.current = false));
      },
    });
    return () => void session.idle().then(release);
  }, [session]);
  return { session, askName, announcement, announce };
}
