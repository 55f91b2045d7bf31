import { describe, expect, it } from 'vitest';
import { annotation, settle, setup, updated } from './fakeApi.testing';

const span = { start: 24, end: 33 };

describe('AnnotationSession: changes announced from elsewhere', () => {
  it('the echo of its own tag (arriving before the create answers) reads nothing again', async () => {
    const t = setup();
    await t.load();
    const tagging = t.session.applyCode('c1', span);
    await settle();
    const saved = annotation({ ...span, codes: ['c1'] });
    // main's event can overtake the call's answer: it waits for the queued create, then checks
    const echo = t.session.changedElsewhere([{ id: saved.id, updatedAt: saved.updatedAt }]);
    await t.answer('annotations.create', saved);
    await tagging;
    await echo;
    expect(t.open('annotations.list')).toEqual([]);
    expect(t.snap().annotations.map((a) => a.id)).toEqual([saved.id]);
  });

  it('a change it does not show (another window edited the note) is read again, after its own queued edit', async () => {
    const a = annotation({ ...span, codes: ['c1'] });
    const t = setup([a]);
    await t.load();
    const editing = t.session.edit(a, { values: { note: 'mine' } });
    const elsewhere = t.session.changedElsewhere([{ id: a.id, updatedAt: '2026-03-01T00:00:00.000Z' }]);
    await settle();
    expect(t.open('annotations.list')).toEqual([]); // not before the edit has its answer
    await t.answer('annotations.update', updated(a, { values: { note: 'mine' } }));
    await editing;
    const theirs = { ...updated(a, { values: { note: 'theirs' } }, '2026-03-01T00:00:00.000Z') };
    await t.answer('annotations.list', [theirs]);
    await elsewhere;
    expect(t.snap().annotations[0]?.values.note).toBe('theirs');
  });

  it('a deletion it already shows, and a change naming no versions, are told apart', async () => {
    const a = annotation({ ...span, codes: ['c1'] });
    const t = setup([a]);
    await t.load();
    // a deletion of an annotation it never had: nothing to read
    await t.session.changedElsewhere([{ id: 'gone-elsewhere', updatedAt: null }]);
    expect(t.open('annotations.list')).toEqual([]);
    // no versions named (a codebook merge): read again
    const again = t.session.changedElsewhere();
    await t.answer('annotations.list', []);
    await again;
    expect(t.snap().annotations).toEqual([]);
  });

  it('a reload queued before a span move answers without it, and the moved span stays on screen (and is what the next move builds on)', async () => {
    const a = annotation({ start: 24, end: 33, codes: ['c1'] });
    const t = setup([a]);
    await t.load();
    const reading = t.session.changedElsewhere(); // a change naming no versions: read again
    const moving = t.session.moveSpan(a, { start: 24, end: 43 });
    expect(t.byId(a.id)?.end).toBe(43);
    await t.answer('annotations.list', [a]); // the server answers the read before the move is sent
    await reading;
    expect(t.byId(a.id)).toMatchObject({ start: 24, end: 43, quote: 'ceasefire on Monday' });
    // the next move, pressed before the first one answers, starts from what is on screen
    const shown = t.byId(a.id) as typeof a;
    const again = t.session.moveSpan(shown, { start: 15, end: shown.end });
    await t.answer('annotations.update', updated(a, { start: 24, end: 43, quote: 'ceasefire on Monday' }));
    await moving;
    const second = await t.answer('annotations.update', updated(a, { start: 15, end: 43 }));
    await again;
    expect(second.input).toMatchObject({ start: 15, end: 43 });
    expect(t.byId(a.id)).toMatchObject({ start: 15, end: 43 });
  });

  it('a reload queued before an edit answers without it, and the edited note stays until the edit is saved', async () => {
    const a = annotation({ ...span, codes: ['c1'] });
    const t = setup([a]);
    await t.load();
    const reading = t.session.changedElsewhere([{ id: a.id, updatedAt: '2026-03-01T00:00:00.000Z' }]);
    const editing = t.session.edit(a, { values: { note: 'mine' } });
    await t.answer('annotations.list', [updated(a, { codes: ['theirs'] }, '2026-03-01T00:00:00.000Z')]);
    await reading;
    // their claimant comes in, my note is not taken away
    expect(t.byId(a.id)).toMatchObject({ values: { note: 'mine' }, codes: ['theirs'] });
    await t.answer(
      'annotations.update',
      updated(a, { values: { note: 'mine' }, codes: ['theirs'] }, '2026-03-02T00:00:00.000Z'),
    );
    await editing;
    // once saved, a later reload shows the server's values alone
    const later = t.session.changedElsewhere();
    await t.answer('annotations.list', [updated(a, { values: { note: 'edited again' } }, '2026-03-03T00:00:00.000Z')]);
    await later;
    expect(t.byId(a.id)?.values.note).toBe('edited again');
  });

  it('the echo of its own tag arriving after its next edit was saved reads nothing again', async () => {
    const t = setup();
    await t.load();
    const tagging = t.session.applyCode('c1', span);
    const saved = annotation({ ...span, codes: ['c1'] });
    await t.answer('annotations.create', saved);
    await tagging;
    const editing = t.session.edit(saved, { values: { note: 'mine' } });
    await t.answer('annotations.update', updated(saved, { values: { note: 'mine' } }));
    await editing;
    // main's event for the create comes late: the session shows a newer version than it names
    await t.session.changedElsewhere([{ id: saved.id, updatedAt: saved.updatedAt }]);
    expect(t.open('annotations.list')).toEqual([]);
    expect(t.byId(saved.id)?.values.note).toBe('mine');
  });
});
