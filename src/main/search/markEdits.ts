/**
 * What a document's harakat add to the search index's folding. The index folds with harakat
 * dropped (INDEX_RULES); a search that makes them significant needs the same folding with them
 * kept (MARK_RULES). The two differ only where the text holds marks: there the marked folding
 * has the marks (and a white-space run a mark interrupts is not merged). MarkEdits lists those
 * differences as edits of the index's folded text, a few numbers per mark, so the marked folding
 * of every document is at hand in memory (applySqueezed, for the filter) and exactly (applyEdits,
 * text and offset map) without folding the original again: applyEdits(normalize(text,
 * INDEX_RULES), markEditsOf(text, …)) equals normalize(text, MARK_RULES) (markEdits.test.ts).
 */
import { normalize, type NormalizedText } from '@shared/search/normalize';
import { INDEX_RULES } from '@shared/search/indexFold';
import { squeezeUnit } from '@shared/search/squeeze';

/** The index's rules with harakat kept. */
export const MARK_RULES = Object.freeze({ ...INDEX_RULES, ignoreDiacritics: false });

export interface MarkEdits {
  /** per edit three numbers: the index-text unit it applies at (ascending), units deleted there, units inserted */
  ops: Uint32Array;
  /** the inserted units, edit after edit */
  units: string;
  /** the original code-point offset of each inserted unit */
  origins: Uint32Array;
}

export const NO_MARKS: MarkEdits = Object.freeze({ ops: new Uint32Array(0), units: '', origins: new Uint32Array(0) });

/** Characters that fold to a mark the index drops: the marks, and presentation forms (which may decompose to some). */
const MAY_HOLD_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc]/u;

/** The edits from `folded` (normalize(text, INDEX_RULES)) to normalize(text, MARK_RULES). */
export function markEditsOf(text: string, folded: NormalizedText): MarkEdits {
  if (!MAY_HOLD_MARKS.test(text)) return NO_MARKS;
  const marked = normalize(text, MARK_RULES);
  if (marked.text === folded.text) return NO_MARKS;
  const a = folded.text;
  const b = marked.text;
  const ao = folded.origin;
  const bo = marked.origin;
  const ops: number[] = [];
  let units = '';
  const origins: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ao[i] === bo[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
      i++;
      j++;
      continue;
    }
    // one edit at unit i: what the marked folding has there instead, up to the next common unit
    const at = i;
    let deleted = 0;
    let inserted = 0;
    while (i < a.length || j < b.length) {
      const ai = i < a.length ? (ao[i] as number) : Number.POSITIVE_INFINITY;
      const bj = j < b.length ? (bo[j] as number) : Number.POSITIVE_INFINITY;
      if (ai === bj && a.charCodeAt(i) === b.charCodeAt(j)) break;
      if (bj < ai) {
        units += b[j];
        origins.push(bj);
        inserted++;
        j++;
      } else if (ai === bj) {
        units += b[j];
        origins.push(bj);
        inserted++;
        deleted++;
        i++;
        j++;
      } else {
        deleted++;
        i++;
      }
    }
    ops.push(at, deleted, inserted);
  }
  return { ops: Uint32Array.from(ops), units, origins: Uint32Array.from(origins) };
}

/** Bytes the edits hold in memory (roughly). */
export function editBytes(edits: MarkEdits): number {
  return edits === NO_MARKS ? 0 : 64 + 4 * edits.ops.length + 2 * edits.units.length + 4 * edits.origins.length;
}

/** The marked folding, text and offset map, from the index's folding and the edits. */
export function applyEdits(folded: NormalizedText, edits: MarkEdits): NormalizedText {
  if (edits.ops.length === 0) return folded;
  const { ops, units, origins } = edits;
  const length = folded.text.length + units.length - sumDeleted(ops);
  const origin = new Uint32Array(length + 1);
  let text = '';
  let from = 0;
  let out = 0;
  let k = 0;
  for (let e = 0; e < ops.length; e += 3) {
    const at = ops[e] as number;
    text += folded.text.slice(from, at);
    origin.set(folded.origin.subarray(from, at), out);
    out += at - from;
    const n = ops[e + 2] as number;
    text += units.slice(k, k + n);
    origin.set(origins.subarray(k, k + n), out);
    out += n;
    k += n;
    from = at + (ops[e + 1] as number);
  }
  text += folded.text.slice(from);
  origin.set(folded.origin.subarray(from), out);
  return { text, origin, cpLength: folded.cpLength };
}

/**
 * The offset map of the marked folding at unit `i`, from the index's map and the edits, without
 * putting the whole map together (applyEdits(folded, edits).origin[i]).
 */
export function markedOrigin(folded: NormalizedText, edits: MarkEdits, i: number): number {
  const { ops, origins } = edits;
  let shift = 0;
  let k = 0;
  for (let e = 0; e < ops.length; e += 3) {
    const at = (ops[e] as number) + shift;
    if (i < at) break;
    const inserted = ops[e + 2] as number;
    if (i < at + inserted) return origins[k + i - at] as number;
    shift += inserted - (ops[e + 1] as number);
    k += inserted;
  }
  return folded.origin[i - shift] as number;
}

/** The same edits on the filter's one-byte copy of the folded text (filterStore.ts). */
export function applySqueezed(squeezed: string, edits: MarkEdits): string {
  if (edits.ops.length === 0) return squeezed;
  const { ops, units } = edits;
  let text = '';
  let from = 0;
  let k = 0;
  for (let e = 0; e < ops.length; e += 3) {
    const at = ops[e] as number;
    text += squeezed.slice(from, at);
    const n = ops[e + 2] as number;
    for (let u = k; u < k + n; u++) text += String.fromCharCode(squeezeUnit(units.charCodeAt(u)));
    k += n;
    from = at + (ops[e + 1] as number);
  }
  return text + squeezed.slice(from);
}

function sumDeleted(ops: Uint32Array): number {
  let n = 0;
  for (let e = 1; e < ops.length; e += 3) n += ops[e] as number;
  return n;
}
