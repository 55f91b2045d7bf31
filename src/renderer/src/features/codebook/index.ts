/**
 * The codebook feature for App.tsx and the reader:
 *  - <CodebookButton/>: top-bar button opening the codebook window (codes, claimants, stance and
 *    certainty lists, summary);
 *  - <CodeDefinition code/> and <CodeDefinitionTip code>label</CodeDefinitionTip>: a code's
 *    definition, for the tagging palette and code lists;
 *  - <CodeSummary documentId?/>: annotations per code and per claimant;
 * Merges, deletes and renames change annotations of any document: they are announced as
 * `annotations.changed` (documentIds null) through app/appEvents.ts.
 */
export { CodebookButton } from './CodebookButton';
export { CodeDefinition, CodeDefinitionTip } from './CodeDefinition';
export { CodeSummary } from './SummaryView';
