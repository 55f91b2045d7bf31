/**
 * The agreement report's figures of one claim field, from its values numbered once: α with its
 * bootstrap interval (prepared once, the units' value patterns found once for both), Cohen's κ
 * for two coders or Fleiss' κ for more, percent agreement, and the warning flags. Each equals
 * what krippendorffAlpha, bootstrapAlpha, cohenKappa, fleissKappa, percentAgreement and
 * reliabilityFlags give on the same reliability data (rows of values, null for none).
 */
import { alphaOfPatterns, bootstrapPrepared, patterns, type AlphaInterval } from './bootstrap';
import {
  categoriesOf,
  prepareCounted,
  type AlphaResult,
  type Metric,
  type PreparedData,
  type Value,
} from './codingAlpha';
import { cohenKappaCoded, fleissKappaCoded, percentAgreementCoded, type KappaResult } from './kappa';
import { twoCoderPass, twoCoderPassOf, type TwoCoderPass } from './twoCoders';
import { flagsOfCounts, type ReliabilityFlag } from './warnings';

export interface FieldFigures {
  alpha: AlphaResult;
  interval: AlphaInterval;
  cohenKappa: KappaResult | null;
  fleissKappa: KappaResult | null;
  percentAgreement: { agreement: number | null; units: number };
  flags: ReliabilityFlag[];
}

/**
 * @param rows per coder, per unit: the index in `given` of the value the coder gave, or −1
 * @param given the field's distinct values (equal values share one index)
 */
export function fieldFigures(rows: readonly Int32Array[], given: readonly Value[], metric: Metric): FieldFigures {
  // two coders' rows of units through their one pass; rows of no units (a report's fields no
  // matched claim has a value of, most of a codebook's) by the passes below, kept off
  // figuresOfPass: its code, optimised on those, was taken back to the interpreter on the next
  // field with values, on most reports (measured with --trace-deopt)
  const a = rows[0] as Int32Array;
  if (rows.length === 2 && a.length > 0 && a.length === (rows[1] as Int32Array).length)
    return twoCoderFigures(a, rows[1] as Int32Array, given, metric);
  // how often each value was given, in order of first appearance (coder after coder), counted
  // in the pass that prepares the data
  const { prepared, found: order, counts } = prepareCounted(rows, given, metric);
  const found = patterns(prepared);
  const alpha = alphaOfPatterns(prepared, found);
  const flags = flagsOfCounts(
    alpha.units,
    order.map((id) => [given[id] as Value, counts[id] as number] as const),
    alpha.alpha,
  );
  return {
    alpha,
    interval: bootstrapPrepared(prepared, {}, found),
    cohenKappa: rows.length === 2 ? cohenKappaCoded(rows[0] as Int32Array, rows[1] as Int32Array) : null,
    fleissKappa: rows.length > 2 ? fleissKappaCoded(rows) : null,
    percentAgreement: percentAgreementCoded(rows),
    flags,
  };
}

/**
 * fieldFigures of two coders' rows of one length, from one pass over them (twoCoders.ts): the
 * data prepared as prepareCounted prepares it, κ and percent agreement from the pass's tallies
 * as cohenKappaCoded and percentAgreementCoded count them.
 */
function twoCoderFigures(a: Int32Array, b: Int32Array, given: readonly Value[], metric: Metric): FieldFigures {
  return figuresOfPass(twoCoderPass(a, b, given.length), given, metric);
}

/**
 * fieldFigures of two coders' values read from matched sets (twoCoderPassOf: set s's values
 * ids[first[2s]] and ids[first[2s + 1]], s < units), with no rows made; null when no value is
 * given at all (the caller takes the figures of no units, fieldFigures of empty rows).
 */
export function twoCoderFieldFigures(
  first: Int32Array,
  ids: Int32Array,
  units: number,
  given: readonly Value[],
  metric: Metric,
): FieldFigures | null {
  const pass = twoCoderPassOf(first, ids, units, given.length);
  return pass.found.length === 0 ? null : figuresOfPass(pass, given, metric);
}

/** twoCoderFigures from its pass. */
function figuresOfPass(pass: TwoCoderPass, given: readonly Value[], metric: Metric): FieldFigures {
  const { count, agree } = pass;
  // (the categories in an array of the kind that holds any value, whichever the field's are: one
  // shape of prepared data for every field, where the numbers' and the strings' arrays made the
  // code that reads them, optimised on one, taken back to the interpreter on the other)
  const categories: Value[] = [''];
  categories.pop();
  for (const c of categoriesOf(
    pass.found.map((id) => given[id] as Value),
    metric,
  ))
    categories.push(c);
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  const categoryOf = new Int32Array(given.length).fill(-1);
  for (const id of pass.found) categoryOf[id] = index.get(given[id] as Value) as number;
  const values = new Int32Array(2 * count);
  for (let x = 0; x < values.length; x++) values[x] = categoryOf[pass.pairs[x] as number] as number;
  const offsets = new Int32Array(count + 1);
  for (let u = 1; u <= count; u++) offsets[u] = 2 * u;
  const prepared: PreparedData = { metric, categories, values, offsets, count };
  const found = patterns(prepared);
  const alpha = alphaOfPatterns(prepared, found);
  const flags = flagsOfCounts(
    alpha.units,
    pass.found.map((id) => [given[id] as Value, pass.counts[id] as number] as const),
    alpha.alpha,
  );
  let cohenKappa: KappaResult = { kappa: null, units: 0, observedAgreement: 0, expectedAgreement: 0 };
  if (count > 0) {
    const po = agree / count;
    let pe = 0;
    for (const c of pass.order) pe += ((pass.first[c] as number) / count) * ((pass.second[c] as number) / count);
    cohenKappa = {
      kappa: pe === 1 ? null : (po - pe) / (1 - pe),
      units: count,
      observedAgreement: po,
      expectedAgreement: pe,
    };
  }
  return {
    alpha,
    interval: bootstrapPrepared(prepared, {}, found),
    cohenKappa,
    fleissKappa: null,
    percentAgreement: { agreement: count === 0 ? null : agree / count, units: count },
    flags,
  };
}
