import { describe, expect, it } from 'vitest';
import { useActorStrings } from './actorStrings';
import { useFieldRemovalStrings } from './fieldRemovalStrings';
import { fill, useMergeStrings } from './mergeStrings';

describe('fill', () => {
  it('puts values in their places and leaves unknown places alone', () => {
    expect(fill('“{source}” → “{target}” {other}', { source: 'a', target: 'b' })).toBe('“a” → “b” {other}');
  });

  it('picks the singular for one and the plural for every other count', () => {
    const m = '{n|# claim carries|# claims carry} “{label}”; clear it from {n|that claim|those claims}?';
    expect(fill(m, { n: 1, label: 'Form' })).toBe('1 claim carries “Form”; clear it from that claim?');
    expect(fill(m, { n: 2, label: 'Form' })).toBe('2 claims carry “Form”; clear it from those claims?');
    expect(fill(m, { n: 0, label: 'Form' })).toBe('0 claims carry “Form”; clear it from those claims?');
  });

  it('no English count message of the codebook says "1 claims"', () => {
    for (const hook of [useFieldRemovalStrings, useMergeStrings, useActorStrings])
      for (const text of Object.values(hook.for('en')))
        if (typeof text === 'string')
          expect(fill(text, { n: 1 })).not.toMatch(/\b1 (claims|annotations|actors|places)\b/);
  });
});

describe('fill in Arabic', () => {
  it('picks the Arabic plural form: one, two, 3–10, 11–99 and the rest', () => {
    const m = '{n|ادعاء واحد|ادعاءان|# ادعاءات|# ادعاءً|# ادعاء}';
    expect([0, 1, 2, 3, 11, 100].map((n) => fill(m, { n }))).toEqual([
      '0 ادعاء',
      'ادعاء واحد',
      'ادعاءان',
      '3 ادعاءات',
      '11 ادعاءً',
      '100 ادعاء',
    ]);
  });

  it('the codebook’s Arabic counts read in their real forms for 1, 2, 3 and 11', () => {
    const ar = { ...useMergeStrings.for('ar'), ...useActorStrings.for('ar'), ...useFieldRemovalStrings.for('ar') };
    expect([1, 2, 3, 11].map((n) => fill(ar.mergedClaimants, { n, source: 'أ', target: 'ب' }))).toEqual([
      'أ ← ب: تغيّر تعليق واحد.',
      'أ ← ب: تغيّر تعليقان.',
      'أ ← ب: تغيّر 3 تعليقات.',
      'أ ← ب: تغيّر 11 تعليقًا.',
    ]);
    expect(fill(ar.removed, { n: 2, label: 'الشكل' })).toBe('أُزيل «الشكل» ومُحي من ادعاءين.');
    expect(fill(ar.inUse, { n: 3 })).toBe('3 ادعاءات');
    expect(fill(ar.typeInUsePlaces, { n: 1, name: 'مدينة' })).toBe(
      '«مدينة» صنف مكان واحد، فلا يُحذف: أعطه صنفًا آخر أولًا.',
    );
    // no Arabic count message is left with the "N من …" wording
    for (const text of Object.values(ar)) if (typeof text === 'string') expect(text).not.toMatch(/\{n\} من ال/);
  });
});
