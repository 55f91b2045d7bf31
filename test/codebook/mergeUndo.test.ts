/**
 * Undoing a code merge or an actor merge puts back exactly which annotations had which codes
 * or claimant, and the codebook or the merged actors; an undo that would overwrite later work is
 * refused whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال خليفه حفتر إن الهدنة انتهت.';

let dir: string;
let p: Project;
let doc: string;
let other: string;

async function tag(documentId: string, text: string, quote: string, codes: string[], claimant = '') {
  const values: Record<string, string> = claimant ? { claimant: await p.actor(claimant) } : {};
  return p.call('annotations.create', { documentId, ...p.span(text, quote), codes, values });
}
const state = async () =>
  [
    ...(await p.call('annotations.list', { documentId: doc })),
    ...(await p.call('annotations.list', { documentId: other })),
  ].map((a) => [a.quote, a.codes, a.values.claimant]);

beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
  doc = await p.addDocument(TEXT);
  other = await p.addDocument('قال خليفة حفتر كلاما.', 'Other');
  await tag(doc, TEXT, 'ماكرون', ['ceasefire-proposal'], 'ماكرون');
  await tag(doc, TEXT, 'ورفض حفتر', ['ceasefire-condition', 'ceasefire-proposal'], 'المشير حفتر');
  await tag(doc, TEXT, 'الهدنة', ['political-process'], 'المشير حفتر');
  await tag(other, 'قال خليفة حفتر كلاما.', 'كلاما', ['ceasefire-condition'], 'خليفة حفتر');
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('undoing a merge', () => {
  it('gives every annotation back the codes it had, in their order, and brings the code back', async () => {
    const before = await state();
    const codebookBefore = await p.call('codebook.get', {});
    const merged = await p.call('codebook.mergeCodes', {
      sourceId: 'ceasefire-proposal',
      targetId: 'ceasefire-condition',
    });
    expect(merged.affected).toBe(2);
    expect(await state()).not.toEqual(before);

    const undone = await p.call('codebook.undoMerge', { undoId: merged.undoId });
    expect(undone).toMatchObject({ affected: 2, documents: 1 });
    // the annotation that had both codes has both again, the one that had the source has it alone
    expect(await state()).toEqual(before);
    expect(await p.call('codebook.get', {})).toEqual(codebookBefore);
    expect((await p.call('codebook.usage', {})).codes).toEqual({
      'ceasefire-proposal': 2,
      'ceasefire-condition': 2,
      'political-process': 1,
    });
    // once only
    await expect(p.call('codebook.undoMerge', { undoId: merged.undoId })).rejects.toThrow(/no longer be undone/);
  });

  it('undoes an actor merge on exactly the claims it moved, in every document, and brings the actor back', async () => {
    const before = await state();
    const registryBefore = await p.call('registry.get', {});
    const into = await p.actor('خليفة حفتر');
    const r = await p.call('registry.merge', { fromIds: [await p.actor('المشير حفتر')], intoId: into });
    expect(r.moved).toBe(2);
    expect(r.registry.entities.find((e) => e.id === into)?.aliases).toContain('المشير حفتر');
    expect((await p.call('stats.summary', {})).actors.find((c) => c.id === into)?.count).toBe(3);
    await p.call('codebook.undoMerge', { undoId: r.undoId });
    // the claim that already named the kept actor keeps it
    expect(await state()).toEqual(before);
    expect(await p.call('registry.get', {})).toEqual(registryBefore);
  });

  it('refuses, changing nothing, when an annotation of the merge was edited since or the codebook changed', async () => {
    const merged = await p.call('codebook.mergeCodes', {
      sourceId: 'ceasefire-proposal',
      targetId: 'ceasefire-condition',
    });
    const [first] = await p.call('annotations.list', { documentId: doc });
    await p.call('annotations.update', { id: first?.id ?? '', documentId: doc, codes: ['political-process'] });
    const edited = await state();
    const codebook = await p.call('codebook.get', {});
    await expect(p.call('codebook.undoMerge', { undoId: merged.undoId })).rejects.toThrow(
      /1 annotation of this merge was changed/,
    );
    expect(await state()).toEqual(edited);
    expect(await p.call('codebook.get', {})).toEqual(codebook);

    const macron = await p.actor('ماكرون');
    const again = await p.call('registry.merge', { fromIds: [macron], intoId: await p.actor('إيمانويل ماكرون') });
    await p.call('codebook.save', {
      ...codebook,
      fields: [...codebook.fields, { key: 'doubts', label: 'Doubts', type: 'boolean' }],
    });
    await expect(p.call('codebook.undoMerge', { undoId: merged.undoId })).rejects.toThrow(/codebook has changed/);
    // an actor merge does not depend on the codebook
    await p.call('codebook.undoMerge', { undoId: again.undoId });
    expect((await state()).map((x) => x[2])).toContain(macron);
  });

  it('refuses an actor merge’s undo, changing nothing, when one of its claims was edited since', async () => {
    const r = await p.call('registry.merge', {
      fromIds: [await p.actor('المشير حفتر')],
      intoId: await p.actor('خليفة حفتر'),
    });
    const [, second] = await p.call('annotations.list', { documentId: doc });
    await p.call('annotations.update', { id: second?.id ?? '', values: { claimant: await p.actor('ماكرون') } });
    const edited = await state();
    const registry = await p.call('registry.get', {});
    await expect(p.call('codebook.undoMerge', { undoId: r.undoId })).rejects.toThrow(/1 annotation of this merge/);
    expect(await state()).toEqual(edited);
    expect(await p.call('registry.get', {})).toEqual(registry);
  });

  it('does not undo a merge of another project, or an unknown one', async () => {
    const merged = await p.call('codebook.mergeCodes', {
      sourceId: 'ceasefire-proposal',
      targetId: 'ceasefire-condition',
    });
    const otherDir = await tempDir();
    try {
      const q = await openProject(otherDir);
      await expect(q.call('codebook.undoMerge', { undoId: merged.undoId })).rejects.toThrow(/no longer be undone/);
      await closeProject(q);
    } finally {
      await removeDir(otherDir);
    }
    await expect(p.call('codebook.undoMerge', { undoId: 'nothing-like-it' })).rejects.toThrow(/no longer be undone/);
  });
});
