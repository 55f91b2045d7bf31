/**
 * What the claims view's parts share: a revision that moves on whenever annotations, documents or
 * the project change (each part fetches again for it), and a fetch that keeps only the answer to
 * the latest request (an older answer arriving late is dropped).
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAppEvent } from '../../app/appEvents';

export function useDataRevision(): number {
  const [revision, setRevision] = useState(0);
  const bump = () => setRevision((r) => r + 1);
  useAppEvent('annotations.changed', bump);
  useAppEvent('documents.changed', bump);
  useAppEvent('project.changed', bump);
  return revision;
}

/** The answer of `load` for `key` (a JSON string of its inputs), refetched when the key changes. */
export function useLatest<T>(key: string, load: () => Promise<T>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data: T | null; error: string | null }>({
    key: '',
    data: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ key, data, error: null }),
      (err: unknown) => current && setState({ key, data: null, error: errorMessage(err) }),
    );
    return () => {
      current = false;
    };
    // the key stands for everything `load` reads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { data: state.data, error: state.error };
}
