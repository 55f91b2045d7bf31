/**
 * fields.clearValues: a field in use can be emptied from every claim (so the codebook can then drop
 * it), and codebook.undoMerge puts every value back exactly — refused, changing nothing, once a
 * claim it cleared was edited since or while the field is not back in the codebook.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال خليفه حفتر إن الهدنة انتهت.';

let dir: string;
let p: Project;
let doc: string;
let other: string;

async function tag(documentId: string, text: string, quote: string, values: Record<string, unknown>) {
  return p.call('annotations.create', {
    documentId,
    ...p.span(text, quote),
    codes: ['ceasefire-proposal'],
    values: values as never,
  });
}
/** every claim's stored values, exactly as project files hold them */
const values = async () =>
  JSON.stringify([
    ...(await p.call('annotations.list', { documentId: doc })).map((a) => a.values),
    ...(await p.call('annotations.list', { documentId: other })).map((a) => a.values),
  ]);

beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
  doc = await p.addDocument(TEXT);
  other = await p.addDocument('قال خليفة حفتر كلاما.', 'Other');
  const macron = await p.actor('ماكرون');
  await tag(doc, TEXT, 'ماكرون', { claimant: macron, form: 'statement', justification: ['security', 'sovereignty'] });
  await tag(doc, TEXT, 'ورفض حفتر', { justification: ['security'], note: 'شرط' });
  await tag(doc, TEXT, 'الهدنة', { note: 'بلا مبرر' });
  await tag(other, 'قال خليفة حفتر كلاما.', 'كلاما', {
    justification: ['humanitarian', 'security'],
    form: 'interview',
  });
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('clearing a field from every claim', () => {
  it('empties the field in every claim, lets the codebook drop it, and undo puts back exactly what was there', async () => {
    const before = await values();
    const codebook = await p.call('codebook.get', {});
    const r = await p.call('fields.clearValues', { key: 'justification' });
    expect(r.cleared).toBe(3);
    expect((await p.call('codebook.usage', {})).fields.justification).toBeUndefined();
    expect(await values()).not.toContain('justification');
    // the other fields of those claims are untouched
    expect((await p.call('codebook.usage', {})).fields).toMatchObject({ form: 2, note: 2, claimant: 1 });
    // nothing carries it now, so the codebook may drop it
    await p.call('codebook.save', { ...codebook, fields: codebook.fields.filter((f) => f.key !== 'justification') });

    // undo: the field first, then its values
    await expect(p.call('codebook.undoMerge', { undoId: r.undoId })).rejects.toThrow(/put it back first/);
    await p.call('codebook.save', codebook);
    const undone = await p.call('codebook.undoMerge', { undoId: r.undoId });
    expect(undone).toMatchObject({ affected: 3, documents: 2 });
    expect(await values()).toBe(before);
    await expect(p.call('codebook.undoMerge', { undoId: r.undoId })).rejects.toThrow(/no longer be undone/);
  });

  it('clears only the named items of a choices field, dropping a list left empty', async () => {
    const before = await values();
    const r = await p.call('fields.clearValues', { key: 'justification', choiceIds: ['security'] });
    expect(r.cleared).toBe(3);
    const [first, second] = await p.call('annotations.list', { documentId: doc });
    expect(first?.values.justification).toEqual(['sovereignty']);
    expect(second?.values).toEqual({ note: 'شرط' });
    const [far] = await p.call('annotations.list', { documentId: other });
    expect(far?.values.justification).toEqual(['humanitarian']);
    await p.call('codebook.undoMerge', { undoId: r.undoId });
    expect(await values()).toBe(before);
  });

  it('refuses the undo, changing nothing, when a cleared claim was edited since', async () => {
    const r = await p.call('fields.clearValues', { key: 'form' });
    expect(r.cleared).toBe(2);
    const [first] = await p.call('annotations.list', { documentId: doc });
    await p.call('annotations.update', { id: first?.id ?? '', documentId: doc, values: { form: 'interview' } });
    const edited = await values();
    await expect(p.call('codebook.undoMerge', { undoId: r.undoId })).rejects.toThrow(
      /1 annotation of this merge was changed/,
    );
    expect(await values()).toBe(edited);
  });

  it('refuses an unknown field or item and bad input, changing nothing', async () => {
    const before = await values();
    await expect(p.call('fields.clearValues', { key: 'nothing_like_it' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(p.call('fields.clearValues', { key: 'note', choiceIds: ['security'] })).rejects.toThrow(
      /has no choices to clear/,
    );
    await expect(p.call('fields.clearValues', { key: 'form', choiceIds: ['no-such-item'] })).rejects.toThrow(
      /has no choice with the id “no-such-item”/,
    );
    for (const input of [{ key: '__proto__' }, { key: 'form', extra: 1 }, { key: 'form', choiceIds: [] }, {}])
      await expect(p.call('fields.clearValues', input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await values()).toBe(before);
  });
});
