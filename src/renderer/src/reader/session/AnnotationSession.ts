/**
 * The reader's annotation client for one document: its annotations, the active one, provisional
 * creates (`pending-N`) shown before the server answers, the action queue (tags, code keys,
 * edits, deletes and undo run in the order asked for), per-field optimistic edits and their
 * reconciling with the server's answers, changes kept in memory but not on disk, idempotent
 * creates (`requestId`), and undo/redo. Framework-free: the view subscribes (useSyncExternalStore)
 * and reads an immutable snapshot.
 */
import type { Annotation, AnnotationFields } from '@shared/model';
import { SerialQueue } from '@shared/serialQueue';
import { UndoStack, type UndoStep } from '@shared/undoStack';
import {
  codeCounts,
  fieldsOf,
  inReadingOrder,
  pickFields,
  provisionalAnnotations,
  recounted,
  replacedInReadingOrder,
  shows,
} from './annotations';
import { keptAfterFailure, messageOf, newRequestId } from './kept';
import type { SessionApi, SessionHost, SessionSnapshot, Span } from './types';

type Fields = Partial<AnnotationFields>;

/** A tag's provisional annotations, on screen before its create is sent (showProvisional). */
interface Provisional {
  readonly annotations: Annotation[];
  /** resolves once they have been painted: the create is sent then */
  readonly shown: Promise<void>;
  /** what the create made of them (null: nothing) */
  settle(created: Annotation[] | null): void;
  /** the annotation active before they were shown */
  readonly displaced: string | null;
}

/** The anchor of a span as the server answers it (quote and context are the server's). */
const anchorOf = (x: Annotation) => ({
  start: x.start,
  end: x.end,
  quote: x.quote,
  prefix: x.prefix,
  suffix: x.suffix,
  updatedAt: x.updatedAt,
});

export class AnnotationSession {
  private annotations: readonly Annotation[] = [];
  /** the same annotations by id (a tag finds what it replaces without a pass over all of them) */
  private byId = new Map<string, Annotation>();
  /** annotations per code, counted again only for what a change replaces */
  private counts: ReadonlyMap<string, number> = new Map();
  private activeId: string | null = null;
  private pendingIds: ReadonlySet<string> = new Set();
  private waitingForSave = false;
  private checking = false;
  private readonly queue = new SerialQueue();
  private readonly undoStack = new UndoStack();
  /** Annotations shown before the server answered, by provisional id: what they became. */
  private readonly creating = new Map<string, Promise<Annotation | null>>();
  /**
   * The provisional annotations whose create has not answered yet, by id: a reload keeps them on
   * screen, and a code key queued before their tag does not act on them (activeInTurn).
   */
  private readonly awaitingCreate = new Map<string, Provisional>();
  /** Which span move is the newest: an older answer must not undo a newer move on screen. */
  private spanMoves = 0;
  /**
   * Edits and span moves shown on screen before their turn in the queue, oldest first: a reload
   * queued ahead of them (an echo, a change elsewhere) answers without them, and must not put
   * the old values back while they are still on their way.
   */
  private readonly shownAhead = new Map<number, { id: string; patch: Partial<Annotation> }>();
  private aheadSerial = 0;
  /** A kept change met inside an undo step: the step counts as done, the status stays "not saved". */
  private keptDuringUndo: string | null = null;
  /** The document's text between two code-point offsets (for provisional quotes); null: not loaded. */
  private quote: ((start: number, end: number) => string) | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: SessionSnapshot;

  constructor(
    private readonly api: SessionApi,
    readonly documentId: string,
    private readonly host: SessionHost,
  ) {
    this.snapshot = this.makeSnapshot();
  }

