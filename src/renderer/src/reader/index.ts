/** What features may use of the reader (the layers rule lets them import this barrel only). */
export { NameDialog } from './NameDialog';
export { useReader, useSessionSnapshot, type ReaderDoor } from './ReaderContext';
export { rangeForSpan, type TextModel } from './textModel';
