import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationFields, Code, Document } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { useApp } from '../app/AppContext';
import { UndoStack, type UndoStep } from '../app/undo';
import { codeLabel, useI18n } from '../i18n';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationPanel, filterAnnotations, type PanelFilter } from './AnnotationPanel';
import { ArticleText } from './ArticleText';
import { CodePalette } from './CodePalette';
import { placePalette, type PalettePlace } from './palettePlace';
import { SelectionKeys } from './SelectionKeys';
import { flashRange, installHighlightStyles, paintAnnotations, clearAnnotationHighlights } from './highlights';
import { NameDialog } from './NameDialog';
import { PanelSplitter, useSidePanelWidth } from './PanelSplitter';
import { ReaderContext, type ReaderApi } from './ReaderContext';
import { keptAfterFailure, newRequestId, usePendingSaves } from './pendingSaves';
import { snapSpan } from './snap';
import { edgeKey, moveEdge } from './spanEdges';
import { useReaderStrings } from './strings';
import { buildTextModel, domToUtf16, rangeForSpan, type TextModel } from './textModel';
import { HoverCard } from './HoverCard';
import { onAnnotationsChanged, onUndoStepOffered } from '../features/codebook/events';
import { onAnnotationsImported } from '../features/export/events';

/** What a researcher sets on an annotation (every field of AnnotationFields; checked below). */
const FIELD_NAMES = ['codes', 'claimant', 'stance', 'certainty', 'note'] as const satisfies ReadonlyArray<
  keyof AnnotationFields
>;
// a field added to AnnotationFields and not listed above fails to compile here
const allFieldsListed: Exclude<keyof AnnotationFields, (typeof FIELD_NAMES)[number]> extends never ? true : never =
  true;
void allFieldsListed;

function pickFields(a: Annotation): AnnotationFields {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_NAMES) out[k] = a[k];
  return out as AnnotationFields;
}

const sortAnnotations = (list: Annotation[]) =>
  list.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));

let provisionalCounter = 0;
/** Local stand-ins for annotations being created, shown until the server answers. */
function provisionalAnnotations(
  model: TextModel,
  drafts: ReadonlyArray<{ documentId: string; start: number; end: number; codes: string[] }>,
  annotator: string,
): Annotation[] {
  const now = new Date().toISOString();
  return drafts.map((d) => ({
    ...d,
    id: `pending-${++provisionalCounter}`,
    quote: model.map.slice(d.start, d.end),
    prefix: '',
    suffix: '',
    claimant: '',
    stance: '',
    certainty: '',
    note: '',
    annotator,
    createdAt: now,
    updatedAt: now,
  }));
}

function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable;
}

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPositionLike | null {
  const doc = window.document as globalThis.Document & {
    caretPositionFromPoint?: (x: number, y: number) => CaretPositionLike | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) return doc.caretPositionFromPoint(x, y);
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
}