  // ---- store protocol (useSyncExternalStore) ----

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Where provisional annotations get their quote from (the loaded document's text). */
  setText(quote: (start: number, end: number) => string): void {
    this.quote = quote;
  }

  /** Resolves once every action asked for so far (and any queued meanwhile) has settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** An action is queued or on its way to the server. */
  get busy(): boolean {
    return this.queue.size > 0;
  }

  // ---- reading ----

  find(id: string | null): Annotation | undefined {
    return id === null ? undefined : this.byId.get(id);
  }

  /** Re-read the document's annotations from the API (a change made elsewhere). */
  async reload(): Promise<void> {
    const list = await this.api['annotations.list']({ documentId: this.documentId });
    this.setAll(inReadingOrder([...this.withShownAhead(list), ...this.stillProvisional()]));
  }

  /** The provisional annotations on screen whose create has not answered (a later tag's, queued). */
  private stillProvisional(): Annotation[] {
    const out: Annotation[] = [];
    for (const id of this.awaitingCreate.keys()) {
      const shown = this.byId.get(id);
      if (shown) out.push(shown);
    }
    return out;
  }

  /** The loaded annotations with the changes still on their way laid over them, in order. */
  private withShownAhead(list: readonly Annotation[]): Annotation[] {
    if (this.shownAhead.size === 0) return [...list];
    return list.map((a) => {
      let shown = a;
      for (const { id, patch } of this.shownAhead.values()) if (id === a.id) shown = { ...shown, ...patch };
      return shown;
    });
  }

  /** Remember a change shown before its turn; the answer is a function that forgets it. */
  private showAhead(id: string, patch: Partial<Annotation>): () => void {
    const key = ++this.aheadSerial;
    this.shownAhead.set(key, { id, patch });
    return () => this.shownAhead.delete(key);
  }

  /** A provisional annotation became a saved one: the changes shown on it now belong to that. */
  private carryShownAhead(fromId: string, toId: string): void {
    for (const entry of this.shownAhead.values()) if (entry.id === fromId) entry.id = toId;
  }

  /**
   * A change of this document's annotations was announced (by main, or by another feature of the
   * page). Once every action already asked for has settled, read the annotations again — unless
   * the change names the versions it left and the session shows those or newer ones (its own
   * edit, echoed back), so a tag costs no second read of 5,000 annotations. Versions are the
   * server's ISO times, which compare as strings.
   */
  changedElsewhere(changes?: ReadonlyArray<{ id: string; updatedAt: string | null }>): Promise<void> {
    return this.queue.run(() => (changes && this.shows(changes) ? undefined : this.reload()));
  }

  private shows(changes: ReadonlyArray<{ id: string; updatedAt: string | null }>): boolean {
    const byId = this.byId;
    // the version named, or a newer one this session saved since (an echo overtaken by the next edit)
    const atLeast = (shown: string | undefined, named: string) => shown !== undefined && shown >= named;
    return changes.every((c) =>
      c.updatedAt === null ? !byId.has(c.id) : atLeast(byId.get(c.id)?.updatedAt, c.updatedAt),
    );
  }

  /** The same, after every action already asked for. */
  private reloadQueued(): Promise<void> {
    return this.queue.run(() => this.reload());
  }

  setActive(id: string | null): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.emit();
  }

  // ---- actions ----

  /** Run after every action already asked for (a tag still saving, a code key), in order. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  /**
   * A code key or palette choice: tag the span, or (no span) toggle the code on the active
   * annotation. Queued, so a quick second key acts on the annotation the first one created.
   */
  applyCode(codeId: string, span: Span | null): Promise<void> {
    if (span) return this.tagInTurn([span], [codeId]).then(() => undefined);
    return this.enqueue(async () => {
      const current = await this.activeInTurn();
      if (!current) {
        this.host.notice({ kind: 'selectFirst' });
        return;
      }
      const codes = current.codes.includes(codeId)
        ? current.codes.filter((c) => c !== codeId)
        : [...current.codes, codeId];
      // already in the action queue: save here rather than queue behind ourselves
      const patch = { codes };
      await this.saveEdit(current, patch, this.showEdit(current, patch));
    });
  }

  /**
   * The annotation a code key without a span acts on, in its turn: the active one, unless that is
   * the provisional one of a tag asked for after the key (shown at once, tagInTurn), whose create
   * waits behind it; then the one that tag took the place of, or what its create made of it.
   */
  private async activeInTurn(): Promise<Annotation | undefined> {
    let id = this.activeId;
    for (let later = this.awaiting(id); later; later = this.awaiting(id)) id = later.displaced;
    const made = id === null ? undefined : this.creating.get(id);
    if (!made) return this.find(id);
    const real = await made;
    return real ? (this.find(real.id) ?? real) : undefined;
  }

