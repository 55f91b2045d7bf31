/**
 * Right-to-left text from a PDF's text layer, put back in logical order. A PDF draws glyphs, so
 * its text is often stored in visual order (left to right as printed) and in Arabic presentation
 * forms (the initial, medial, final and isolated shapes, U+FB50–U+FDFF and U+FE70–U+FEFF).
 * pdf.js already reverses a chunk it takes for right-to-left; what it cannot know is whether the
 * chunk was stored in visual order to begin with. The shapes tell: in logical order a letter that
 * joins the next one is followed by one that joins the previous one, and in visual order the
 * other way round. Presentation forms are folded to plain letters with NFKC, those characters only.
 */

/** The shapes of U+FE80–U+FEFC, in Unicode's order: letters with 4 forms (isolated, final, initial, medial) or 2 (isolated, final). */
const GROUPS = [
  1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4, 2, 2, 2,
  2,
];
type Form = 'isolated' | 'final' | 'initial' | 'medial';
const FORMS = new Map<number, Form>();
{
  const order: Form[] = ['isolated', 'final', 'initial', 'medial'];
  let cp = 0xfe80;
  for (const size of GROUPS) {
    for (let i = 0; i < size; i++) FORMS.set(cp + i, order[i]!);
    cp += size;
  }
}

const joinsNext = (f: Form) => f === 'initial' || f === 'medial';
const joinsPrevious = (f: Form) => f === 'final' || f === 'medial';

/**
 * Positive when the shapes read as logical order, negative when they read as visual order,
 * zero when they say nothing (plain letters, or no pair that only one order allows).
 */
export function shapeOrderScore(text: string): number {
  let score = 0;
  let previous: Form | undefined;
  for (const ch of text) {
    // vowel marks sit on a letter without breaking its join
    if (/[\u064B-\u065F\u0670\uFE70-\uFE7F]/u.test(ch)) continue;
    const form = FORMS.get(ch.codePointAt(0) ?? 0);
    if (form && previous) {
      const logical = joinsNext(previous) === joinsPrevious(form);
      const visual = joinsPrevious(previous) === joinsNext(form);
      if (logical && !visual) score++;
      else if (visual && !logical) score--;
    }
    previous = form;
  }
  return score;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_LETTERS =
  /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/gu;

/** A line is right-to-left when Arabic letters are at least as many as Latin ones. */
export function isRightToLeft(text: string): boolean {
  const arabic = text.match(ARABIC_LETTERS)?.length ?? 0;
  return arabic > 0 && arabic >= (text.match(LATIN_LETTERS)?.length ?? 0);
}

/** Left-to-right runs inside right-to-left text: numbers and Latin words, with the separators between them. */
const LTR_RUN = /[A-Za-z\u00C0-\u024F\p{Nd}]+(?:[ .,:/-][A-Za-z\u00C0-\u024F\p{Nd}]+)*/gu;

const MIRROR = new Map([...'()[]{}<>«»'].map((c, i, all) => [c, all[i ^ 1]!]));

/**
 * Visual order ↔ logical order for right-to-left text (the mapping is its own inverse): the
 * characters are reversed, brackets mirrored, except numbers and Latin runs, which keep their own order.
 */
export function reverseRightToLeft(text: string): string {
  const pieces: string[] = [];
  let last = 0;
  for (const m of text.matchAll(LTR_RUN)) {
    pieces.push(...text.slice(last, m.index), `\u0000${m[0]}`);
    last = m.index + m[0].length;
  }
  pieces.push(...text.slice(last));
  return pieces
    .reverse()
    .map((p) => (p.startsWith('\u0000') ? p.slice(1) : (MIRROR.get(p) ?? p)))
    .join('');
}

/** Reverse each right-to-left stretch (Arabic words and the spaces between them) of left-to-right text. */
function reverseArabicStretches(text: string): string {
  return text.replace(
    /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:\s+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/gu,
    (s) => [...s].reverse().join(''),
  );
}

/**
 * Only the presentation forms, folded to the letters they show (a lam-alef ligature becomes lam
 * then alef); Latin ligatures of the same block (ﬁ) become their letters too.
 */
export function foldPresentationForms(text: string): string {
  return text.replace(/[\uFB00-\uFDFF\uFE70-\uFEFF]+/gu, (s) => s.normalize('NFKC'));
}

/**
 * One text item as pdf.js gives it → logical order, presentation forms folded. `reversed`: pdf.js
 * took the item for right-to-left and reversed it; `rtlLine`: the item stands in a right-to-left
 * line. The order the file stored the item in is taken back from pdf.js; the shapes say whether
 * that was logical order, and otherwise it is read as visual order, as pdf.js and PDF readers do.
 */
export function logicalItemText(str: string, reversed: boolean, rtlLine: boolean): string {
  const stored = reversed ? reverseRightToLeft(str) : str;
  let text: string;
  if (ARABIC.test(stored) && shapeOrderScore(stored) > 0) text = stored;
  else if (reversed && rtlLine) text = str;
  else text = rtlLine ? reverseRightToLeft(stored) : reverseArabicStretches(stored);
  return foldPresentationForms(text);
}
