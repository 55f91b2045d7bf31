/**
 * The codebook feature for App.tsx and the reader:
 *  - <CodebookButton/>: top-bar button opening the codebook window (codes, claimants, stance and
 *    certainty lists, summary);
 *  - <CodeDefinition code/> and <CodeDefinitionTip code>label</CodeDefinitionTip>: a code's
 *    definition, for the tagging palette and code lists;
 *  - <CodeSummary documentId?/>: annotations per code and per claimant;
 *  - onAnnotationsChanged(listener): merge, delete and renames change annotations of any
 *    document; a view holding annotations reloads them on this event.
 */
export { CodebookButton } from './CodebookButton';
export { CodeDefinition, CodeDefinitionTip } from './CodeDefinition';
export { CodeSummary } from './SummaryView';
export { ANNOTATIONS_CHANGED_EVENT, onAnnotationsChanged } from './events';