  /**
   * Tag spans (the find bar's "tag this" / "tag all"), after every action already asked for, so
   * an undo pressed right after it undoes this tag.
   */
  tag(spans: readonly Span[], codeIds: readonly string[]): Promise<Annotation[]> {
    return this.tagInTurn(spans, codeIds);
  }

  /**
   * A tag shows at once, even while an earlier tag's create is still on its way (a second code
   * key pressed right after the first): its provisional annotations are made now when the
   * annotator is known (else after the name is asked for, in its turn); its create is sent in
   * the queue, after every action asked for before it, one at a time.
   */
  private tagInTurn(spans: readonly Span[], codeIds: readonly string[]): Promise<Annotation[]> {
    // shown in a microtask, after the render of what the key or the palette's choice changed
    // itself: the editor then takes the keyboard after the palette has given it back
    const early =
      spans.length > 0 && this.host.annotator() !== ''
        ? Promise.resolve().then(() => this.showProvisional(spans, codeIds))
        : Promise.resolve(null);
    return this.enqueue(async () => this.tagSpans(spans, codeIds, await early));
  }

  /** The tag whose provisional annotation `id` is, while its create has not answered. */
  private awaiting(id: string | null): Provisional | undefined {
    return id === null ? undefined : this.awaitingCreate.get(id);
  }

  /**
   * Provisional annotations for a tag, on screen now (the first becomes active), and the frame
   * that paints them asked for; null when the text is not loaded (nothing to quote).
   */
  private showProvisional(spans: readonly Span[], codeIds: readonly string[]): Provisional | null {
    if (!this.quote) return null;
    const annotations = provisionalAnnotations(this.documentId, spans, codeIds, this.host.annotator(), this.quote);
    let settle: (list: Annotation[] | null) => void = () => undefined;
    const settled = new Promise<Annotation[] | null>((resolve) => (settle = resolve));
    const displaced = this.activeId;
    annotations.forEach((a, i) =>
      this.creating.set(
        a.id,
        settled.then((list) => list?.[i] ?? null),
      ),
    );
    this.activeId = annotations[0]?.id ?? null;
    this.replace(annotations);
    // sent once the provisional annotations are on screen: the key's task ends without it
    const shown = this.host.shown ? this.host.shown() : Promise.resolve();
    const provisional: Provisional = { annotations, shown, settle, displaced };
    for (const a of annotations) this.awaitingCreate.set(a.id, provisional);
    return provisional;
  }

