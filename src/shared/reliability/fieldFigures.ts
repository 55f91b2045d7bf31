/**
 * The agreement report's figures of one claim field, from its values numbered once: α with its
 * bootstrap interval (prepared once, the units' value patterns found once for both), Cohen's κ
 * for two coders or Fleiss' κ for more, percent agreement, and the warning flags. Each equals
 * what krippendorffAlpha, bootstrapAlpha, cohenKappa, fleissKappa, percentAgreement and
 * reliabilityFlags give on the same reliability data (rows of values, null for none).
 */
import { alphaOfPatterns, bootstrapPrepared, patterns, type AlphaInterval } from './bootstrap';
import { prepareCounted, type AlphaResult, type Metric, type Value } from './codingAlpha';
import { cohenKappaCoded, fleissKappaCoded, percentAgreementCoded, type KappaResult } from './kappa';
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
