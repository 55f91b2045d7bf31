/**
 * A second code key pressed right after the first, before the first tag's create has answered:
 * the second tag shows at once too (provisional, active), while the creates still go to the
 * server one at a time and in order. Failure, undo, a reload and a code key between them still
 * work as for a single tag.
 */
import { describe, expect, it } from 'vitest';
import { annotation, apiError, settle, setup, updated } from './fakeApi.testing';

const first = { start: 24, end: 33 }; // ceasefire
const second = { start: 52, end: 58 }; // rebels

/** Two tags, the second pressed while the first's create is on its way. */
async function twoQuickTags() {
  const t = setup();
  await t.load();
  const tagging = [t.session.applyCode('c1', first), t.session.applyCode('c2', second)];
  await settle();
  // both on screen before any answer
  expect(t.snap().annotations.map((a) => a.quote)).toEqual(['ceasefire', 'rebels']);
  return { t, tagging };
}

describe('AnnotationSession: a second tag right after the first', () => {
  it('shows at once, active, while its create waits for the first one’s answer', async () => {
    const { t, tagging } = await twoQuickTags();
    expect(t.snap().annotations.map((a) => [a.quote, a.codes, a.id.startsWith('pending-')])).toEqual([
      ['ceasefire', ['c1'], true],
      ['rebels', ['c2'], true],
    ]);
    expect(t.snap().active).toMatchObject({ quote: 'rebels', annotator: 'Layla' });
    // one create at a time, in order: the second is not sent before the first has answered
    expect(t.open('annotations.create').map((c) => c.input.start)).toEqual([24]);
    const a = annotation({ ...first, codes: ['c1'] });
    await t.answer('annotations.create', a);
    // the first is saved; the researcher is on the second, which stays active
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id, expect.stringMatching(/^pending-/)]);
    expect(t.snap().active?.quote).toBe('rebels');
    const sent = t.open('annotations.create');
    expect(sent.map((c) => [c.input.start, c.input.codes])).toEqual([[52, ['c2']]]);
    expect(sent[0]?.input.requestId).not.toBe(t.calls.find((c) => c.name === 'annotations.create')?.input.requestId);
    const b = annotation({ ...second, codes: ['c2'] });
    await t.answer('annotations.create', b);
    await Promise.all(tagging);
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(t.snap().activeId).toBe(b.id);
    expect(t.session.busy).toBe(false);
  });

  it('the second refused by the server disappears with the error; the first stays saved', async () => {
    const { t } = await twoQuickTags();
    const a = annotation({ ...first });
    await t.answer('annotations.create', a);
    await t.fail('annotations.create', apiError('invalid', 'The span splits a letter from its marks.'));
    await t.session.idle();
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id]);
    expect(t.snap().activeId).toBeNull();
    expect(t.statuses.at(-1)).toEqual({ kind: 'error', message: 'The span splits a letter from its marks.' });
  });

  it('the first refused disappears; the second, shown meanwhile, is still sent and saved', async () => {
    const { t } = await twoQuickTags();
    await t.fail('annotations.create', apiError('invalid', 'The span splits a letter from its marks.'));
    expect(t.snap().annotations.map((x) => x.quote)).toEqual(['rebels']);
    expect(t.snap().active?.quote).toBe('rebels');
    const b = annotation({ ...second });
    await t.answer('annotations.create', b);
    await t.session.idle();
    expect(t.snap().annotations.map((x) => x.id)).toEqual([b.id]);
    expect(t.snap().activeId).toBe(b.id);
  });

  it('undo pressed right after takes back the second tag, then the first', async () => {
    const { t } = await twoQuickTags();
    void t.session.undo();
    void t.session.undo();
    const a = annotation({ ...first });
    const b = annotation({ ...second });
    await t.answer('annotations.create', a);
    await t.answer('annotations.create', b);
    expect((await t.answer('annotations.deleteMany', {})).input.ids).toEqual([b.id]);
    expect((await t.answer('annotations.deleteMany', {})).input.ids).toEqual([a.id]);
    await t.session.idle();
    expect(t.snap().annotations).toEqual([]);
  });

  it('a code key without a span pressed between them toggles the first tag’s code, and nothing waits forever', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', first);
    void t.session.applyCode('c3', null); // adds c3 to the annotation just tagged
    void t.session.applyCode('c2', second);
    await settle();
    expect(t.snap().active?.quote).toBe('rebels');
    const a = annotation({ ...first, codes: ['c1'] });
    await t.answer('annotations.create', a);
    const toggle = await t.answer('annotations.update', updated(a, { codes: ['c1', 'c3'] }));
    expect(toggle.input).toMatchObject({ id: a.id, codes: ['c1', 'c3'] });
    await t.answer('annotations.create', annotation({ ...second, codes: ['c2'] }));
    await t.session.idle();
    expect(t.snap().annotations.map((x) => [x.quote, x.codes])).toEqual([
      ['ceasefire', ['c1', 'c3']],
      ['rebels', ['c2']],
    ]);
  });

  it('a code key without a span pressed after both toggles the code on the second', async () => {
    const { t } = await twoQuickTags();
    void t.session.applyCode('c3', null);
    await t.answer('annotations.create', annotation({ ...first }));
    const b = annotation({ ...second, codes: ['c2'] });
    await t.answer('annotations.create', b);
    const toggle = await t.answer('annotations.update', updated(b, { codes: ['c2', 'c3'] }));
    expect(toggle.input).toMatchObject({ id: b.id, codes: ['c2', 'c3'] });
  });

  it('a reload between them (a change elsewhere) keeps the second on screen until its create answers', async () => {
    const t = setup();
    await t.load();
    void t.session.applyCode('c1', first);
    void t.session.changedElsewhere();
    void t.session.applyCode('c2', second);
    await settle();
    expect(t.snap().annotations.map((x) => x.quote)).toEqual(['ceasefire', 'rebels']);
    const a = annotation({ ...first });
    await t.answer('annotations.create', a);
    await t.answer('annotations.list', [a]);
    expect(t.snap().annotations.map((x) => x.quote)).toEqual(['ceasefire', 'rebels']);
    expect(t.snap().active?.quote).toBe('rebels');
    const b = annotation({ ...second });
    await t.answer('annotations.create', b);
    expect(t.snap().annotations.map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('with no annotator named yet, nothing shows before the name is asked for, and a declined name makes no tag', async () => {
    const t = setup();
    await t.load();
    t.host.annotator = () => '';
    let named: (ok: boolean) => void = () => undefined;
    t.host.ensureAnnotator = () => new Promise((resolve) => (named = resolve));
    void t.session.applyCode('c1', first);
    await settle();
    expect(t.snap().annotations).toEqual([]); // asked for the name first
    named(false);
    await t.session.idle();
    expect(t.snap().annotations).toEqual([]);
    expect(t.calls.filter((c) => c.name === 'annotations.create')).toHaveLength(0);
  });
});
