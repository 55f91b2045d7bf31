/** The search options the user chose, remembered in this browser profile. */
import { useCallback, useState } from 'react';
import type { SearchOptions } from '../../../../shared/api/search';

const KEY = 'hashiya.search.options';

function load(): SearchOptions {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'boolean') out[k] = v;
    return out as SearchOptions;
  } catch {
    return {};
  }
}

export function useSearchOptions(): [SearchOptions, (next: SearchOptions) => void] {
  const [options, setOptions] = useState<SearchOptions>(load);
  const update = useCallback((next: SearchOptions) => {
    setOptions(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // private mode or full storage: the choice lasts for this session only
    }
  }, []);
  return [options, update];
}

/** The rules shown in the interface; `on` says whether a ticked box means the option is true. */
export const OPTION_ROWS = [
  { key: 'ignoreDiacritics', label: 'ignoreDiacritics', on: true },
  { key: 'ignoreTatweel', label: 'ignoreTatweel', on: true },
  { key: 'foldAlef', label: 'foldAlef', on: true },
  { key: 'foldYaa', label: 'foldYaa', on: true },
  { key: 'foldTaaMarbuta', label: 'foldTaaMarbuta', on: true },
  { key: 'foldHamza', label: 'foldHamza', on: true },
  { key: 'foldDigits', label: 'foldDigits', on: true },
  { key: 'ignoreCase', label: 'matchCase', on: false },
  { key: 'wholeWord', label: 'wholeWord', on: true },
] as const;

/** Whether a row's box is ticked: folding rules default to on, whole words and match case to off. */
export function isTicked(options: SearchOptions, row: (typeof OPTION_ROWS)[number]): boolean {
  // every folding rule is on unless switched off; whole words is off unless switched on
  const value = options[row.key] ?? row.key !== 'wholeWord';
  return row.on ? value : !value;
}

export function withTicked(options: SearchOptions, row: (typeof OPTION_ROWS)[number], ticked: boolean): SearchOptions {
  return { ...options, [row.key]: row.on ? ticked : !ticked };
}
