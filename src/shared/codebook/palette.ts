/**
 * Colours offered for new codes: the Okabe–Ito palette (distinguishable with the common forms
 * of colour blindness) first, then darker and lighter companions that still read on light and
 * dark grounds.
 */
import type { Codebook } from '../model';

export const CODE_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
  '#882255',
  '#44AA99',
  '#117733',
  '#AA4499',
  '#DDCC77',
  '#332288',
] as const;

/** The first palette colour no code uses yet (or the least used one once all are taken). */
export function suggestColour(codebook: Codebook): string {
  const used = new Map<string, number>();
  for (const c of codebook.codes) used.set(c.color.toUpperCase(), (used.get(c.color.toUpperCase()) ?? 0) + 1);
  let best: string = CODE_COLOURS[0];
  let bestCount = Infinity;
  for (const colour of CODE_COLOURS) {
    const n = used.get(colour) ?? 0;
    if (n < bestCount) {
      best = colour;
      bestCount = n;
    }
  }
  return best;
}

/** The lowest shortcut key 1–9 no code holds, or null when all nine are taken. */
export function freeKey(codebook: Codebook): string | null {
  const taken = new Set(codebook.codes.map((c) => c.key).filter(Boolean));
  for (let k = 1; k <= 9; k++) if (!taken.has(String(k))) return String(k);
  return null;
}
