/**
 * Coders, the coding plan and blind coding for App.tsx and the library (coders.* in
 * src/shared/api/coders.ts): <CodersButton/> opens the dialog from the top bar;
 * useAssignedToMe, <AssignedFilter/> and <AssignedMark/> mark and filter my documents.
 */
export { CodersButton } from './CodersButton';
export { isBlindImportRefusal, useImportError } from './importError';
export { AssignedFilter, AssignedMark, useAssignedToMe } from './assigned';
