/**
 * The codebook operations that reach annotations: merge, delete (reassign / remove), actors
 * merged and deleted, and the guarantee that a code, a field or a choice in use is never silently
 * dropped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس 🙂 ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال خليفه حفتر إن الهدنة انتهت.';

let dir: string;
let p: Project;
let doc: string;

async function tag(quote: string, codes: string[], claimant = '') {
  const values: Record<string, string> = claimant ? { claimant: await p.actor(claimant) } : {};
  return p.call('annotations.create', { documentId: doc, ...p.span(TEXT, quote), codes, values });
}
const codesOf = async () => (await p.call('annotations.list', { documentId: doc })).map((a) => a.codes);

beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
  doc = await p.addDocument(TEXT);
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('merging two codes', () => {
  it('moves every annotation of the source to the target, never twice in one annotation', async () => {
    await tag('ماكرون', ['ceasefire-proposal']);
    await tag('ورفض حفتر', ['ceasefire-proposal', 'ceasefire-condition']);
    await tag('الهدنة', ['political-process']);
    const before = await p.call('annotations.list', { documentId: doc });

    const result = await p.call('codebook.mergeCodes', {
      sourceId: 'ceasefire-proposal',
      targetId: 'ceasefire-condition',
    });
    expect(result.affected).toBe(2);
    expect(result.documents).toBe(1);
    expect(result.codebook.codes.some((c) => c.id === 'ceasefire-proposal')).toBe(false);
    expect(await codesOf()).toEqual([['ceasefire-condition'], ['ceasefire-condition'], ['political-process']]);
    const after = await p.call('annotations.list', { documentId: doc });
    expect(after[2]?.updatedAt).toBe(before[2]?.updatedAt); // untouched annotation keeps its time
    expect((await p.call('codebook.get', {})).codes.find((c) => c.id === 'ceasefire-condition')?.key).toBe('2');
    expect((await p.call('codebook.usage', {})).codes).toEqual({ 'ceasefire-condition': 2, 'political-process': 1 });
  });

  it('follows into documents that are not loaded (a reopened project)', async () => {
    await tag('ماكرون', ['ceasefire-proposal']);
    await closeProject(p);
    p = await openProject(dir);
    expect([...p.store.loadedDocuments()]).toHaveLength(0);
    await p.call('codebook.mergeCodes', { sourceId: 'ceasefire-proposal', targetId: 'political-process' });
    expect(await codesOf()).toEqual([['political-process']]);
  });
});

describe('deleting a code', () => {
  it('in use: refuses without a choice, saying how many annotations it affects', async () => {
    await tag('ماكرون', ['political-process']);
    await tag('الهدنة', ['political-process', 'ceasefire-proposal']);
    const err = await p.call('codebook.deleteCode', { id: 'political-process' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/“Political process” is used by 2 annotations/);
    expect((await p.call('codebook.get', {})).codes.some((c) => c.id === 'political-process')).toBe(true);
    expect(await codesOf()).toEqual([['political-process'], ['political-process', 'ceasefire-proposal']]);
  });

  it('reassigns its annotations to another code', async () => {
    await tag('ماكرون', ['political-process']);
    await tag('الهدنة', ['political-process', 'ceasefire-proposal']);
    const r = await p.call('codebook.deleteCode', {
      id: 'political-process',
      mode: 'reassign',
      reassignTo: 'ceasefire-proposal',
    });
    expect(r.affected).toBe(2);
    expect(await codesOf()).toEqual([['ceasefire-proposal'], ['ceasefire-proposal']]);
  });

  it('removes the code from its annotations', async () => {
    await tag('ماكرون', ['political-process']);
    await tag('الهدنة', ['political-process', 'ceasefire-proposal']);
    const r = await p.call('codebook.deleteCode', { id: 'political-process', mode: 'remove' });
    expect(r.affected).toBe(2);
    expect(await codesOf()).toEqual([[], ['ceasefire-proposal']]);
    expect((await p.call('stats.summary', { documentId: doc })).uncoded).toBe(1);
  });

  it('a parent: children move up, or are deleted with it (their annotations counted too)', async () => {
    await tag('ماكرون', ['embargo-enforcement-call']);
    const up = await p.call('codebook.deleteCode', { id: 'arms-embargo' });
    expect(up.removed).toEqual(['arms-embargo']);
    expect(up.codebook.codes.find((c) => c.id === 'embargo-enforcement-call')?.parentId).toBeNull();

    const unused = await p.call('codebook.deleteCode', { id: 'humanitarian', children: 'delete' });
    expect(unused.removed.sort()).toEqual(['casualties-displacement', 'humanitarian']);
    await tag('الهدنة', ['political-process']);
    const asked = await p.call('codebook.deleteCode', { id: 'politics', children: 'delete' }).catch((e: AppError) => e);
    expect((asked as AppError).message).toMatch(/and its sub-codes are used by 1 annotation\b/);
  });

  it('reassign needs a target that stays', async () => {
    await tag('ماكرون', ['political-process']);
    await expect(p.call('codebook.deleteCode', { id: 'political-process', mode: 'reassign' })).rejects.toThrow(
      /Choose the code/,
    );
    await expect(
      p.call('codebook.deleteCode', {
        id: 'politics',
        children: 'delete',
        mode: 'reassign',
        reassignTo: 'political-process',
      }),
    ).rejects.toThrow(/deleted too/);
    expect(await codesOf()).toEqual([['political-process']]);
  });
});

describe('a code in use is never silently dropped', () => {
  it('codebook.save refuses a codebook without a code annotations use, and changes nothing', async () => {
    await tag('ماكرون', ['ceasefire-condition']);
    const cb = await p.call('codebook.get', {});
    const without = { ...cb, codes: cb.codes.filter((c) => c.id !== 'ceasefire-condition') };
    await expect(p.call('codebook.save', without)).rejects.toThrow(/“Ceasefire condition” is used by 1 annotation\b/);
    expect((await p.call('codebook.get', {})).codes).toHaveLength(cb.codes.length);
  });

  it('also when the document is not loaded, and allows dropping an unused code', async () => {
    await tag('ماكرون', ['ceasefire-condition']);
    await closeProject(p);
    p = await openProject(dir);
    const cb = await p.call('codebook.get', {});
    await expect(
      p.call('codebook.save', { ...cb, codes: cb.codes.filter((c) => c.id !== 'ceasefire-condition') }),
    ).rejects.toThrow(/in the codebook editor/);
    const saved = await p.call('codebook.save', {
      ...cb,
      codes: cb.codes.filter((c) => c.id !== 'ceasefire-proposal'),
    });
    expect(saved.codes.some((c) => c.id === 'ceasefire-proposal')).toBe(false);
  });

  it('a choice or a field that claims use cannot be dropped (409 with the count); a choice can be renamed', async () => {
    const a = await tag('ماكرون', ['ceasefire-proposal']);
    await p.call('annotations.update', { id: a.id, values: { position: 'denies' } });
    const cb = await p.call('codebook.get', {});
    const position = cb.fields.find((f) => f.key === 'position')!;
    const without = (items: typeof position.choices) =>
      cb.fields.map((f) => (f.key === 'position' ? { ...f, choices: items } : f));
    await expect(
      p.call('codebook.save', { ...cb, fields: without(position.choices.filter((c) => c.id !== 'denies')) }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/choice “denies” of “Position” is used by 1 claim/),
    });
    await expect(
      p.call('codebook.save', { ...cb, fields: cb.fields.filter((f) => f.key !== 'position') }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/field “Position” is filled in 1 claim/),
    });
    expect(await p.call('codebook.get', {})).toEqual(cb);
    // the item's id stays when its name changes: the claim keeps it
    const renamed = position.choices.map((c) => (c.id === 'denies' ? { ...c, name: 'refutes' } : c));
    await p.call('codebook.save', { ...cb, fields: without(renamed) });
    expect((await p.call('annotations.list', { documentId: doc }))[0]?.values.position).toBe('denies');
    expect((await p.call('codebook.usage', {})).choices.position?.denies).toBe(1);
  });
});

describe('actors and the summary', () => {
  it('merges two actors everywhere and counts claims per actor', async () => {
    await tag('ماكرون', ['ceasefire-proposal'], 'ماكرون');
    await tag('ورفض حفتر', ['ceasefire-condition'], 'خليفة حفتر');
    await tag('الهدنة', ['political-process'], 'المشير حفتر');
    const other = await p.addDocument('قال المشير حفتر كلاما.');
    await p.call('annotations.create', {
      documentId: other,
      start: 4,
      end: 15,
      codes: ['political-process'],
      values: { claimant: await p.actor('المشير حفتر') },
    });

    const into = await p.actor('خليفة حفتر');
    const r = await p.call('registry.merge', { fromIds: [await p.actor('المشير حفتر')], intoId: into });
    expect(r.moved).toBe(2);
    const summary = await p.call('stats.summary', {});
    expect(summary.actors).toEqual([
      { id: into, name: 'خليفة حفتر', count: 3 },
      { id: await p.actor('ماكرون'), name: 'ماكرون', count: 1 },
    ]);
    // the merged name is a spelling of the kept actor now: it cannot name another
    await expect(p.call('registry.add', { entity: { kind: 'actor', nameAr: 'المشير حفتر' } })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('refuses to delete an actor claims name unless they are given to another, then moves them', async () => {
    const macron = await p.actor('ماكرون');
    await tag('ماكرون', ['ceasefire-proposal'], 'ماكرون');
    await expect(p.call('registry.delete', { id: macron })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/is in 1 claim; choose the actor/),
    });
    const to = await p.actor('Emmanuel Macron');
    expect(await p.call('registry.delete', { id: macron, reassignTo: to })).toMatchObject({ moved: 1 });
    expect((await p.call('annotations.list', { documentId: doc }))[0]?.values.claimant).toBe(to);
  });

  it('counts annotations per code per document and for the project', async () => {
    await tag('ماكرون', ['ceasefire-proposal', 'political-process'], 'ماكرون');
    await tag('الهدنة', ['political-process']);
    const other = await p.addDocument('قال خليفه حفتر كلاما.');
    await p.call('annotations.create', { documentId: other, start: 4, end: 13, codes: ['political-process'] });
    const one = await p.call('stats.summary', { documentId: doc });
    const count = (s: typeof one, id: string) => s.codes.find((c) => c.id === id)?.count;
    expect(one.annotations).toBe(2);
    expect(count(one, 'political-process')).toBe(2);
    expect(one.codedRows).toBe(3);
    expect(one.noClaimant).toBe(1);
    const all = await p.call('stats.summary', {});
    expect(count(all, 'political-process')).toBe(3);
    expect(all.codes.find((c) => c.id === 'political-process')?.path).toBe('Politics > Political process');
  });
});

describe('moving a code', () => {
  it('leaves its annotations as they are and changes only the code path', async () => {
    const a = await tag('ماكرون', ['political-process']);
    const cb = await p.call('codebook.get', {});
    const { moveCode } = await import('@shared/codebook/ops');
    await p.call('codebook.save', moveCode(cb, 'political-process', 'ceasefire-proposal'));
    const [after] = await p.call('annotations.list', { documentId: doc });
    expect(after).toEqual(a);
    const summary = await p.call('stats.summary', {});
    expect(summary.codes.find((c) => c.id === 'political-process')).toMatchObject({
      count: 1,
      path: 'Ceasefire > Ceasefire proposal > Political process',
    });
  });
});

describe('any sequence of editor operations', () => {
  it('never leaves an annotation with a code the codebook lacks', async () => {
    const ops = await import('@shared/codebook/ops');
    let seed = 7;
    const rand = (n: number) => {
      // mulberry32: small, seeded, well mixed
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const quotes = ['ماكرون', 'ورفض حفتر', 'الهدنة', 'انتهت'];
    for (const q of quotes) await tag(q, ['political-process', 'ceasefire-proposal'].slice(0, 1 + rand(2)));
    for (let step = 0; step < 150; step++) {
      const cb = await p.call('codebook.get', {});
      const ids = cb.codes.map((c) => c.id);
      const pick = () => ids[rand(ids.length)] as string;
      const kind = rand(7);
      try {
        if (kind === 0) await p.call('codebook.mergeCodes', { sourceId: pick(), targetId: pick() });
        else if (kind === 1)
          await p.call('codebook.deleteCode', {
            id: pick(),
            mode: rand(2) ? 'remove' : 'reassign',
            reassignTo: pick(),
            children: rand(2) ? 'delete' : 'moveUp',
          });
        else if (kind === 2) await p.call('codebook.deleteCode', { id: pick() });
        else if (kind === 3) await p.call('codebook.save', { ...cb, codes: cb.codes.filter((c) => c.id !== pick()) });
        else if (kind === 4) await p.call('codebook.save', ops.moveCode(cb, pick(), rand(3) ? pick() : null));
        else if (kind === 5)
          await p.call(
            'codebook.save',
            ops.addCode(cb, { name: `Code ${step}`, parentId: rand(2) ? pick() : null }, `c${step}`).codebook,
          );
        else {
          const list = await p.call('annotations.list', { documentId: doc });
          const target = list[rand(list.length)];
          if (target) await p.call('annotations.update', { id: target.id, codes: [pick()] });
          else await tag(quotes[rand(quotes.length)] as string, [pick()]);
        }
      } catch (err) {
        expect(err).toBeInstanceOf(AppError); // refused with a sentence, never a crash
      }
      const known = new Set((await p.call('codebook.get', {})).codes.map((c) => c.id));
      for (const a of await p.call('annotations.list', { documentId: doc })) {
        for (const c of a.codes) expect(known.has(c), `step ${step}: annotation keeps unknown code ${c}`).toBe(true);
      }
    }
  });
});
