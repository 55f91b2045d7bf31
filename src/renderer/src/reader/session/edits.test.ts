import { describe, expect, it } from 'vitest';
import { annotation, settle, setup, updated } from './fakeApi.testing';

describe('AnnotationSession: edits', () => {
  it('a second edit made before the first answer is saved after it, and the first answer does not put the old value back', async () => {
    const a = annotation();
    const t = setup([a]);
    await t.load();
    t.session.setActive(a.id);
    void t.session.edit(a, { codes: ['UN envoy'] });
    void t.session.edit(t.snap().active!, { values: { note: 'typed while saving' } });
    await settle();
    // the second edit waits for the first: the server sees them in the order they were made
    expect(t.open('annotations.update')).toHaveLength(1);
    const seenFrom = t.seen.length;
    // the first answer carries the server's older note
    const first = t.open('annotations.update')[0]!;
    await t.answer('annotations.update', updated(a, first.input));
    expect(t.snap().active).toMatchObject({ codes: ['UN envoy'], values: { note: 'typed while saving' } });
    const second = t.open('annotations.update')[0]!;
    expect(second.input).toMatchObject({ id: a.id, values: { note: 'typed while saving' } });
    await t.answer('annotations.update', updated(a, { codes: ['UN envoy'], values: { note: 'typed while saving' } }));
    expect(t.snap().active).toMatchObject({ codes: ['UN envoy'], values: { note: 'typed while saving' } });
    // never, in any state shown after both edits, did an older value come back
    for (const s of t.seen.slice(seenFrom)) {
      expect(s.active).toMatchObject({ codes: ['UN envoy'], values: { note: 'typed while saving' } });
    }
  });

  it('two quick code toggles land on the server in order and the screen never flips back', async () => {
    const a = annotation({ codes: ['c1'] });
    const t = setup([a]);
    await t.load();
    t.session.setActive(a.id);
    const from = t.seen.length;
    void t.session.applyCode('c2', null); // on
    void t.session.applyCode('c2', null); // and off again
    await settle();
    const first = t.open('annotations.update')[0]!;
    expect(first.input.codes).toEqual(['c1', 'c2']);
    await t.answer('annotations.update', updated(a, first.input));
    const second = t.open('annotations.update')[0]!;
    expect(second.input.codes).toEqual(['c1']);
    await t.answer('annotations.update', updated(a, second.input));
    expect(t.snap().active?.codes).toEqual(['c1']);
    // after the second toggle was shown, no state showed c2 again
    const shown = t.seen.slice(from).map((s) => s.active?.codes.join(','));
    const offAt = shown.indexOf('c1');
    expect(offAt).toBeGreaterThan(-1);
    expect(shown.slice(offAt).every((c) => c === 'c1')).toBe(true);
  });

  it('a refused edit puts the old value back, unless a later edit changed it since', async () => {
    const a = annotation({ values: { note: 'old' } });
    const t = setup([a]);
    await t.load();
    void t.session.edit(a, { values: { note: 'first' } });
    void t.session.edit(a, { codes: ['Minister'] });
    await t.fail('annotations.update', new Error('The annotation is gone.'));
    // its note goes back; the claimant edit still shows
    expect(t.byId(a.id)).toMatchObject({ values: { note: 'old' }, codes: ['Minister'] });
    expect(t.statuses.at(-1)).toEqual({ kind: 'saving' });
    await t.answer('annotations.update', updated(a, { codes: ['Minister'] }));
    expect(t.byId(a.id)).toMatchObject({ values: { note: 'old' }, codes: ['Minister'] });

    void t.session.edit(t.byId(a.id)!, { values: { note: 'second' } });
    void t.session.edit(t.byId(a.id)!, { values: { note: 'third' } });
    await t.fail('annotations.update', new Error('The disk is full.'));
    // "second" was refused but "third" is on screen now: it stays
    expect(t.byId(a.id)?.values.note).toBe('third');
  });
});
