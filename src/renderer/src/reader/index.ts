/**
 * The reader's door for the features that work inside it (find bar, tag-all, project menu):
 * `useReader()` (the open document, its text model and annotations, the reader's create/undo
 * path), the text model's span→Range mapping, and the coder-name dialog. Features import the
 * reader only from here (lint: the layer table in eslint.config.js).
 */
export { useReader, type ReaderApi } from './ReaderContext';
export { rangeForSpan, type TextModel } from './textModel';
export { NameDialog } from './NameDialog';
