/** The open document and the claimant suggestions; the session loads the annotations alongside. */
import { useEffect, useState } from 'react';
import type { Document } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { clearAnnotationHighlights } from './highlights';
import type { AnnotationSession } from './session/AnnotationSession';

export function useReaderDocument(session: AnnotationSession) {
  const [doc, setDoc] = useState<Document | null>(null);
  const [claimants, setClaimants] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api['documents.get']({ id: session.documentId }), session.reload(), api['claimants.list']({})])
      .then(([d, , cl]) => {
        if (!live) return;
        setDoc(d);
        setClaimants(cl.map((c) => c.name));
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
      clearAnnotationHighlights();
    };
  }, [session]);
  /** a claimant typed in the editor is suggested from then on */
  const addClaimant = (name: string) => setClaimants((c) => (c.includes(name) ? c : [...c, name]));
  return { doc, claimants, addClaimant, error };
}
