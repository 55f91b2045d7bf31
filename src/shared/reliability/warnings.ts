/**
 * When a reliability figure should not be trusted, said as data (the report view puts it in the
 * interface language) and as an English sentence (for the API's `warnings`):
 *  - no units at all: there is nothing to measure;
 *  - fewer than FEW_UNITS pairable units: the figure swings with one more or one less;
 *  - one value holds DOMINANT_SHARE or more of the values given: chance agreement is then so high
 *    that a coefficient is unstable (Krippendorff 2004, §11.4.4);
 *  - undefined: no variation (one category only), so alpha is 0 / 0.
 */
import type { Value } from './codingAlpha';

/** below this many pairable units a figure is flagged as unreliable */
export const FEW_UNITS = 10;
/** at or above this share of the values in one category a figure is flagged as unstable */
export const DOMINANT_SHARE = 0.9;

export type ReliabilityFlag =
  | { kind: 'noUnits' }
  | { kind: 'fewUnits'; units: number; least: number }
  | { kind: 'dominant'; value: string; share: number }
  | { kind: 'undefined' };

/** The flags of one figure: its pairable units, the values given, and the figure itself. */
export function reliabilityFlags(units: number, values: readonly Value[], figure: number | null): ReliabilityFlag[] {
  const counts = new Map<Value, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return flagsOfCounts(units, counts, figure);
}

/** reliabilityFlags from how often each value was given (in order of first appearance: a tie goes to the first). */
export function flagsOfCounts(
  units: number,
  counts: Iterable<readonly [Value, number]>,
  figure: number | null,
): ReliabilityFlag[] {
  if (units === 0) return [{ kind: 'noUnits' }];
  const flags: ReliabilityFlag[] = [];
  if (units < FEW_UNITS) flags.push({ kind: 'fewUnits', units, least: FEW_UNITS });
  let top: Value = '';
  let most = 0;
  let total = 0;
  for (const [v, n] of counts) {
    total += n;
    if (n > most) [top, most] = [v, n];
  }
  if (total > 0 && most / total >= DOMINANT_SHARE)
    flags.push({ kind: 'dominant', value: String(top), share: most / total });
  if (figure === null) flags.push({ kind: 'undefined' });
  return flags;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** One flag as an English sentence about `what` (“α of stance”). */
export function flagSentence(flag: ReliabilityFlag, what: string): string {
  switch (flag.kind) {
    case 'noUnits':
      return `${what}: no unit has values from two coders, so there is nothing to measure.`;
    case 'fewUnits':
      return `${what} rests on ${flag.units} unit${flag.units === 1 ? '' : 's'}; a figure on fewer than ${flag.least} is not reliable.`;
    case 'dominant':
      return `One value of ${what}, “${flag.value}”, holds ${percent(flag.share)} of the values; agreement coefficients are unstable when one category dominates.`;
    case 'undefined':
      return `${what} is undefined: the coders gave one value only, so there is no variation to agree on.`;
  }
}
