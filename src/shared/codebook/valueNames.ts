/**
 * Arabic names for the stance and certainty values of format 2 (read by the migration to claim
 * fields, whose choice items carry their Arabic names themselves). The value itself (“proposes”) is what
 * annotations store and every export writes; the name is what the Arabic interface shows. The
 * default values have built-in names, used when a project (for instance one made before names
 * could be stored) has none of its own.
 */
import type { CodebookV2 as Codebook } from '../claims/formatV2';

export type ValueList = 'stances' | 'certainties';

/** Arabic names of the default codebook's values (DESIGN.md §7). */
export const DEFAULT_VALUE_NAMES_AR: Readonly<Record<ValueList, ReadonlyMap<string, string>>> = {
  stances: new Map([
    ['proposes', 'يقترح'],
    ['supports', 'يؤيد'],
    ['rejects', 'يرفض'],
    ['conditions', 'يشترط'],
    ['reports', 'ينقل'],
    ['denies', 'ينفي'],
  ]),
  certainties: new Map([
    ['asserted', 'مؤكَّد'],
    ['alleged', 'مزعوم'],
    ['reported', 'منقول'],
  ]),
};

const stored = (codebook: Codebook, list: ValueList): readonly { value: string; nameAr: string }[] =>
  codebook.valueNamesAr?.[list] ?? [];

/** The Arabic name shown for a value: the project's own, else the built-in one, else ''. */
export function valueNameAr(codebook: Codebook, list: ValueList, value: string): string {
  const own = stored(codebook, list).find((n) => n.value === value);
  if (own) return own.nameAr;
  return DEFAULT_VALUE_NAMES_AR[list].get(value) ?? '';
}
