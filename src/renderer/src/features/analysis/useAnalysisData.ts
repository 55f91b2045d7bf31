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

/**
 * The answer of `load` for `key` (a JSON string of its inputs), refetched when the key changes.
 * `defer` sends the request later: one filter change asks for the table, the timeline and the
 * network at once, and the server answers in the order it is asked, so the table (what the
 * researcher reads) asks first and the charts after it. The first hop is a microtask (after every
 * effect of the same commit, the table's request among them, yet before the browser draws that
 * commit's frame, so the timeline's answer does not wait for it); each further hop is a task.
 * `ready` gives an answer for `key` that has already come (earlyRequests.ts's settled): the
 * render for a new key shows it at once, and nothing is sent.
 */
export function useLatest<T>(
  key: string,
  load: () => Promise<T>,
  defer = 0,
  ready?: (key: string) => { value: T } | undefined,
): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data: T | null; error: string | null }>({
    key: '',
    data: null,
    error: null,
  });
  const early = state.key !== key ? ready?.(key) : undefined;
  useEffect(() => {
    const came = ready?.(key);
    if (came) {
      setState({ key, data: came.value, error: null });
      return;
    }
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = (hops: number) => {
      if (!current) return;
      if (hops > 1) {
        timer = setTimeout(() => send(hops - 1), 0);
        return;
      }
      if (hops === 1) {
        queueMicrotask(() => send(0));
        return;
      }
      load().then(
        (data) => current && setState({ key, data, error: null }),
        (err: unknown) => current && setState({ key, data: null, error: errorMessage(err) }),
      );
    };
    send(defer);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // the key stands for everything `load` reads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return early ? { data: early.value, error: null } : { data: state.data, error: state.error };
}
