/**
 * Names that come from data are never properties of a plain object: an actor called
 * "constructor" or "__proto__", a choice or a colleague's code with the id "__proto__", is
 * counted, merged and protected like any other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال المبعوث إن الهدنة انتهت.';

let dir: string;
let p: Project;
let doc: string;

const tag = async (quote: string, codes: string[], claimant = '', more: Record<string, string> = {}) => {
  const values: Record<string, string> = claimant ? { claimant: await p.actor(claimant), ...more } : more;
  return p.call('annotations.create', { documentId: doc, ...p.span(TEXT, quote), codes, values });
};

async function addCode(id: string, name: string) {
  const cb = await p.call('codebook.get', {});
  await p.call('codebook.save', {
    ...cb,
    codes: [
      ...cb.codes,
      { id, name, nameAr: '', description: '', example: '', color: '#123456', key: null, parentId: null },
    ],
  });
}

beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
  doc = await p.addDocument(TEXT);
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('names from data', () => {
  it('counts and merges actors called __proto__, constructor and toString', async () => {
    await tag('ماكرون', ['ceasefire-proposal'], '__proto__');
    await tag('حفتر', ['ceasefire-proposal'], '__proto__');
    await tag('المبعوث', ['ceasefire-proposal'], 'constructor');
    const proto = await p.actor('__proto__');
    const ctor = await p.actor('constructor');
    expect((await p.call('stats.summary', {})).actors).toEqual([
      { id: proto, name: '__proto__', count: 2 },
      { id: ctor, name: 'constructor', count: 1 },
    ]);
    expect(await p.call('registry.merge', { fromIds: [ctor], intoId: proto })).toMatchObject({ moved: 1 });
    const summary = await p.call('stats.summary', {});
    expect(summary.actors).toEqual([{ id: proto, name: '__proto__', count: 3 }]);
    expect(summary.noClaimant).toBe(0);
    expect((await p.call('registry.uses', {})).uses).toEqual([{ id: proto, count: 3 }]);
  });

  it('a choice with the id __proto__ that claims use is counted and cannot be dropped', async () => {
    const cb = await p.call('codebook.get', {});
    const withProto = cb.fields.map((f) =>
      f.key === 'position'
        ? { ...f, choices: [...f.choices, { id: '__proto__', name: 'proto', nameAr: '', value: 1 }] }
        : f,
    );
    await p.call('codebook.save', { ...cb, fields: withProto });
    await tag('ماكرون', ['ceasefire-proposal'], '', { position: '__proto__' });
    const usage = await p.call('codebook.usage', {});
    expect(Object.hasOwn(usage.choices.position ?? {}, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(usage.choices.position)).__proto__).toBe(1);
    await expect(p.call('codebook.save', { ...cb })).rejects.toThrow(/choice “proto” of “Position” is used by 1 claim/);
  });

  it('a code with the id __proto__ that annotations use cannot be deleted or dropped', async () => {
    await addCode('__proto__', 'Proto code');
    await addCode('constructor', 'Constructor code');
    await tag('ماكرون', ['__proto__']);
    await tag('حفتر', ['__proto__', 'constructor']);
    const err = await p.call('codebook.deleteCode', { id: '__proto__' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/“Proto code” is used by 2 annotations/);
    const cb = await p.call('codebook.get', {});
    await expect(
      p.call('codebook.save', { ...cb, codes: cb.codes.filter((c) => c.id !== '__proto__') }),
    ).rejects.toThrow(/used by 2 annotations/);
    expect((await p.call('codebook.get', {})).codes.some((c) => c.id === '__proto__')).toBe(true);

    const usage = await p.call('codebook.usage', {});
    expect(JSON.parse(JSON.stringify(usage.codes)) as unknown).toEqual(JSON.parse('{"__proto__":2,"constructor":1}'));
    const summary = await p.call('stats.summary', {});
    const count = (id: string) => summary.codes.find((c) => c.id === id)?.count;
    expect([count('__proto__'), count('constructor'), summary.codedRows]).toEqual([2, 1, 3]);

    // merging it away moves its annotations
    const merged = await p.call('codebook.mergeCodes', { sourceId: '__proto__', targetId: 'political-process' });
    expect(merged.affected).toBe(2);
    expect((await p.call('annotations.list', { documentId: doc })).map((a) => a.codes)).toEqual([
      ['political-process'],
      ['political-process', 'constructor'],
    ]);
  });

  it('keeps such counts across a restart (the usage cache)', async () => {
    await addCode('__proto__', 'Proto code');
    await tag('ماكرون', ['__proto__'], 'constructor');
    await closeProject(p);
    p = await openProject(dir);
    await p.call('stats.summary', {}); // counted from the file, cached
    await closeProject(p);
    p = await openProject(dir);
    const summary = await p.call('stats.summary', {});
    expect(summary.codes.find((c) => c.id === '__proto__')?.count).toBe(1);
    expect(summary.actors).toEqual([{ id: await p.actor('constructor'), name: 'constructor', count: 1 }]);
    await expect(p.call('codebook.deleteCode', { id: '__proto__' })).rejects.toThrow(/used by 1 annotation/);
  });
});
