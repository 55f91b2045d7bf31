import { describe, expect, it } from 'vitest';
import { annotation, apiError, settle, setup, updated } from './fakeApi.testing';

const span = { start: 24, end: 33 };

describe('AnnotationSession: undo', () => {
  it('undo pressed right after a tag, before its save answered, deletes exactly what the tag made', async () => {
    const a = annotation({ values: { note: '' } });
    const t = setup([a]);
    await t.load();
    // an earlier step that a too-early undo would take back instead
    void t.session.edit(a, { values: { note: 'kept' } });
    await t.answer('annotations.update', updated(a, { values: { note: 'kept' } }));
    void t.session.applyCode('c1', span);
    void t.session.undo();
    await settle();
    // nothing is undone before the tag is saved
    expect(t.open('annotations.deleteMany')).toHaveLength(0);
    expect(t.open('annotations.update')).toHaveLength(0);
    const made = annotation({ ...span });
    await t.answer('annotations.create', made);
    const del = await t.answer('annotations.deleteMany', {});
    expect(del.input).toEqual({ documentId: 'doc-1', ids: [made.id] });
    await t.session.idle();
    expect(t.snap().annotations.map((x) => [x.id, x.values.note])).toEqual([[a.id, 'kept']]);
    expect(t.calls.filter((c) => c.name === 'annotations.update')).toHaveLength(1);
    expect(t.snap()).toMatchObject({ canUndo: true, canRedo: true });
    expect(t.notices.at(-1)).toEqual({ kind: 'undone' });
  });

  it('undo right after "tag all" from the find bar deletes every annotation it made, and only those', async () => {
    const old = annotation({ start: 4, end: 12 });
    const t = setup([old]);
    await t.load();
    void t.session.tag([span, { start: 52, end: 58 }], ['c2']);
    void t.session.undo();
    const made = [annotation({ ...span }), annotation({ start: 52, end: 58 })];
    await t.answer('annotations.createMany', made);
    const del = await t.answer('annotations.deleteMany', {});
    expect(del.input.ids).toEqual(made.map((m) => m.id));
    expect(t.snap().annotations.map((x) => x.id)).toEqual([old.id]);
  });

  it('a double restore: undo, redo and undo of a delete pressed at once land in order and show the annotation once', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    t.session.setActive(a.id);
    void t.session.remove(a);
    await t.answer('annotations.delete', {});
    expect(t.snap().annotations).toEqual([]);
    expect(t.snap().activeId).toBeNull();
    void t.session.undo();
    void t.session.redo();
    void t.session.undo();
    const first = await t.answer('annotations.restore', [a]);
    expect(first.input).toEqual({ documentId: 'doc-1', annotations: [a] });
    // a reload (the server's "annotations changed") answers while the redo is on its way
    const reloading = t.session.reload();
    await t.answer('annotations.list', [a]);
    await reloading;
    await t.answer('annotations.delete', {});
    expect(t.snap().annotations).toEqual([]);
    await t.answer('annotations.restore', [a]);
    await t.session.idle();
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id]);
    expect(t.calls.map((c) => c.name).filter((n) => n !== 'annotations.list')).toEqual([
      'annotations.delete',
      'annotations.restore',
      'annotations.delete',
      'annotations.restore',
    ]);
    expect(t.snap()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('a restore that answers after a reload already brought the annotation back shows it once', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    void t.session.remove(a);
    await t.answer('annotations.delete', {});
    void t.session.undo();
    const reloading = t.session.reload();
    await t.answer('annotations.list', [a]);
    await reloading;
    await t.answer('annotations.restore', [a]);
    await t.session.idle();
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id]);
  });

  it('an undo the server refuses stays undoable and says why', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    void t.session.edit(a, { values: { position: 'support' } });
    await t.answer('annotations.update', updated(a, { values: { position: 'support' } }));
    void t.session.undo();
    await t.fail('annotations.update', apiError('not_found', 'That annotation no longer exists.'));
    await t.session.idle();
    expect(t.statuses.at(-1)).toEqual({ kind: 'error', message: 'That annotation no longer exists.' });
    expect(t.snap()).toMatchObject({ canUndo: true, canRedo: false });
    expect(t.byId(a.id)?.values.position).toBe('support');
  });

  it('a step offered from elsewhere (a codebook merge) is undone by the same undo', async () => {
    const t = setup();
    await t.load();
    const log: string[] = [];
    t.session.pushUndo({
      label: 'merge',
      undo: async () => void log.push('undo merge'),
      redo: async () => void log.push('redo merge'),
    });
    expect(t.snap().canUndo).toBe(true);
    await t.session.undo();
    await t.session.redo();
    expect(log).toEqual(['undo merge', 'redo merge']);
  });
});
