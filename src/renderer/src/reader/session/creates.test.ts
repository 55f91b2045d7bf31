import { describe, expect, it } from 'vitest';
import { annotation, apiError, settle, setup, updated } from './fakeApi.testing';

const span = { start: 24, end: 33 };

describe('AnnotationSession: creates', () => {
  it('a tag shows at once as a provisional annotation, active, and the saved one takes its place', async () => {
    const t = setup();
    await t.load();
    const tagging = t.session.applyCode('c1', span);
    await settle();
    const shown = t.snap().active!;
    expect(shown.id).toMatch(/^pending-\d+$/);
    expect(shown).toMatchObject({ start: 24, end: 33, quote: 'ceasefire', codes: ['c1'], annotator: 'Layla' });
    const call = t.open('annotations.create')[0]!;
    // one idempotency key per create, so a retried request cannot store it twice
    expect(call.input.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const saved = annotation({ ...span, codes: ['c1'] });
    await t.answer('annotations.create', saved);
    await tagging;
    expect(t.snap().annotations.map((a) => a.id)).toEqual([saved.id]);
    expect(t.snap().activeId).toBe(saved.id);
    expect(t.snap().canUndo).toBe(true);
    expect(t.notices.at(-1)).toEqual({ kind: 'created', codes: ['c1'], quote: 'ceasefire', count: 1 });
  });

  it('is busy while a tag waits to be sent or for its answer, and idle once it is saved', async () => {
    const t = setup();
    await t.load();
    expect(t.session.busy).toBe(false);
    let onScreen: () => void = () => undefined;
    t.host.shown = () => new Promise((resolve) => (onScreen = resolve));
    const tagging = t.session.applyCode('c1', span);
    await settle();
    expect(t.session.busy).toBe(true); // not sent yet
    onScreen();
    await settle();
    expect(t.session.busy).toBe(true); // sent, not answered
    await t.answer('annotations.create', annotation({ ...span, codes: ['c1'] }));
    await tagging;
    await t.session.idle();
    expect(t.session.busy).toBe(false);
  });

  it('the request to save a tag waits until its provisional annotation is on screen', async () => {
    const t = setup();
    await t.load();
    let onScreen: () => void = () => undefined;
    t.host.shown = () => new Promise((resolve) => (onScreen = resolve));
    const tagging = t.session.applyCode('c1', span);
    await settle();
    expect(t.snap().active?.id).toMatch(/^pending-\d+$/);
    expect(t.open('annotations.create')).toHaveLength(0);
    onScreen();
    const saved = annotation({ ...span, codes: ['c1'] });
    await t.answer('annotations.create', saved);
    await tagging;
    expect(t.snap().activeId).toBe(saved.id);
  });

  it('edits made on a provisional annotation are carried to the saved one, saved under its id, and never re-shown over newer ones', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', span);
    await settle();
    const provisional = t.snap().active!;
    void t.session.edit(provisional, { values: { note: 'first' } });
    void t.session.edit(t.snap().active!, { values: { note: 'second' } });
    expect(t.snap().active?.values.note).toBe('second');
    const from = t.seen.length;
    const saved = annotation({ ...span, codes: ['c1'] });
    await t.answer('annotations.create', saved);
    // the saved annotation shows what was typed on the provisional one
    expect(t.snap().annotations).toHaveLength(1);
    expect(t.snap().active).toMatchObject({ id: saved.id, values: { note: 'second' } });
    const first = await t.answer('annotations.update', updated(saved, { values: { note: 'first' } }));
    expect(first.input).toMatchObject({ id: saved.id, values: { note: 'first' } });
    const second = await t.answer('annotations.update', updated(saved, { values: { note: 'second' } }));
    expect(second.input).toMatchObject({ id: saved.id, values: { note: 'second' } });
    expect(t.snap().active?.values.note).toBe('second');
    expect(t.seen.slice(from).map((s) => s.active?.values.note)).not.toContain('first');
  });

  it('a span moved on a provisional annotation stays moved when the create answers, and the next move builds on it', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', span);
    await settle();
    const provisional = t.snap().active!;
    const moving = t.session.moveSpan(provisional, { start: 24, end: 43 });
    expect(t.snap().active).toMatchObject({ start: 24, end: 43 });
    // the create answers with the span it was asked for: the move is still on its way
    const saved = annotation({ ...span, codes: ['c1'] });
    await t.answer('annotations.create', saved);
    expect(t.snap().active).toMatchObject({ id: saved.id, start: 24, end: 43, quote: 'ceasefire on Monday' });
    // a second move pressed now starts from the moved span, not the created one
    const again = t.session.moveSpan(t.snap().active!, { start: 15, end: 43 });
    await t.answer('annotations.update', updated(saved, { start: 24, end: 43 }));
    await moving;
    const second = await t.answer('annotations.update', updated(saved, { start: 15, end: 43 }));
    await again;
    expect(second.input).toMatchObject({ id: saved.id, start: 15, end: 43 });
    expect(t.snap().active).toMatchObject({ start: 15, end: 43 });
  });

  it('a failed create takes the provisional annotation away, drops the edits queued on it, and leaves nothing to undo', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', span);
    await settle();
    void t.session.edit(t.snap().active!, { codes: ['Rebels'] });
    await t.fail('annotations.create', apiError('invalid', 'The span splits a letter from its marks.'));
    await t.session.idle();
    expect(t.snap().annotations).toEqual([]);
    expect(t.snap().activeId).toBeNull();
    expect(t.snap().canUndo).toBe(false);
    expect(t.statuses.at(-1)).toEqual({ kind: 'error', message: 'The span splits a letter from its marks.' });
    // the edit on the annotation that never was is not sent
    expect(t.calls.filter((c) => c.name === 'annotations.update')).toHaveLength(0);
  });

  it('a create the disk refused but the server kept shows as the kept annotation, pending', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', span);
    const kept = annotation({ ...span });
    await t.fail(
      'annotations.create',
      apiError('storage', 'The disk is full.', { unsaved: true, annotations: [kept] }),
    );
    expect(t.snap().annotations.map((a) => a.id)).toEqual([kept.id]);
    expect(t.snap().activeId).toBe(kept.id);
    expect([...t.snap().pendingIds]).toEqual([kept.id]);
    expect(t.snap().waitingForSave).toBe(true);
    expect(t.statuses.at(-1)).toEqual({ kind: 'error', message: 'The disk is full.' });
  });

  it('Escape while a tag is still saving keeps the editor closed when the save answers (e449e77)', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', span);
    await settle();
    t.session.setActive(null);
    await t.answer('annotations.create', annotation({ ...span }));
    expect(t.snap().annotations).toHaveLength(1);
    expect(t.snap().activeId).toBeNull();
  });

  it('a tag answering late does not take the active annotation away from one picked meanwhile (ac38735)', async () => {
    const other = annotation({ start: 52, end: 58 });
    const t = setup([other]);
    await t.load();
    void t.session.applyCode('c1', span);
    await settle();
    t.session.setActive(other.id);
    await t.answer('annotations.create', annotation({ ...span }));
    expect(t.snap().activeId).toBe(other.id);
  });

  it('tagging several spans at once makes one createMany with one key, and the first becomes active', async () => {
    const t = setup();
    await t.load();
    const spans = [span, { start: 52, end: 58 }];
    const made = t.session.tag(spans, ['c2']);
    await settle();
    expect(t.snap().annotations.map((a) => a.quote)).toEqual(['ceasefire', 'rebels']);
    const created = spans.map((s) => annotation({ ...s, codes: ['c2'] }));
    const call = await t.answer('annotations.createMany', created);
    expect(call.input).toMatchObject({ documentId: 'doc-1', drafts: [{ start: 24 }, { start: 52 }] });
    expect(call.input.requestId).toEqual(expect.any(String));
    expect(await made).toEqual(created);
    expect(t.snap().activeId).toBe(created[0]!.id);
  });

  it('no tag is made when the researcher declines to give a name', async () => {
    const t = setup();
    await t.load();
    t.host.ensureAnnotator = () => Promise.resolve(false);
    expect(await t.session.tag([span], ['c1'])).toEqual([]);
    expect(t.snap().annotations).toEqual([]);
    expect(t.calls.filter((c) => c.name === 'annotations.create')).toHaveLength(0);
  });
});
