/** The search options the user chose, remembered in this browser profile. */
import { useCallback, useState } from 'react';
import { MATCH_MODES, matchModeOf, type MatchMode, type SearchOptions } from '@shared/api/search';
import { DEFAULT_NORMALIZE_OPTIONS } from '@shared/search/normalize';

const KEY = 'hashiya.search.options';

function load(): SearchOptions {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const out = new Map<string, boolean | MatchMode>();
    for (const [k, v] of Object.entries(parsed)) {
      if (k === 'match') {
        if ((MATCH_MODES as readonly unknown[]).includes(v)) out.set(k, v as MatchMode);
      } else if (typeof v === 'boolean' && (k === 'wholeWord' || Object.hasOwn(DEFAULT_NORMALIZE_OPTIONS, k)))
        out.set(k, v);
    }
    return Object.fromEntries(out) as SearchOptions;
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

/** The folding rules shown in the interface; `on` says whether a ticked box means the option is true. */
export const OPTION_ROWS = [
  { key: 'ignoreDiacritics', label: 'ignoreDiacritics', on: true },
  { key: 'ignoreTatweel', label: 'ignoreTatweel', on: true },
  { key: 'foldAlef', label: 'foldAlef', on: true },
  { key: 'foldYaa', label: 'foldYaa', on: true },
  { key: 'foldTaaMarbuta', label: 'foldTaaMarbuta', on: true },
  { key: 'foldHamza', label: 'foldHamza', on: true },
  { key: 'foldHamzaSeat', label: 'foldHamzaSeat', on: true },
  { key: 'foldPersian', label: 'foldPersian', on: true },
  { key: 'foldDigits', label: 'foldDigits', on: true },
  { key: 'ignoreCase', label: 'matchCase', on: false },
] as const;

type Row = (typeof OPTION_ROWS)[number];

/** Whether a row's box is ticked: each rule's value, or the normaliser's default where none was chosen. */
export function isTicked(options: SearchOptions, row: Row): boolean {
  const value = options[row.key] ?? DEFAULT_NORMALIZE_OPTIONS[row.key];
  return row.on ? value : !value;
}

export function withTicked(options: SearchOptions, row: Row, ticked: boolean): SearchOptions {
  return { ...options, [row.key]: row.on ? ticked : !ticked };
}

/** Where a hit may start and end, as the interface lists them (the first is the default). */
export const MATCH_ROWS = [
  { mode: 'words', label: 'matchWords' },
  { mode: 'wholeWords', label: 'matchWholeWords' },
  { mode: 'substring', label: 'matchSubstring' },
] as const satisfies ReadonlyArray<{ mode: MatchMode; label: string }>;

export const matchMode = matchModeOf;

/** The options with another match mode (the older `wholeWord` flag dropped in its favour). */
export function withMatch(options: SearchOptions, mode: MatchMode): SearchOptions {
  const { wholeWord: _old, ...rest } = options;
  return { ...rest, match: mode };
}