  /**
   * Create annotations for code-point spans with the given codes, as ONE undo step. They show as
   * provisional annotations (`early`, or made now; the first becomes active) until the server's
   * replace them.
   */
  private async tagSpans(
    spans: readonly Span[],
    codeIds: readonly string[],
    early: Provisional | null,
  ): Promise<Annotation[]> {
    if (spans.length === 0) return [];
    if (!(await this.host.ensureAnnotator())) {
      // (shown early for a name that is gone now) the tag is not made
      if (early) this.dropProvisional(early);
      return [];
    }
    const documentId = this.documentId;
    const drafts = spans.map((s) => ({ documentId, start: s.start, end: s.end, codes: [...codeIds] }));
    const provisional = early ?? this.showProvisional(spans, codeIds);
    const pending = provisional?.annotations ?? [];
    const pendingIds = pending.map((a) => a.id);
    // one key per create: a retried request can never store the annotations twice
    const requestId = newRequestId();
    const shown = provisional?.shown ?? Promise.resolve();
    const created = await this.persist(
      () =>
        shown.then(() =>
          drafts.length === 1
            ? this.api['annotations.create']({ ...(drafts[0] as (typeof drafts)[0]), requestId }).then((a) => [a])
            : this.api['annotations.createMany']({ documentId, drafts, requestId }),
        ),
      (kept) => (kept.length === drafts.length ? kept : null),
    );
    // (kept: an edit queued behind this create may still ask what a provisional id became)
    provisional?.settle(created);
    for (const id of pendingIds) this.awaitingCreate.delete(id);
    const activeWasPending = this.activeId !== null && pendingIds.includes(this.activeId);
    if (!created) {
      if (provisional) this.dropProvisional(provisional);
      return [];
    }
    // edits the researcher made while the save was on its way were shown on the provisional copy
    // (and are queued to be saved): the saved annotation takes them over
    created.forEach((c, i) => this.carryShownAhead(pending[i]?.id ?? '', c.id));
    // (and a span moved on it, still on its way, stays where it was moved to)
    const carried = this.withShownAhead(
      created.map((c, i) => {
        const shown = this.find(pending[i]?.id ?? null);
        return shown ? { ...c, ...pickFields(shown) } : c;
      }),
    );
    // the new annotation becomes active unless the researcher has moved on meanwhile: picked
    // another annotation, or closed the editor (Escape) while the save was on its way
    if (pending.length === 0 || activeWasPending) this.activeId = created[0]?.id ?? null;
    this.replace(carried, pendingIds);
    const ids = created.map((a) => a.id);
    this.pushUndo({
      label: 'create',
      undo: async () => {
        await this.tolerateKept(this.api['annotations.deleteMany']({ documentId, ids }), () => ({}));
        this.replace([], ids);
      },
      redo: async () => {
        const back = await this.tolerateKept(
          this.api['annotations.restore']({ documentId, annotations: created }),
          (kept) => kept,
        );
        this.replace(back);
      },
    });
    this.host.notice({ kind: 'created', codes: codeIds, quote: created[0]?.quote ?? '', count: created.length });
    return created;
  }

  /** Take a tag's provisional annotations off the screen: its create made nothing. */
  private dropProvisional(provisional: Provisional): void {
    provisional.settle(null);
    const ids = provisional.annotations.map((a) => a.id);
    for (const id of ids) this.awaitingCreate.delete(id);
    if (this.activeId !== null && ids.includes(this.activeId)) this.activeId = null;
    this.replace([], ids);
  }

  /** Change fields of an annotation: shown at once, saved in the action queue. */
  edit(shown: Annotation, patch: Fields): Promise<void> {
    const before = this.showEdit(shown, patch);
    const forget = this.showAhead(shown.id, patch);
    return this.enqueue(() => this.saveEdit(shown, patch, before).finally(forget));
  }

  /** Delete an annotation, after every action already asked for. */
  remove(shown: Annotation): Promise<void> {
    return this.enqueue(() => this.deleteNow(shown));
  }

  /**
   * Move a span's edges: shown at once, saved in the action queue through annotations.update
   * (the server re-derives quote and context, and refuses a span that is out of bounds or splits a
   * letter from its marks), undoable like any edit.
   */
  moveSpan(shown: Annotation, next: Span): Promise<void> {
    const quote = this.quote;
    if (!quote) return Promise.resolve();
    const documentId = this.documentId;
    const local = this.find(shown.id) ?? shown;
    const before = { start: local.start, end: local.end };
    const showSpan = (x: Annotation, span: Span): Annotation => ({ ...x, ...span, quote: quote(span.start, span.end) });
    const moved = showSpan(local, next);
    this.replace([moved]);
    const forget = this.showAhead(shown.id, { start: moved.start, end: moved.end, quote: moved.quote });
    const seq = ++this.spanMoves;
    const save = async (): Promise<void> => {
      const a = await this.settle(shown);
      if (!a) return;
      const updated = await this.persist(
        () => this.api['annotations.update']({ id: a.id, documentId, ...next }),
        (kept) => kept[0] ?? null,
      );
      const now = this.find(a.id);
      if (!updated) {
        if (now && seq === this.spanMoves) this.replace([showSpan(now, before)]);
        this.host.notice({ kind: 'spanRefused' });
        return;
      }
      if (now && seq === this.spanMoves) this.replace([{ ...now, ...anchorOf(updated) }]);
      const apply = async (span: Span) => {
        const back = await this.tolerateKept(
          this.api['annotations.update']({ id: a.id, documentId, ...span }),
          (kept) => kept[0] as Annotation,
        );
        const current = this.find(a.id);
        this.replace([current ? { ...current, ...anchorOf(back) } : back]);
      };
      this.pushUndo({ label: 'span', undo: () => apply(before), redo: () => apply(next) });
      this.host.notice({ kind: 'spanMoved', quote: updated.quote });
    };
    return this.enqueue(() => save().finally(forget));
  }

