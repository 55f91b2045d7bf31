/**
 * Arabic names of stance and certainty values: stored in the codebook, optional so that project
 * files from before them open unchanged, carried through renames, removals and imports, and never
 * written to annotations or exports in place of the value.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setValueName, valueNameAr } from '@shared/codebook/valueNames';
import { validateCodebook } from '@shared/codebook/validate';
import { closeProject, openProject, removeDir, tempDir, type Project } from './helpers';

const TEXT = 'اقترح الرئيس ماكرون وقف إطلاق النار.';

let dir: string;
let p: Project;

beforeEach(async () => {
  dir = await tempDir();
  p = await openProject(dir);
});
afterEach(async () => {
  await closeProject(p);
  await removeDir(dir);
});

describe('Arabic names of stances and certainties', () => {
  it('a new project has them for the default values', async () => {
    const cb = await p.call('codebook.get', {});
    expect(valueNameAr(cb, 'stances', 'proposes')).toBe('يقترح');
    expect(valueNameAr(cb, 'certainties', 'alleged')).toBe('مزعوم');
    expect(cb.valueNamesAr?.stances).toContainEqual({ value: 'rejects', nameAr: 'يرفض' });
  });

  it('a project file from before them opens as it is, shows the built-in names, and takes new ones', async () => {
    await closeProject(p);
    const file = path.join(dir, 'project.json');
    const old = JSON.parse(await readFile(file, 'utf8')) as { codebook: Record<string, unknown> };
    delete old.codebook.valueNamesAr;
    old.codebook.stances = [...(old.codebook.stances as string[]), 'hedges'];
    await writeFile(file, JSON.stringify(old, null, 2));
    p = await openProject(dir);
    const info = await p.call('project.info', {});
    expect(info.notices).toEqual([]);
    const cb = await p.call('codebook.get', {});
    expect(cb.valueNamesAr).toBeUndefined();
    expect(cb.stances).toContain('hedges');
    expect(valueNameAr(cb, 'stances', 'supports')).toBe('يؤيد');
    expect(valueNameAr(cb, 'stances', 'hedges')).toBe('');
    await p.call('codebook.save', setValueName(cb, 'stances', 'hedges', 'يتحفّظ'));
    await closeProject(p);
    p = await openProject(dir);
    expect(valueNameAr(await p.call('codebook.get', {}), 'stances', 'hedges')).toBe('يتحفّظ');
  });

  it('a rename takes the name along; annotations and the CSV keep the value, not the name', async () => {
    const doc = await p.addDocument(TEXT);
    await p.call('annotations.create', {
      documentId: doc,
      start: 0,
      end: 5,
      codes: ['ceasefire-proposal'],
      stance: 'proposes',
    });
    await p.call('codebook.renameValue', { list: 'stances', from: 'proposes', to: 'offers' });
    const cb = await p.call('codebook.get', {});
    expect(valueNameAr(cb, 'stances', 'offers')).toBe('يقترح');
    expect(cb.valueNamesAr?.stances.some((n) => n.value === 'proposes')).toBe(false);
    const csv = await p.call('export.csv', {});
    expect(csv.csv).toContain(',offers,');
    expect(csv.csv).not.toContain('يقترح');
  });

  it('a value removed from its list loses its name; two names for one value are refused', async () => {
    const cb = await p.call('codebook.get', {});
    const saved = await p.call('codebook.save', { ...cb, stances: cb.stances.filter((s) => s !== 'denies') });
    expect(saved.valueNamesAr?.stances.some((n) => n.value === 'denies')).toBe(false);
    const twice = {
      ...saved,
      valueNamesAr: {
        stances: [...(saved.valueNamesAr?.stances ?? []), { value: 'rejects', nameAr: 'يأبى' }],
        certainties: [],
      },
    };
    expect(() => validateCodebook(twice)).toThrow('The stance “rejects” has two Arabic names.');
    await expect(p.call('codebook.save', twice)).rejects.toThrow(/two Arabic names/);
    expect(valueNameAr(await p.call('codebook.get', {}), 'stances', 'rejects')).toBe('يرفض');
  });

  it('an imported codebook fills in names this project lacks, and never replaces its own', async () => {
    const cb = await p.call('codebook.get', {});
    await p.call('codebook.save', setValueName(cb, 'stances', 'rejects', 'يرفض رفضًا'));
    const theirs = {
      ...cb,
      stances: [...cb.stances, 'hedges'],
      valueNamesAr: {
        stances: [
          { value: 'hedges', nameAr: 'يتحفّظ' },
          { value: 'rejects', nameAr: 'لا' },
        ],
        certainties: [],
      },
    };
    await p.call('codebook.import', { fileName: 'theirs.json', content: JSON.stringify(theirs) });
    const now = await p.call('codebook.get', {});
    expect(valueNameAr(now, 'stances', 'hedges')).toBe('يتحفّظ');
    expect(valueNameAr(now, 'stances', 'rejects')).toBe('يرفض رفضًا');
  });
});
