/** The open document; the session loads the annotations alongside. */
import { useEffect, useState } from 'react';
import type { Document } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { clearAnnotationHighlights } from './highlights';
import type { AnnotationSession } from './session/AnnotationSession';

export function useReaderDocument(session: AnnotationSession) {
  const [doc, setDoc] = useState<Document | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api['documents.get']({ id: session.documentId }), session.reload()])
      .then(([d]) => {
        if (live) setDoc(d);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
      clearAnnotationHighlights();
    };
  }, [session]);
  return { doc, error };
}
