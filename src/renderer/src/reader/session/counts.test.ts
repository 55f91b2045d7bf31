import { describe, expect, it } from 'vitest';
import { annotation, settle, setup, updated } from './fakeApi.testing';

describe('AnnotationSession: annotations per code', () => {
  it('follow loads, tags, code toggles and deletes, each annotation counted once per code it carries', async () => {
    const a = annotation({ codes: ['c1', 'c2'] });
    const b = annotation({ start: 40, end: 50, codes: ['c1'] });
    const t = setup([a, b]);
    await t.load();
    const counts = () => Object.fromEntries(t.snap().codeCounts);
    expect(counts()).toEqual({ c1: 2, c2: 1 });

    // a tag counts at once (its provisional annotation), and once only when the saved one replaces it
    const tagging = t.session.applyCode('c3', { start: 24, end: 33 });
    await settle();
    expect(counts()).toEqual({ c1: 2, c2: 1, c3: 1 });
    const saved = annotation({ start: 24, end: 33, codes: ['c3'] });
    await t.answer('annotations.create', saved);
    await tagging;
    expect(counts()).toEqual({ c1: 2, c2: 1, c3: 1 });

    // a code key on the active annotation adds its code; the code no annotation carries any more goes
    const toggling = t.session.applyCode('c1', null);
    await settle();
    expect(counts()).toEqual({ c1: 3, c2: 1, c3: 1 });
    await t.answer('annotations.update', updated(saved, { codes: ['c3', 'c1'] }));
    await toggling;
    const removing = t.session.remove(a);
    await t.answer('annotations.delete', {});
    await removing;
    expect(counts()).toEqual({ c1: 2, c3: 1 });
    // the snapshot of before is left as it was
    expect(t.seen[0]?.codeCounts.get('c2')).toBe(1);
  });
});
