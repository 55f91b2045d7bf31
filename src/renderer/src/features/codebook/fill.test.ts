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
