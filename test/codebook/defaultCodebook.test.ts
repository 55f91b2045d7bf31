/**
 * The codebook a new project starts with: DESIGN.md §7's codes, labels, parents and keys, a
 * definition for every code, and examples quoted verbatim from the sample article (so a
 * researcher can find each one in the text).
 */
import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '@shared/defaultCodebook';
import { validateCodebook } from '@shared/codebook/validate';
import { codePath } from '@shared/codebook/tree';
import { sampleText } from './helpers';

describe('the default codebook', () => {
  const cb = defaultCodebook();

  it('has the codes, Arabic labels, parents and keys of DESIGN.md §7, and is valid', () => {
    validateCodebook(cb);
    const rows = cb.codes.filter((c) => c.key).map((c) => [codePath(cb, c.id), c.nameAr, c.key]);
    expect(rows).toEqual([
      ['Ceasefire > Ceasefire proposal', 'اقتراح وقف إطلاق النار', '1'],
      ['Ceasefire > Ceasefire condition', 'شرط لوقف إطلاق النار', '2'],
      ['Arms embargo > Arms-embargo violation', 'خرق حظر السلاح', '3'],
      ['Arms embargo > Foreign military support', 'دعم عسكري أجنبي', '4'],
      ['Arms embargo > Call to enforce the embargo', 'دعوة لتطبيق الحظر', '5'],
      ['Humanitarian > Casualties and displacement', 'الضحايا والنزوح', '6'],
      ['Politics > Political process', 'العملية السياسية', '7'],
    ]);
  });

  it('gives every code its own colour', () => {
    const colours = cb.codes.map((c) => c.color.toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('defines every code in a paragraph (more than one sentence, one paragraph)', () => {
    for (const c of cb.codes) {
      expect(c.description.length, c.name).toBeGreaterThan(150);
      expect(c.description.split(/(?<=[.;:])\s/).length, c.name).toBeGreaterThan(1);
      expect(c.description, c.name).not.toContain('\n');
      expect(c.nameAr.trim(), c.name).not.toBe('');
    }
  });

  it('quotes every example verbatim from the canonical sample article', async () => {
    const text = await sampleText();
    expect(text.length).toBeGreaterThan(1000);
    for (const c of cb.codes) {
      expect(c.example.length, c.name).toBeGreaterThan(15);
      expect(text.includes(c.example), `${c.name}: “${c.example}” is not in the sample text`).toBe(true);
    }
  });
});
