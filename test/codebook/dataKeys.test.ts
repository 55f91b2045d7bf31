/**
 * Names that come from data are never properties of a plain object: a claimant called
 * "constructor" or "__proto__", or a colleague's code with the id "__proto__", is counted,
 * renamed and protected like any other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقف إطلاق النار. ورفض حفتر الشرط. وقال المبعوث إن الهدنة انتهت.';

let dir: string;
let p: Project;
let doc: string;

const tag = (quote: string, codes: string[], claimant = '') =>
  p.call('annotations.create', { documentId: doc, ...p.span(TEXT, quote), codes, claimant });

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
  it('counts and renames claimants called __proto__, constructor and toString', async () => {
    await tag('ماكرون', ['ceasefire-proposal'], '__proto__');
    await tag('حفتر', ['ceasefire-proposal'], '__proto__');
    await tag('المبعوث', ['ceasefire-proposal'], 'constructor');
    expect(await p.call('claimants.list', {})).toEqual([
      { name: '__proto__', count: 2 },
      { name: 'constructor', count: 1 },
    ]);
    // a name no annotation has is not found, even when it is a property of every object
    await expect(p.call('claimants.rename', { from: 'toString', to: 'X' })).rejects.toThrow(
      /No annotation has the claimant/,
    );
    expect(await p.call('claimants.rename', { from: 'constructor', to: '__proto__' })).toMatchObject({
      affected: 1,
      documents: 1,
    });
    expect(await p.call('claimants.list', {})).toEqual([{ name: '__proto__', count: 3 }]);
    const summary = await p.call('stats.summary', {});
    expect(summary.claimants).toEqual([{ name: '__proto__', count: 3 }]);
    expect(summary.noClaimant).toBe(0);
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
    expect(summary.claimants).toEqual([{ name: 'constructor', count: 1 }]);
    await expect(p.call('codebook.deleteCode', { id: '__proto__' })).rejects.toThrow(/used by 1 annotation/);
  });
});
