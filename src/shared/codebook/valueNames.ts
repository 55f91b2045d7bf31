/**
 * Arabic names for the stance and certainty values. The value itself (“proposes”) is what
 * annotations store and every export writes; the name is what the Arabic interface shows. The
 * default values have built-in names, used when a project (for instance one made before names
 * could be stored) has none of its own.
 */
import { AppError } from '../errors';
import type { Codebook, ValueName } from '../model';
import { nameKey } from './validate';

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

const stored = (codebook: Codebook, list: ValueList): readonly ValueName[] => codebook.valueNamesAr?.[list] ?? [];

/** The Arabic name shown for a value: the project's own, else the built-in one, else ''. */
export function valueNameAr(codebook: Codebook, list: ValueList, value: string): string {
  const own = stored(codebook, list).find((n) => n.value === value);
  if (own) return own.nameAr;
  return DEFAULT_VALUE_NAMES_AR[list].get(value) ?? '';
}

function withNames(codebook: Codebook, list: ValueList, names: ValueName[]): Codebook {
  const other: ValueList = list === 'stances' ? 'certainties' : 'stances';
  const valueNamesAr = { [list]: names, [other]: [...stored(codebook, other)] } as Record<ValueList, ValueName[]>;
  return { ...codebook, valueNamesAr };
}

/** Give a listed value an Arabic name (an empty name stores '' and so hides a built-in one). */
export function setValueName(codebook: Codebook, list: ValueList, value: string, nameAr: string): Codebook {
  if (!codebook[list].includes(value)) throw new AppError('not_found', `“${value}” is not in the list.`);
  const rest = stored(codebook, list).filter((n) => n.value !== value);
  return withNames(codebook, list, [...rest, { value, nameAr: nameAr.trim() }]);
}

/** Drop the names of values no longer listed (after a value is removed). */
export function pruneValueNames(codebook: Codebook): Codebook {
  if (!codebook.valueNamesAr) return codebook;
  let out = codebook;
  for (const list of ['stances', 'certainties'] as const) {
    const listed = new Set(codebook[list]);
    out = withNames(
      out,
      list,
      stored(codebook, list).filter((n) => listed.has(n.value)),
    );
  }
  return out;
}

/** After `from` was renamed to `to` (or merged into it): the name follows, unless `to` has its own. */
export function renameValueName(
  before: Codebook,
  after: Codebook,
  list: ValueList,
  from: string,
  to: string,
): Codebook {
  const names = stored(before, list);
  const moved = names.find((n) => n.value === from);
  const target = after[list].find((v) => nameKey(v) === nameKey(to));
  const kept = names.filter((n) => n.value !== from && after[list].includes(n.value));
  if (moved && target && !kept.some((n) => n.value === target)) kept.push({ value: target, nameAr: moved.nameAr });
  return before.valueNamesAr || moved ? withNames(after, list, kept) : after;
}

/** An imported codebook's names fill in those this project does not have, for values it lists. */
export function mergeValueNames(
  current: Codebook,
  incoming: Pick<Codebook, 'valueNamesAr'>,
  merged: Codebook,
): Codebook {
  if (!current.valueNamesAr && !incoming.valueNamesAr) return merged;
  let out = merged;
  for (const list of ['stances', 'certainties'] as const) {
    const names = [...stored(current, list)].filter((n) => merged[list].includes(n.value));
    for (const n of incoming.valueNamesAr?.[list] ?? []) {
      const value = merged[list].find((v) => nameKey(v) === nameKey(n.value));
      if (value && !names.some((x) => x.value === value)) names.push({ value, nameAr: n.nameAr });
    }
    out = withNames(out, list, names);
  }
  return out;
}
