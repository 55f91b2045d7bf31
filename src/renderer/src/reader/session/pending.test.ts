import { describe, expect, it } from 'vitest';
import { annotation, apiError, setup } from './fakeApi.testing';

const unsavedHere = { documentId: 'doc-1', title: 'Ceasefire talks', reason: 'The disk is full.' };

describe('AnnotationSession: changes kept in memory', () => {
  it('an edit the disk refused shows as pending until the project says the document is saved, then reloads', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    void t.session.edit(a, { values: { note: 'on its way' } });
    const kept = { ...a, values: { note: 'on its way' } };
    await t.fail(
      'annotations.update',
      apiError('storage', 'The disk is full.', { unsaved: true, annotations: [kept] }),
    );
    expect(t.snap().pendingIds.has(a.id)).toBe(true);
    expect(t.byId(a.id)?.values.note).toBe('on its way');

    // still unsaved: nothing changes
    const first = t.session.checkSaved();
    await t.answer('project.info', { unsaved: [unsavedHere] });
    await first;
    expect(t.snap().waitingForSave).toBe(true);

    // saved now: the annotations are read again and the marks go
    const second = t.session.checkSaved();
    await t.answer('project.info', { unsaved: [] });
    await t.answer('annotations.list', [kept]);
    await second;
    expect(t.snap()).toMatchObject({ waitingForSave: false });
    expect(t.snap().pendingIds.size).toBe(0);
    expect(t.notices.at(-1)).toEqual({ kind: 'reconciled' });
    expect(t.statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('a check while nothing is pending asks nothing', async () => {
    const t = setup();
    await t.load();
    await t.session.checkSaved();
    expect(t.calls.filter((c) => c.name === 'project.info')).toHaveLength(0);
  });
});

describe('AnnotationSession: snapshot', () => {
  it('is one frozen object between changes and a new one after each', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    const s1 = t.session.getSnapshot();
    expect(t.session.getSnapshot()).toBe(s1);
    expect(Object.isFrozen(s1)).toBe(true);
    expect(Object.isFrozen(s1.annotations)).toBe(true);
    t.session.setActive(a.id);
    const s2 = t.session.getSnapshot();
    expect(s2).not.toBe(s1);
    expect(s1.activeId).toBeNull();
    expect(s2.active).toEqual(a);
    // the annotations did not change: the same array, so the view does not repaint them
    expect(s2.annotations).toBe(s1.annotations);
  });
});
