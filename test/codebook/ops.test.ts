import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '@shared/defaultCodebook';
import {
  addCode,
  deleteCode,
  describeCode,
  mergeCodes,
  moveCode,
  recolourCode,
  rekeyCode,
  remapCodes,
  removedCodeIds,
  renameCode,
  reorderCode,
} from '@shared/codebook/ops';
import { childrenOf, codePath, treeRows } from '@shared/codebook/tree';
import { validateCodebook } from '@shared/codebook/validate';
import type { Codebook } from '@shared/model';

const ids = (cb: Codebook, parent: string | null) => childrenOf(cb, parent).map((c) => c.id);
const get = (cb: Codebook, id: string) => cb.codes.find((c) => c.id === id);

describe('codebook operations', () => {
  it('adds a code under a parent, after its siblings, with a free colour', () => {
    const before = defaultCodebook();
    const { codebook, code } = addCode(
      before,
      { name: 'Truce violation', nameAr: 'خرق الهدنة', parentId: 'ceasefire', key: '8' },
      'truce',
    );
    expect(ids(codebook, 'ceasefire')).toEqual(['ceasefire-proposal', 'ceasefire-condition', 'truce']);
    expect(code.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(code.key).toBe('8');
    expect(before.codes).toHaveLength(11); // input unchanged
    validateCodebook(codebook);
  });

  it('refuses a name another code has, whatever the case', () => {
    expect(() => addCode(defaultCodebook(), { name: '  ceasefire PROPOSAL ' }, 'x')).toThrow(
      /already a code called “Ceasefire proposal”/,
    );
    expect(() => renameCode(defaultCodebook(), 'politics', { name: 'Humanitarian' })).toThrow(/Humanitarian/);
  });

  it('renames in both languages', () => {
    const cb = renameCode(defaultCodebook(), 'politics', { name: 'Diplomacy', nameAr: 'الدبلوماسية' });
    expect(get(cb, 'politics')).toMatchObject({ name: 'Diplomacy', nameAr: 'الدبلوماسية' });
    expect(codePath(cb, 'political-process')).toBe('Diplomacy > Political process');
  });

  it('re-keys, and a taken key names the code that holds it', () => {
    expect(() => rekeyCode(defaultCodebook(), 'politics', '3')).toThrow(
      'Key 3 is already used by “Arms-embargo violation”',
    );
    const cb = rekeyCode(defaultCodebook(), 'politics', '9');
    expect(get(cb, 'politics')?.key).toBe('9');
    expect(get(rekeyCode(cb, 'politics', null), 'politics')?.key).toBeNull();
    expect(() => rekeyCode(defaultCodebook(), 'politics', '0')).toThrow(/1 to 9/);
  });

  it('recolours and describes', () => {
    let cb = recolourCode(defaultCodebook(), 'politics', '#aabbcc');
    expect(get(cb, 'politics')?.color).toBe('#AABBCC');
    expect(() => recolourCode(cb, 'politics', 'red')).toThrow(/#RRGGBB/);
    cb = describeCode(cb, 'politics', { description: ' Talks. ', example: 'مؤكدين' });
    expect(get(cb, 'politics')).toMatchObject({ description: 'Talks.', example: 'مؤكدين' });
  });

  it('moves a branch to any depth and refuses cycles', () => {
    let cb = moveCode(defaultCodebook(), 'politics', 'humanitarian');
    cb = moveCode(cb, 'humanitarian', 'ceasefire-proposal');
    expect(codePath(cb, 'political-process')).toBe(
      'Ceasefire > Ceasefire proposal > Humanitarian > Politics > Political process',
    );
    expect(() => moveCode(cb, 'ceasefire', 'political-process')).toThrow(
      /under itself or under one of its own sub-codes/,
    );
    expect(() => moveCode(cb, 'ceasefire', 'ceasefire')).toThrow(/under itself/);
    validateCodebook(cb);
    // tree rows list parents before children at increasing depth
    const depth = Object.fromEntries(treeRows(cb).map((r) => [r.code.id, r.depth]));
    expect(depth['political-process']).toBe(4);
  });

  it('reorders siblings', () => {
    const cb = reorderCode(defaultCodebook(), 'foreign-military-support', 0);
    expect(ids(cb, 'arms-embargo')).toEqual([
      'foreign-military-support',
      'arms-embargo-violation',
      'embargo-enforcement-call',
    ]);
    const top = reorderCode(defaultCodebook(), 'politics', 0);
    expect(ids(top, null)).toEqual(['politics', 'ceasefire', 'arms-embargo', 'humanitarian']);
  });

  it('merges: the source goes, its children and key move to the target, annotations map to the target', () => {
    const { codebook, mapping } = mergeCodes(
      rekeyCode(defaultCodebook(), 'political-process', null),
      'political-process',
      'ceasefire-proposal',
    );
    expect(get(codebook, 'political-process')).toBeUndefined();
    expect(get(codebook, 'ceasefire-proposal')?.key).toBe('1');
    expect(mapping).toEqual(new Map([['political-process', 'ceasefire-proposal']]));
    const parents = mergeCodes(defaultCodebook(), 'humanitarian', 'politics').codebook;
    expect(ids(parents, 'politics')).toEqual(['political-process', 'casualties-displacement']);
    expect(get(parents, 'politics')?.key).toBeNull();
  });

  it('merges a parent into its own grandchild without creating a cycle', () => {
    const cb = moveCode(defaultCodebook(), 'political-process', 'ceasefire-proposal');
    const { codebook } = mergeCodes(cb, 'ceasefire', 'political-process');
    validateCodebook(codebook);
    expect(get(codebook, 'political-process')?.parentId).toBeNull();
    expect(ids(codebook, 'political-process')).toEqual(['ceasefire-proposal', 'ceasefire-condition']);
  });

  it('deletes a parent: children move up by default, or go with it', () => {
    const up = deleteCode(defaultCodebook(), 'arms-embargo');
    expect(up.removed).toEqual(['arms-embargo']);
    expect(get(up.codebook, 'arms-embargo-violation')?.parentId).toBeNull();
    expect(up.mapping).toEqual(new Map([['arms-embargo', null]]));
    const all = deleteCode(defaultCodebook(), 'arms-embargo', { children: 'delete', reassignTo: 'politics' });
    expect(all.removed.sort()).toEqual([
      'arms-embargo',
      'arms-embargo-violation',
      'embargo-enforcement-call',
      'foreign-military-support',
    ]);
    expect(all.mapping.get('foreign-military-support')).toBe('politics');
    expect(() =>
      deleteCode(defaultCodebook(), 'arms-embargo', { children: 'delete', reassignTo: 'arms-embargo-violation' }),
    ).toThrow(/deleted too/);
    expect(removedCodeIds(defaultCodebook(), all.codebook)).toHaveLength(4);
  });

  it('remaps annotation codes without duplicates and keeps the order', () => {
    expect(remapCodes(['a', 'b', 'c'], new Map([['b', 'c']]))).toEqual(['a', 'c']);
    expect(remapCodes(['b', 'a'], new Map([['b', 'c']]))).toEqual(['c', 'a']);
    expect(remapCodes(['a', 'b'], new Map([['b', null]]))).toEqual(['a']);
    const same = ['a'];
    expect(remapCodes(same, new Map([['b', 'c']]))).toBe(same);
  });
});
