/**
 * Disagreements side by side and adjudication (agreement.differences, adjudication.decide and
 * adjudication.undo in src/shared/api/adjudication.ts), opened from the agreement report.
 */
export { AdjudicationView, type AdjudicationTarget } from './AdjudicationView';