  /** Undo (or redo) the last step, after every action already asked for. */
  undo(): Promise<void> {
    return this.enqueue(() => this.undoNow(false));
  }

  redo(): Promise<void> {
    return this.enqueue(() => this.undoNow(true));
  }

  /** A step done elsewhere (a codebook merge) that Ctrl/Cmd+Z here undoes too. */
  pushUndo(step: UndoStep): void {
    this.undoStack.push(step);
    this.emit();
  }

  // ---- changes kept in memory, not on disk ----

  /** The document has a change the server kept (ids: the annotations concerned, if any). */
  markPending(ids: readonly string[]): void {
    this.waitingForSave = true;
    if (ids.length > 0) this.pendingIds = new Set([...this.pendingIds, ...ids]);
    this.emit();
  }

  /**
   * Ask the project whether this document is still unsaved; once it is not, reload the
   * annotations as saved (after every action already asked for) and clear the pending marks.
   * Failures (the server away, the reload refused) are left for the next check.
   */
  async checkSaved(): Promise<void> {
    if (!this.waitingForSave || this.checking) return;
    this.checking = true;
    try {
      const info = await this.api['project.info']({});
      if (info.unsaved.some((u) => u.documentId === this.documentId)) return;
      await this.reloadQueued();
      this.host.status({ kind: 'saved' });
      this.host.notice({ kind: 'reconciled' });
      this.pendingIds = new Set();
      this.waitingForSave = false;
      this.emit();
    } catch {
      // ask again next time
    } finally {
      this.checking = false;
    }
  }

  // ---- internals ----

