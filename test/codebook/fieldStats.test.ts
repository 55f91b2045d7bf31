/**
 * stats.summary counts claims by the value of each actor, place, choice and choices field (or of
 * one field asked for), the same numbers a researcher would get by counting the CSV's column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح ماكرون وقف إطلاق النار، ورفض حفتر، ثم اقترح السراج هدنة.';
let dir: string;
let p: Project;
let doc: string;
let macron: string;
let haftar: string;

const claim = async (quote: string, values: Record<string, string | string[]>) =>
  p.call('annotations.create', { documentId: doc, ...p.span(TEXT, quote), codes: [], values });

beforeAll(async () => {
  dir = await tempDir();
  p = await openProject(dir);
  doc = await p.addDocument(TEXT);
  macron = await p.actor('ماكرون');
  haftar = await p.actor('حفتر');
  await claim('اقترح ماكرون', {
    claimant: macron,
    addressee: haftar,
    position: 'proposes',
    justification: ['security'],
  });
  await claim('رفض حفتر', { claimant: haftar, position: 'rejects', justification: ['security', 'sovereignty'] });
  await claim('اقترح السراج', { claimant: macron, position: 'proposes' });
  await claim('هدنة', {});
});
afterAll(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('stats.summary by field', () => {
  it('counts claims per actor of each actor field, per item of each choice field, and the empty ones', async () => {
    const { fields } = await p.call('stats.summary', {});
    const byKey = new Map(fields.map((f) => [f.key, f]));
    // only the fields one can count by: actors, places, choices (not dates, numbers, notes)
    expect(fields.map((f) => f.key)).toEqual([
      'claimant',
      'addressee',
      'object_actor',
      'form',
      'position',
      'certainty',
      'place',
      'justification',
    ]);
    expect(byKey.get('claimant')?.values.map((v) => [v.id, v.nameAr, v.count])).toEqual([
      [macron, 'ماكرون', 2],
      [haftar, 'حفتر', 1],
    ]);
    expect(byKey.get('claimant')?.none).toBe(1);
    expect(byKey.get('addressee')?.values.map((v) => [v.id, v.count])).toEqual([[haftar, 1]]);
    const position = byKey.get('position');
    expect(position?.values.filter((v) => v.count > 0).map((v) => [v.id, v.count])).toEqual([
      ['proposes', 2],
      ['rejects', 1],
    ]);
    // every item of the list is there, in its order, 0 included
    const cb = await p.call('codebook.get', {});
    expect(position?.values.map((v) => v.id)).toEqual(
      cb.fields.find((f) => f.key === 'position')?.choices.map((c) => c.id),
    );
    expect(position?.none).toBe(1);
    // a claim with several justifications counts once under each
    expect(
      byKey
        .get('justification')
        ?.values.filter((v) => v.count > 0)
        .map((v) => [v.id, v.count]),
    ).toEqual([
      ['security', 2],
      ['sovereignty', 1],
    ]);
  });

  it('answers one field when asked, and refuses a field it cannot count by with a sentence', async () => {
    const one = await p.call('stats.summary', { field: 'position' });
    expect(one.fields.map((f) => f.key)).toEqual(['position']);
    await expect(p.call('stats.summary', { field: 'note' })).rejects.toMatchObject({
      message: expect.stringMatching(/counted by actor, place and choice fields/),
    });
    await expect(p.call('stats.summary', { field: 'nothing_here' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no field with the key “nothing_here”/),
    });
  });
});
