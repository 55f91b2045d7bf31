/**
 * A fake of the API the session calls, for tests: every call waits until the test answers it
 * (resolve or reject), so answers can arrive in any order. Not part of the app bundle.
 */
import type { Annotation } from '@shared/model';
import { AnnotationSession } from './AnnotationSession';
import type { SaveStatus, SessionApi, SessionHost, SessionNotice, SessionSnapshot } from './types';

export interface Call {
  name: keyof SessionApi;
  input: Record<string, unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export const DOC = 'doc-1';
const TEXT = 'The minister proposed a ceasefire on Monday and the rebels refused it the next day.';

let serial = 0;
export function annotation(fields: Partial<Annotation> = {}): Annotation {
  serial += 1;
  const start = fields.start ?? 4;
  const end = fields.end ?? 12;
  return {
    id: `a${serial}`,
    documentId: DOC,
    start,
    end,
    quote: TEXT.slice(start, end),
    prefix: '',
    suffix: '',
    codes: ['c1'],
    values: {},
    annotator: 'Layla',
    createdAt: `2026-01-01T00:00:${String(serial % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** An error like the client's ApiError. */
export function apiError(code: string, message: string, details?: unknown): Error {
  return Object.assign(new Error(message), { code, details });
}

/** Let every promise chain that can move on do so. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function setup(initial: Annotation[] = []) {
  const calls: Call[] = [];
  const make =
    (name: keyof SessionApi) =>
    (input: unknown): Promise<never> =>
      new Promise((resolve, reject) => {
        calls.push({ name, input: input as Record<string, unknown>, resolve: resolve as (v: unknown) => void, reject });
      });
  const api = Object.fromEntries(
    (
      [
        'annotations.list',
        'annotations.create',
        'annotations.createMany',
        'annotations.update',
        'annotations.delete',
        'annotations.deleteMany',
        'annotations.restore',
        'project.info',
      ] as const
    ).map((n) => [n, make(n)]),
  ) as unknown as SessionApi;
  const statuses: SaveStatus[] = [];
  const notices: SessionNotice[] = [];
  const host: SessionHost = {
    ensureAnnotator: () => Promise.resolve(true),
    annotator: () => 'Layla',
    status: (s) => statuses.push(s),
    notice: (n) => notices.push(n),
  };
  const session = new AnnotationSession(api, DOC, host);
  session.setText((s, e) => TEXT.slice(s, e));
  const seen: SessionSnapshot[] = [];
  session.subscribe(() => seen.push(session.getSnapshot()));

  /** The calls of one method not yet answered, oldest first. */
  const open = (name: keyof SessionApi) => calls.filter((c) => c.name === name && !answered.has(c));
  const answered = new Set<Call>();
  const answer = async (name: keyof SessionApi, value: unknown, index = 0) => {
    await settle();
    const call = open(name)[index];
    if (!call) throw new Error(`no open ${name} call`);
    answered.add(call);
    call.resolve(value);
    await settle();
    return call;
  };
  const fail = async (name: keyof SessionApi, err: unknown, index = 0) => {
    await settle();
    const call = open(name)[index];
    if (!call) throw new Error(`no open ${name} call`);
    answered.add(call);
    call.reject(err);
    await settle();
    return call;
  };
  const load = async () => {
    const loading = session.reload();
    await answer('annotations.list', initial);
    await loading;
  };
  const snap = () => session.getSnapshot();
  const byId = (id: string) => snap().annotations.find((a) => a.id === id);
  return { session, host, calls, open, answer, fail, load, snap, byId, seen, statuses, notices };
}

/** The server's answer to an update: the annotation with the patch applied. */
export function updated(a: Annotation, input: Record<string, unknown>, at = '2026-01-02T00:00:00.000Z'): Annotation {
  const { id: _id, documentId: _doc, ...patch } = input;
  return { ...a, ...(patch as Partial<Annotation>), updatedAt: at };
}