  private makeSnapshot(): SessionSnapshot {
    // the same array while the annotations are the same: the view repaints only when they change
    const annotations = this.annotations;
    const active = this.find(this.activeId) ?? null;
    return Object.freeze({
      annotations,
      activeId: this.activeId,
      active,
      codeCounts: this.counts,
      pendingIds: this.pendingIds,
      waitingForSave: this.waitingForSave,
      canUndo: this.undoStack.canUndo,
      canRedo: this.undoStack.canRedo,
    });
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const fn of [...this.listeners]) fn();
  }

  /** Every annotation anew (in reading order). */
  private setAll(list: Annotation[]): void {
    this.byId = new Map(list.map((a) => [a.id, a]));
    this.counts = codeCounts(list);
    this.show(list);
  }

  private show(list: Annotation[]): void {
    this.annotations = Object.freeze(list);
    this.emit();
  }

  /** Put `changed` in place of the annotations with their ids, and drop `removedIds`. */
  private replace(changed: readonly Annotation[], removedIds: readonly string[] = []): void {
    const drop: Annotation[] = [];
    for (const id of new Set([...removedIds, ...changed.map((a) => a.id)])) {
      const shown = this.byId.get(id);
      if (!shown) continue;
      drop.push(shown);
      this.byId.delete(id);
    }
    for (const a of changed) this.byId.set(a.id, a);
    this.counts = recounted(this.counts, drop, changed);
    this.show(replacedInReadingOrder(this.annotations, changed, drop));
  }

  /** The saved annotation behind one that may still be provisional (null: its creation failed). */
  private async settle(a: Annotation): Promise<Annotation | null> {
    const pending = this.creating.get(a.id);
    // always the newest local version: quick successive edits must not build on a stale copy
    if (!pending) return this.find(a.id) ?? a;
    const real = await pending;
    return real ? (this.find(real.id) ?? real) : null;
  }

  /**
   * Run an API change with the status showing saving / saved / not saved. A change the server
   * kept in memory although the disk refused it is shown as kept (onKept), marked pending.
   */
  private async persist<T>(work: () => Promise<T>, onKept?: (kept: Annotation[]) => T | null): Promise<T | null> {
    this.host.status({ kind: 'saving' });
    try {
      const result = await work();
      this.host.status({ kind: 'saved' });
      return result;
    } catch (err) {
      this.host.status({ kind: 'error', message: messageOf(err) });
      const kept = keptAfterFailure(err);
      if (!kept) return null;
      this.markPending(kept.map((a) => a.id));
      return onKept ? onKept(kept) : null;
    }
  }

  private async tolerateKept<T>(call: Promise<T>, fallback: (kept: Annotation[]) => T): Promise<T> {
    try {
      return await call;
    } catch (err) {
      const kept = keptAfterFailure(err);
      if (!kept) throw err;
      this.markPending(kept.map((a) => a.id));
      this.keptDuringUndo = messageOf(err);
      return fallback(kept);
    }
  }

  /** Show an edit at once, on the newest local copy; answer the fields' values before it. */
  private showEdit(shown: Annotation, patch: Fields): Fields {
    const local = this.find(shown.id) ?? shown;
    const before = fieldsOf(local, patch);
    this.replace([{ ...local, ...patch }]);
    return before;
  }

  /**
   * Save an edit already shown. The server's answer settles only the fields this edit changed
   * and still shows: an answer arriving while later edits are on their way must not put older
   * values back on screen (or into the editor's unsaved text). It never re-shows its own patch:
   * a provisional annotation's edits were carried over to the saved one when its creation settled.
   */
  private async saveEdit(shown: Annotation, patch: Fields, before: Fields): Promise<void> {
    const a = await this.settle(shown);
    if (!a) return;
    const documentId = this.documentId;
    const keys = Object.keys(patch) as (keyof AnnotationFields)[];
    const updated = await this.persist(
      () => this.api['annotations.update']({ id: a.id, documentId, ...patch }),
      (kept) => kept[0] ?? null,
    );
    const now = this.find(a.id);
    if (!updated) {
      // put the old values back, unless a later edit has changed them since
      if (now && shows(now, patch)) this.replace([{ ...now, ...before }]);
      return;
    }
    if (now) {
      const settled: Record<string, unknown> = {};
      for (const k of keys) if (JSON.stringify(now[k]) === JSON.stringify(patch[k])) settled[k] = updated[k];
      this.replace([{ ...now, ...(settled as Fields), updatedAt: updated.updatedAt }]);
    }
    const apply = async (fields: Fields) => {
      const back = await this.tolerateKept(
        this.api['annotations.update']({ id: a.id, documentId, ...fields }),
        (kept) => kept[0] as Annotation,
      );
      this.replace([back]);
    };
    this.pushUndo({ label: 'update', undo: () => apply(before), redo: () => apply(patch) });
    this.host.notice({ kind: 'updated' });
  }

  private async deleteNow(shown: Annotation): Promise<void> {
    const a = await this.settle(shown);
    if (!a) return;
    const documentId = this.documentId;
    const ok = await this.persist(
      () => this.api['annotations.delete']({ id: a.id, documentId }),
      () => ({}),
    );
    if (!ok) return;
    if (this.activeId === a.id) this.activeId = null;
    this.replace([], [a.id]);
    this.pushUndo({
      label: 'delete',
      undo: async () =>
        this.replace(
          await this.tolerateKept(this.api['annotations.restore']({ documentId, annotations: [a] }), (kept) => kept),
        ),
      redo: async () => {
        await this.tolerateKept(this.api['annotations.delete']({ id: a.id, documentId }), () => ({}));
        this.replace([], [a.id]);
      },
    });
    this.host.notice({ kind: 'deleted', quote: a.quote });
  }

  private async undoNow(redo: boolean): Promise<void> {
    try {
      this.host.status({ kind: 'saving' });
      this.keptDuringUndo = null;
      const step = redo ? await this.undoStack.redo() : await this.undoStack.undo();
      this.host.status(this.keptDuringUndo ? { kind: 'error', message: this.keptDuringUndo } : { kind: 'saved' });
      this.emit();
      if (step) this.host.notice({ kind: redo ? 'redone' : 'undone' });
    } catch (err) {
      this.host.status({ kind: 'error', message: messageOf(err) });
    }
  }
}
