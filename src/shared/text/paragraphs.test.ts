import { describe, expect, it } from 'vitest';
import { canonicalizeText } from './canonical';
import { isHardWrapped, splitParagraphs } from './paragraphs';

/** Greedy wrapping at `width` characters, as a newspaper system or pdftotext does it. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const TITLE = 'هدنة إنسانية في طرابلس';
const P = [
  'أعلنت بعثة الأمم المتحدة للدعم في ليبيا يوم الأربعاء أن الأطراف وافقت على هدنة إنسانية في طرابلس تبدأ مع حلول عيد الفطر وتستمر أسبوعا كاملا.',
  'وقال المبعوث الأممي غسان سلامة إن الهدنة يجب أن تفتح الطريق أمام العودة إلى طاولة الحوار، داعيا الدول المعنية إلى احترام حظر السلاح المفروض منذ عام 2011.',
  'وأضاف أن المدنيين يدفعون ثمن القتال الدائر منذ الرابع من أبريل، وأن آلاف العائلات نزحت من الأحياء الجنوبية للعاصمة إلى مدن الساحل الغربي.',
  'وفي باريس، قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده تدعم جهود الأمم المتحدة.',
];
const HEADING = 'مواقف الأطراف';

describe('paragraphs of a plain text, decided from the shape of its lines', () => {
  it('joins a hard-wrapped file with one blank line (after its title) into its paragraphs', () => {
    const raw = [TITLE, '', ...P.flatMap((p) => wrap(p, 60))].join('\n');
    expect(isHardWrapped(raw.split('\n'))).toBe(true);
    expect(canonicalizeText(raw).text.split('\n')).toEqual([TITLE, ...P]);
  });

  it('keeps one paragraph per line in a file of long lines with one blank line', () => {
    const raw = [TITLE, '', ...P, 'وتابع: «لا حل عسكريا للأزمة».', P[0]?.slice(0, 80) + '.'].join('\r\n');
    expect(isHardWrapped(raw.split(/\r\n/))).toBe(false);
    expect(canonicalizeText(raw).text.split('\n')).toEqual([
      TITLE,
      ...P,
      'وتابع: «لا حل عسكريا للأزمة».',
      P[0]?.slice(0, 80) + '.',
    ]);
  });

  it('keeps sub-headings as paragraphs of their own in a hard-wrapped file', () => {
    const raw = [
      TITLE,
      '',
      ...wrap(P[0] ?? '', 60),
      ...wrap(P[1] ?? '', 60),
      HEADING,
      ...wrap(P[2] ?? '', 60),
      'ردود الفعل الدولية',
      ...wrap(P[3] ?? '', 60),
    ].join('\n');
    expect(canonicalizeText(raw).text.split('\n')).toEqual([
      TITLE,
      P[0],
      P[1],
      HEADING,
      P[2],
      'ردود الفعل الدولية',
      P[3],
    ]);
  });

  it('keeps a heading apart even right after a sentence that filled its line', () => {
    // at 52 characters the last line of P[1] is full (51), so only the heading rule ends it there
    const before = wrap(P[1] ?? '', 52);
    expect(before.at(-1)?.length).toBe(51);
    expect(splitParagraphs([...before, HEADING, ...wrap(P[0] ?? '', 52)])).toEqual([P[1], HEADING, P[0]]);
  });

  it('keeps sub-headings in a one-paragraph-per-line file', () => {
    const raw = [TITLE, '', P[0], HEADING, P[1], P[2], 'ردود الفعل الدولية', P[3]].join('\n');
    expect(canonicalizeText(raw).text.split('\n')).toEqual([
      TITLE,
      P[0],
      HEADING,
      P[1],
      P[2],
      'ردود الفعل الدولية',
      P[3],
    ]);
  });

  it('splits a wrapped file at blank lines only when it uses them between every paragraph', () => {
    const raw = P.map((p) => wrap(p, 60).join('\n')).join('\n\n');
    expect(canonicalizeText(raw).text.split('\n')).toEqual(P);
  });

  it('reads short lines (a list, a poem, an address) as one paragraph per line', () => {
    expect(splitParagraphs(['طرابلس', 'بنغازي', '', 'مصراتة', 'سبها'])).toEqual(['طرابلس', 'بنغازي', 'مصراتة', 'سبها']);
  });
});