export function ReaderView({
  documentId,
  focus,
  findBar,
}: {
  documentId: string;
  focus?: { start: number; end: number } | undefined;
  /** shown above the article, inside the reader's context (App.tsx passes the search feature's) */
  findBar?: React.ReactNode;
}) {
  const app = useApp();
  const { t, lang } = useI18n();
  const codes = app.codebook.codes;
  const [doc, setDoc] = useState<Document | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [claimants, setClaimants] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [activeId, setActiveIdState] = useState<string | null>(null);
  // refs mirror state synchronously, for queued actions that run before React re-renders
  const activeIdRef = useRef<string | null>(null);
  const setActiveId = useCallback((id: string | null) => {
    activeIdRef.current = id;
    setActiveIdState(id);
  }, []);
  const [filter, setFilter] = useState<PanelFilter>({ code: '', annotator: '' });
  const [sideWidth, setSideWidth] = useSidePanelWidth();
  const [palette, setPaletteOpen] = useState<false | PalettePlace>(false);
  // the selection is lost when the palette's search field takes focus: keep it
  const paletteSpan = useRef<{ start: number; end: number } | null>(null);
  const [askName, setAskName] = useState<null | ((name: string | null) => void)>(null);
  const [hover, setHover] = useState<{ x: number; y: number; items: Annotation[] } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const articleRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const undo = useRef(new UndoStack());
  const [undoState, setUndoState] = useState({ canUndo: false, canRedo: false });
  const syncUndo = useCallback(
    () => setUndoState({ canUndo: undo.current.canUndo, canRedo: undo.current.canRedo }),
    [],
  );
  const annotationsRef = useRef<Annotation[]>([]);
  const setPalette = (open: boolean) => {
    if (open) paletteSpan.current = selectionSpanRef.current();
    setPaletteOpen(open && placePalette());
  };
  const selectionSpanRef = useRef<() => { start: number; end: number } | null>(() => null);
  annotationsRef.current = annotations;

  const model = useMemo(() => (doc ? buildTextModel(doc.text) : null), [doc]);
  const active = annotations.find((a) => a.id === activeId) ?? null;

  // changes the disk refused but the server kept: shown as pending until they are on disk, then
  // the annotations are reloaded as saved (after every action already asked for)
  const rs = useReaderStrings();
  const pendingSaves = usePendingSaves(documentId, async () => {
    await enqueue(reloadAnnotations);
    app.setStatus({ kind: 'saved' });
    announce(rs.reconciled);
  });
  const markPending = pendingSaves.mark;

  // load the document, its annotations and claimant suggestions
  useEffect(() => {
    let live = true;
    Promise.all([
      api['documents.get']({ id: documentId }),
      api['annotations.list']({ documentId }),
      api['claimants.list']({}),
    ])
      .then(([d, list, cl]) => {
        if (!live) return;
        setDoc(d);
        annotationsRef.current = sortAnnotations([...list]);
        setAnnotations(annotationsRef.current);
        setClaimants(cl.map((c) => c.name));
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
      clearAnnotationHighlights();
    };
  }, [documentId]);

  useEffect(() => installHighlightStyles(codes), [codes]);

  // paint before the browser's next frame so a tag shows at once
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (model && article) paintAnnotations(model, article, annotations, codes, activeId, pendingSaves.ids);
  }, [model, annotations, codes, activeId, pendingSaves.ids]);

  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

  /** A kept change met inside an undo step: the step counts as done, the status stays "not saved". */
  const keptDuringUndo = useRef<string | null>(null);
  const tolerateKept = useCallback(
    async <T,>(call: Promise<T>, fallback: (kept: Annotation[]) => T): Promise<T> => {
      try {
        return await call;
      } catch (err) {
        const kept = keptAfterFailure(err);
        if (!kept) throw err;
        markPending(kept.map((a) => a.id));
        keptDuringUndo.current = errorMessage(err);
        return fallback(kept);
      }
    },
    [markPending],
  );

  /**
   * Run an API change with the status line showing saving / saved / not saved. A change the
   * server kept in memory although the disk refused it is shown as kept (onKept), marked pending.
   */
  const persist = useCallback(
    async <T,>(work: () => Promise<T>, onKept?: (kept: Annotation[]) => T | null): Promise<T | null> => {
      app.setStatus({ kind: 'saving' });
      try {
        const result = await work();
        app.setStatus({ kind: 'saved' });
        return result;
      } catch (err) {
        app.setStatus({ kind: 'error', message: errorMessage(err) });
        const kept = keptAfterFailure(err);
        if (!kept) return null;
        markPending(kept.map((a) => a.id));
        return onKept ? onKept(kept) : null;
      }
    },
    [app, markPending],
  );

  const reveal = useCallback(
    (start: number, end: number) => {
      const article = articleRef.current;
      const scroller = scrollRef.current;
      if (!model || !article || !scroller) return;
      const range = rangeForSpan(model, article, start, end);
      if (!range) return;
      const rect = range.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) {
        scroller.scrollTop += rect.top - box.top - box.height / 3;
      }
      flashRange(range);
    },
    [model],
  );

  useEffect(() => {
    if (doc && focus) requestAnimationFrame(() => reveal(focus.start, focus.end));
  }, [doc, focus, reveal]);

  const pushUndo = useCallback(
    (step: UndoStep) => {
      undo.current.push(step);
      syncUndo();
    },
    [syncUndo],
  );

  const setAll = useCallback((list: Annotation[]) => {
    annotationsRef.current = list;
    setAnnotations(list);
  }, []);

  const replaceLocal = useCallback(
    (changed: Annotation[], removedIds: readonly string[] = []) => {
      const drop = new Set([...removedIds, ...changed.map((a) => a.id)]);
      setAll(sortAnnotations([...annotationsRef.current.filter((a) => !drop.has(a.id)), ...changed]));
    },
    [setAll],
  );

  /** Annotations shown before the server answered, by provisional id: what they became. */
  const pendingCreates = useRef(new Map<string, Promise<Annotation | null>>());
  /** The saved annotation behind one that may still be provisional (null: its creation failed). */
  const settle = useCallback(async (a: Annotation): Promise<Annotation | null> => {
    const pending = pendingCreates.current.get(a.id);
    // always the newest local version: quick successive edits must not build on a stale copy
    if (!pending) return annotationsRef.current.find((x) => x.id === a.id) ?? a;
    const real = await pending;
    return real ? (annotationsRef.current.find((x) => x.id === real.id) ?? real) : null;
  }, []);

  const reloadAnnotations = useCallback(async () => {
    const list = await api['annotations.list']({ documentId });
    setAll(sortAnnotations([...list]));
  }, [documentId, setAll]);

  // codebook operations (merge, delete, renames) can change this document's annotations
  useEffect(() => onAnnotationsChanged(() => void reloadAnnotations().catch(() => undefined)), [reloadAnnotations]);
  // a merge in the codebook window: Ctrl/Cmd+Z here undoes it too
  useEffect(() => onUndoStepOffered(pushUndo), [pushUndo]);
  // a colleague's annotations merged in (W3C import) may land in this document
  useEffect(
    () =>
      onAnnotationsImported((ids) => {
        if (ids.includes(documentId)) void reloadAnnotations().catch(() => undefined);
      }),
    [documentId, reloadAnnotations],
  );

  /** Make sure the annotator has a name before the first annotation. */
  const ensureAnnotator = useCallback(async (): Promise<boolean> => {
    if (app.settings.annotator) return true;
    const name = await new Promise<string | null>((resolve) => setAskName(() => resolve));
    setAskName(null);
    if (!name) return false;
    await app.updateSettings({ annotator: name });
    return true;
  }, [app]);

  const tagSpans = useCallback(
    async (spans: ReadonlyArray<{ start: number; end: number }>, codeIds: string[]): Promise<Annotation[]> => {
      if (spans.length === 0 || !(await ensureAnnotator())) return [];
      const drafts = spans.map((s) => ({ documentId, start: s.start, end: s.end, codes: codeIds }));
      // paint at once (before the save's round trip); the server's annotations replace these
      const pending = model ? provisionalAnnotations(model, drafts, app.settings.annotator ?? '') : [];
      const pendingIds = pending.map((a) => a.id);
      let settleCreated: (list: Annotation[] | null) => void = () => undefined;
      const settled = new Promise<Annotation[] | null>((resolve) => (settleCreated = resolve));
      pending.forEach((a, i) =>
        pendingCreates.current.set(
          a.id,
          settled.then((list) => list?.[i] ?? null),
        ),
      );
      if (pending.length > 0) {
        replaceLocal(pending);
        setActiveId(pending[0]?.id ?? null);
      }
      // one key per create: a retried request can never store the annotations twice
      const requestId = newRequestId();
      const created = await persist(
        () =>
          drafts.length === 1
            ? api['annotations.create']({ ...(drafts[0] as (typeof drafts)[0]), requestId }).then((a) => [a])
            : api['annotations.createMany']({ documentId, drafts, requestId }),
        (kept) => (kept.length === drafts.length ? kept : null),
      );
      settleCreated(created);
      if (!created) {
        replaceLocal([], pendingIds);
        if (activeIdRef.current !== null && pendingIds.includes(activeIdRef.current)) setActiveId(null);
        return [];
      }
      // edits the researcher made while the save was on its way were shown on the provisional copy
      // (and are queued to be saved): the saved annotation takes them over
      const carried = created.map((c, i) => {
        const shown = annotationsRef.current.find((x) => x.id === pending[i]?.id);
        return shown ? { ...c, ...pickFields(shown) } : c;
      });
      replaceLocal(carried, pendingIds);
      // the new annotation becomes active unless the researcher has moved on meanwhile: picked
      // another annotation, or closed the editor (Escape) while the save was on its way
      const stillPending =
        pending.length === 0 || (activeIdRef.current !== null && pendingIds.includes(activeIdRef.current));
      if (stillPending) setActiveId(created[0]?.id ?? null);
      const ids = created.map((a) => a.id);
      pushUndo({
        label: 'create',
        undo: async () => {
          await tolerateKept(api['annotations.deleteMany']({ documentId, ids }), () => ({}));
          replaceLocal([], ids);
        },
        redo: async () => {
          const back = await tolerateKept(
            api['annotations.restore']({ documentId, annotations: created }),
            (kept) => kept,
          );
          replaceLocal(back);
        },
      });
      const names = codeIds
        .map((id) => codes.find((c) => c.id === id))
        .filter((c): c is Code => !!c)
        .map((c) => codeLabel(c, lang));
      announce(
        `${t('created')}: ${names.join(', ')} — ${created[0]?.quote ?? ''}${created.length > 1 ? ` (+${created.length - 1})` : ''}`,
      );
      return created;
    },
    [
      documentId,
      model,
      app.settings.annotator,
      ensureAnnotator,
      persist,
      tolerateKept,
      replaceLocal,
      pushUndo,
      codes,
      lang,
      t,
      announce,
      setActiveId,
    ],
  );

  /** The current selection inside the article as a snapped code-point span. */
  const selectionSpan = useCallback((): { start: number; end: number } | null => {
    const article = articleRef.current;
    const sel = window.getSelection();
    if (!model || !article || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(article)) return null;
    const startIn = article.contains(range.startContainer);
    const endIn = article.contains(range.endContainer);
    const s = startIn ? domToUtf16(model, article, range.startContainer, range.startOffset) : 0;
    const e = endIn ? domToUtf16(model, article, range.endContainer, range.endOffset) : model.text.length;
    if (s === null || e === null) return null;
    const snapped = snapSpan(model.text, s, e, app.settings.snapToWords, doc?.direction === 'rtl');
    if (!snapped) return null;
    return { start: model.map.toCp(snapped.start), end: model.map.toCp(snapped.end) };
  }, [model, doc, app.settings.snapToWords]);
  selectionSpanRef.current = selectionSpan;

  /** Actions in the order asked for: tags, code keys, edits, deletes, undo. */
  const actions = useRef<Promise<unknown>>(Promise.resolve());
  /** Run after every action already asked for (a tag still saving, a code key), in order. */
  const enqueue = useCallback((work: () => Promise<unknown>): Promise<unknown> => {
    actions.current = actions.current.then(work, work);
    return actions.current;
  }, []);

  /**
   * Show an edit at once, on the newest local copy; answer the fields' values before it (for undo
   * and for putting them back if the save fails).
   */
  const showEdit = useCallback(
    (shown: Annotation, patch: Partial<AnnotationFields>): Partial<AnnotationFields> => {
      const local = annotationsRef.current.find((x) => x.id === shown.id) ?? shown;
      const before: Partial<AnnotationFields> = {};
      for (const k of Object.keys(patch) as (keyof AnnotationFields)[])
        (before as Record<string, unknown>)[k] = local[k];
      replaceLocal([{ ...local, ...patch }]);
      return before;
    },
    [replaceLocal],
  );

  /**
   * Save an edit already shown. Runs in the action queue, so edits reach the server in the order
   * they were made (two quick code toggles must not land the wrong way round). The server's answer
   * settles only the fields this edit changed: an answer arriving while later edits are still on
   * their way must not put older values back on screen (or into the editor's unsaved text).
   */
  const saveEdit = useCallback(
    async (shown: Annotation, patch: Partial<AnnotationFields>, before: Partial<AnnotationFields>) => {
      const a = await settle(shown);
      if (!a) return;
      const keys = Object.keys(patch) as (keyof AnnotationFields)[];
      const mine = (x: Annotation) => keys.every((k) => JSON.stringify(x[k]) === JSON.stringify(patch[k]));
      // never show this edit again here: later edits are already on screen (a provisional
      // annotation's edits were carried over to the saved one when its creation settled)
      const updated = await persist(
        () => api['annotations.update']({ id: a.id, documentId, ...patch }),
        (kept) => kept[0] ?? null,
      );
      const now = annotationsRef.current.find((x) => x.id === a.id);
      if (!updated) {
        // put the old values back, unless a later edit has changed them since
        if (now && mine(now)) replaceLocal([{ ...now, ...before }]);
        return;
      }
      if (now) {
        const settled: Partial<AnnotationFields> = {};
        for (const k of keys)
          if (JSON.stringify(now[k]) === JSON.stringify(patch[k])) (settled as Record<string, unknown>)[k] = updated[k];
        replaceLocal([{ ...now, ...settled, updatedAt: updated.updatedAt }]);
      }
      pushUndo({
        label: 'update',
        undo: async () =>
          replaceLocal([
            await tolerateKept(
              api['annotations.update']({ id: a.id, documentId, ...before }),
              (kept) => kept[0] as Annotation,
            ),
          ]),
        redo: async () =>
          replaceLocal([
            await tolerateKept(
              api['annotations.update']({ id: a.id, documentId, ...patch }),
              (kept) => kept[0] as Annotation,
            ),
          ]),
      });
      announce(t('updated'));
    },
    [documentId, settle, persist, tolerateKept, replaceLocal, pushUndo, announce, t],
  );

  const updateAnnotation = useCallback(
    (shown: Annotation, patch: Partial<AnnotationFields>) => {
      const before = showEdit(shown, patch);
      return enqueue(() => saveEdit(shown, patch, before));
    },
    [showEdit, saveEdit, enqueue],
  );

  const deleteAnnotation = useCallback(
    async (shown: Annotation) => {
      const a = await settle(shown);
      if (!a) return;
      const ok = await persist(
        () => api['annotations.delete']({ id: a.id, documentId }),
        () => ({}),
      );
      if (!ok) return;
      replaceLocal([], [a.id]);
      if (activeIdRef.current === a.id) setActiveId(null);
      pushUndo({
        label: 'delete',
        undo: async () =>
          replaceLocal(
            await tolerateKept(api['annotations.restore']({ documentId, annotations: [a] }), (kept) => kept),
          ),
        redo: async () => {
          await tolerateKept(api['annotations.delete']({ id: a.id, documentId }), () => ({}));
          replaceLocal([], [a.id]);
        },
      });
      announce(`${t('deleted')}: ${a.quote}`);
    },
    [documentId, settle, persist, tolerateKept, replaceLocal, pushUndo, announce, t, setActiveId],
  );

  /** Which span move is the newest per annotation: an older answer must not undo a newer move on screen. */
  const spanMoves = useRef(0);
  /**
   * Move a saved span's edges: shown at once, saved in the action queue through annotations.update
   * (the server re-derives quote and context, and refuses a span that is out of bounds or splits a
   * letter from its marks), undoable like any edit.
   */
  const moveSpan = useCallback(
    (shown: Annotation, next: { start: number; end: number }) => {
      if (!model) return Promise.resolve();
      const local = annotationsRef.current.find((x) => x.id === shown.id) ?? shown;
      const before = { start: local.start, end: local.end };
      const showSpan = (x: Annotation, span: { start: number; end: number }): Annotation => ({
        ...x,
        ...span,
        quote: model.map.slice(span.start, span.end),
      });
      replaceLocal([showSpan(local, next)]);
      const seq = ++spanMoves.current;
      const anchorOf = (x: Annotation) => ({
        start: x.start,
        end: x.end,
        quote: x.quote,
        prefix: x.prefix,
        suffix: x.suffix,
        updatedAt: x.updatedAt,
      });
      return enqueue(async () => {
        const a = await settle(shown);
        if (!a) return;
        const updated = await persist(
          () => api['annotations.update']({ id: a.id, documentId, ...next }),
          (kept) => kept[0] ?? null,
        );
        const now = annotationsRef.current.find((x) => x.id === a.id);
        if (!updated) {
          if (now && seq === spanMoves.current) replaceLocal([showSpan(now, before)]);
          announce(rs.spanRefused);
          return;
        }
        if (now && seq === spanMoves.current) replaceLocal([{ ...now, ...anchorOf(updated) }]);
        const apply = async (span: { start: number; end: number }) => {
          const back = await tolerateKept(
            api['annotations.update']({ id: a.id, documentId, ...span }),
            (kept) => kept[0] as Annotation,
          );
          const current = annotationsRef.current.find((x) => x.id === a.id);
          replaceLocal([current ? { ...current, ...anchorOf(back) } : back]);
        };
        pushUndo({ label: 'span', undo: () => apply(before), redo: () => apply(next) });
        announce(`${rs.spanMoved}: ${updated.quote}`);
      });
    },
    [model, documentId, enqueue, settle, persist, tolerateKept, replaceLocal, pushUndo, announce, rs],
  );

  /** Shift+Alt+arrows (the end) and Ctrl+Shift+Alt+arrows (the start): a word on screen. */
  const moveActiveEdge = useCallback(
    (edge: 'start' | 'end', step: 1 | -1) => {
      const a = annotationsRef.current.find((x) => x.id === activeIdRef.current);
      if (!a || !model) return;
      const moved = moveEdge(
        model.text,
        { start: model.map.toUtf16(a.start), end: model.map.toUtf16(a.end) },
        edge,
        step,
      );
      if (!moved) {
        announce(rs.spanRefused);
        return;
      }
      void moveSpan(a, { start: model.map.toCp(moved.start), end: model.map.toCp(moved.end) });
    },
    [model, moveSpan, announce, rs],
  );

  /**
   * A code key or palette choice: tag the selection, or toggle the code on the active annotation.
   * The selection is read and cleared when the key is pressed; the work runs in order, so a quick
   * second key (adding another code) acts on the annotation the first one created.
   */
  const applyCode = useCallback(
    (code: Code, savedSpan?: { start: number; end: number } | null) => {
      const span = savedSpan !== undefined ? savedSpan : selectionSpan();
      if (span) window.getSelection()?.removeAllRanges();
      const run = async () => {
        if (span) {
          await tagSpans([span], [code.id]);
          return;
        }
        const current = annotationsRef.current.find((a) => a.id === activeIdRef.current);
        if (current) {
          const codesNext = current.codes.includes(code.id)
            ? current.codes.filter((c) => c !== code.id)
            : [...current.codes, code.id];
          // already in the action queue: save here rather than queue behind ourselves
          await saveEdit(current, { codes: codesNext }, showEdit(current, { codes: codesNext }));
          return;
        }
        announce(t('selectFirst'));
      };
      return enqueue(run);
    },
    [selectionSpan, tagSpans, saveEdit, showEdit, announce, t, enqueue],
  );

  const undoNow = useCallback(
    async (redo: boolean) => {
      try {
        app.setStatus({ kind: 'saving' });
        keptDuringUndo.current = null;
        const step = redo ? await undo.current.redo() : await undo.current.undo();
        app.setStatus(keptDuringUndo.current ? { kind: 'error', message: keptDuringUndo.current } : { kind: 'saved' });
        syncUndo();
        if (step) announce(`${redo ? t('redo') : t('undo')}`);
      } catch (err) {
        app.setStatus({ kind: 'error', message: errorMessage(err) });
      }
    },
    [app, announce, t, syncUndo],
  );
  // Undo and delete wait for the actions before them: Ctrl+Z right after a change undoes that change.
  const runUndo = useCallback((redo: boolean) => enqueue(() => undoNow(redo)), [enqueue, undoNow]);

  const step = useCallback(
    (delta: 1 | -1) => {
      const list = filterAnnotations(annotationsRef.current, filter);
      if (list.length === 0) return;
      const at = list.findIndex((a) => a.id === activeIdRef.current);
      const next = list[
        at === -1 ? (delta === 1 ? 0 : list.length - 1) : (at + delta + list.length) % list.length
      ] as Annotation;
      setActiveId(next.id);
      reveal(next.start, next.end);
    },
    [filter, reveal, setActiveId],
  );

  // keyboard: code keys, palette, undo/redo, next/previous, delete, escape
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (palette || askName) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
        return;
      }
      if (isTypingTarget(e.target)) return;
      const edgeMove = activeIdRef.current ? edgeKey(e, doc?.direction === 'rtl') : null;
      if (edgeMove) {
        e.preventDefault();
        moveActiveEdge(edgeMove.edge, edgeMove.step);
        return;
      }
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void runUndo(e.shiftKey);
        return;
      }
      if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        void runUndo(true);
        return;
      }
      if (mod || e.altKey) return;
      if (/^[1-9]$/.test(e.key)) {
        const code = codes.find((c) => c.key === e.key);
        if (code) {
          e.preventDefault();
          void applyCode(code);
        }
      } else if (e.key === 'n') step(1);
      else if (e.key === 'p') step(-1);
      else if (e.key === 'Escape') setActiveId(null);
      else if ((e.key === 'Delete' || e.key === 'Backspace') && activeIdRef.current) {
        const a = annotationsRef.current.find((x) => x.id === activeIdRef.current);
        if (a) {
          e.preventDefault();
          void enqueue(() => deleteAnnotation(a));
        }
      }
    };
    const onMenu = (e: Event) => {
      const command = (e as CustomEvent<string>).detail;
      if (command === 'undo' || command === 'redo') {
        if (isTypingTarget(document.activeElement)) document.execCommand(command);
        else void runUndo(command === 'redo');
      } else if (command === 'palette') setPalette(true);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashiya-menu', onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashiya-menu', onMenu);
    };
  }, [
    palette,
    askName,
    codes,
    applyCode,
    runUndo,
    step,
    activeId,
    deleteAnnotation,
    setActiveId,
    enqueue,
    doc,
    moveActiveEdge,
  ]);

  /** Annotations under a screen point, innermost first (hit-testing by caret position). */
  const annotationsAt = useCallback(
    (x: number, y: number): Annotation[] => {
      const article = articleRef.current;
      if (!model || !article) return [];
      const caret = caretAt(x, y);
      if (!caret) return [];
      const u = domToUtf16(model, article, caret.offsetNode, caret.offset);
      if (u === null) return [];
      const cp = model.map.toCp(u);
      return annotationsRef.current
        .filter((a) => a.start <= cp && cp < a.end)
        .sort((a, b) => a.end - a.start - (b.end - b.start));
    },
    [model],
  );

  const hoverFrame = useRef(0);
  /** where the pointer is over the article (null: elsewhere) */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const updateHover = () => {
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const at = pointer.current;
      const items = at ? annotationsAt(at.x, at.y) : [];
      setHover(at && items.length > 0 ? { x: at.x, y: at.y, items } : null);
    });
  };
  const onMouseMove = (e: React.MouseEvent) => {
    pointer.current = { x: e.clientX, y: e.clientY };
    updateHover();
  };
  // scrolling moves the text under a still pointer: describe what is under it now
  const onScroll = () => {
    if (pointer.current) updateHover();
  };

  const readerApi: ReaderApi | null = useMemo(
    () =>
      doc && model
        ? {
            document: doc,
            model,
            article: () => articleRef.current,
            annotations,
            tagSpans,
            pushUndo,
            reloadAnnotations,
            reveal,
            announce,
          }
        : null,
    [doc, model, annotations, tagSpans, pushUndo, reloadAnnotations, reveal, announce],
  );

  if (error) {
    return (
      <main className="reader">
        <p role="alert" className="error">
          {error}
        </p>
        <button type="button" onClick={app.goToLibrary}>
          {t('backToLibrary')}
        </button>
      </main>
    );
  }
  if (!doc || !model || !readerApi) return <main className="reader">{t('loading')}</main>;

  const size = app.settings.textSize;

  return (
    <ReaderContext.Provider value={readerApi}>
      <main
        className="reader"
        aria-labelledby="doc-title"
        style={{ '--side-width': `${sideWidth}px` } as React.CSSProperties}
      >
        <div className="reader-main">
          {findBar}
          <div className="reader-toolbar" role="toolbar" aria-label={t('readerToolbar')}>
            <button
              type="button"
              onClick={() => void runUndo(false)}
              disabled={!undoState.canUndo}
              title={`${t('undo')} (Ctrl+Z)`}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              onClick={() => void runUndo(true)}
              disabled={!undoState.canRedo}
              title={`${t('redo')} (Ctrl+Shift+Z)`}
            >
              {t('redo')}
            </button>
            <button type="button" onClick={() => setPalette(true)} title="Ctrl+K">
              {t('tagWith')}
            </button>
            <span className="spacer" />
            <label className="check">
              <input
                type="checkbox"
                checked={app.settings.snapToWords}
                onChange={(e) => void app.updateSettings({ snapToWords: e.target.checked })}
              />
              {t('snapToWords')}
            </label>
            <span className="text-size" role="group" aria-label={t('textSize')}>
              <button
                type="button"
                title={t('smaller')}
                onClick={() => void app.updateSettings({ textSize: Math.max(12, size - 2) })}
              >
                <span aria-hidden="true">A−</span>
                <span className="sr-only">{t('smaller')}</span>
              </button>
              <button
                type="button"
                title={t('larger')}
                onClick={() => void app.updateSettings({ textSize: Math.min(40, size + 2) })}
              >
                <span aria-hidden="true">A+</span>
                <span className="sr-only">{t('larger')}</span>
              </button>
            </span>
          </div>
          <div className="reader-scroll" ref={scrollRef} tabIndex={0} aria-labelledby="doc-title" onScroll={onScroll}>
            <h1 id="doc-title" dir="auto" lang={doc.language} className="doc-title">
              {doc.title}
            </h1>
            {(doc.source || doc.publishedAt) && (
              <p className="doc-meta" dir="auto">
                {[doc.source, doc.publishedAt].filter(Boolean).join(' · ')}
              </p>
            )}
            <article
              ref={articleRef}
              className="article-text"
              dir={doc.direction}
              lang={doc.language}
              style={{ fontSize: `${size}px` }}
              data-testid="article"
              onMouseMove={onMouseMove}
              onMouseLeave={() => {
                pointer.current = null;
                cancelAnimationFrame(hoverFrame.current);
                setHover(null);
              }}
              onClick={(e) => {
                if (!window.getSelection()?.isCollapsed) return;
                const hit = annotationsAt(e.clientX, e.clientY)[0];
                setActiveId(hit ? hit.id : null);
              }}
            >
              <ArticleText paragraphs={model.paragraphs} direction={doc.direction} language={doc.language} />
            </article>
          </div>
          {hover && <HoverCard x={hover.x} y={hover.y} items={hover.items} codes={codes} />}
        </div>
        {!palette && !askName && (
          <SelectionKeys
            codes={codes}
            article={() => articleRef.current}
            onChoose={(c) => void applyCode(c)}
            onMore={() => setPalette(true)}
          />
        )}
        <aside className="reader-side" aria-label={t('annotationsPanel')}>
          {active && (
            <AnnotationEditor
              annotation={active}
              codebook={app.codebook}
              claimants={claimants}
              onChange={(patch) => {
                void updateAnnotation(active, patch);
                if (patch.claimant && !claimants.includes(patch.claimant))
                  setClaimants((c) => [...c, patch.claimant as string]);
              }}
              onDelete={() => void enqueue(() => deleteAnnotation(active))}
              onClose={() => setActiveId(null)}
              onEscape={() => scrollRef.current?.focus({ preventScroll: true })}
            />
          )}
          <AnnotationPanel
            annotations={annotations}
            codes={codes}
            activeId={activeId}
            pendingIds={pendingSaves.ids}
            filter={filter}
            onFilter={setFilter}
            onSelect={(a) => {
              setActiveId(a.id);
              reveal(a.start, a.end);
            }}
            onStep={step}
          />
        </aside>
        {/* after the panel in the DOM, so Tab goes from the article straight to the editor; placed between them by the grid */}
        <PanelSplitter width={sideWidth} onWidth={setSideWidth} />
        <div className="sr-only" aria-live="polite" data-testid="live-region">
          {announcement}
        </div>
        {palette && (
          <CodePalette
            codes={codes}
            place={palette}
            passage={
              paletteSpan.current ? model.map.slice(paletteSpan.current.start, paletteSpan.current.end) : active?.quote
            }
            onClose={() => setPalette(false)}
            onChoose={(c) => {
              setPalette(false);
              void applyCode(c, paletteSpan.current);
            }}
          />
        )}
        {askName && <NameDialog onSave={(name) => askName(name)} onCancel={() => askName(null)} />}
      </main>
    </ReaderContext.Provider>
  );
}
