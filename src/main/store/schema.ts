/** The on-disk formats of a project folder (DESIGN.md §4), defined once in src/shared/model.ts. */
export { SCHEMA_VERSION, ProjectFile, DocumentFile } from '@shared/model';
