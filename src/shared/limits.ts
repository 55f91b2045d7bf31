/** Limits the page and the services agree on (no schema library here: the page loads this eagerly). */

/** The largest file Hashiya imports, in bytes. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Limits of what a project file can hold. The API's inputs are built from these (src/shared/api),
 * so anything a call accepts can be saved and read back; a file over them fails its schema at the
 * next start and is quarantined (and the store refuses to write it).
 */
export const MAX_CODES = 2000;
/** stances, and certainties, per list */
export const MAX_VALUES = 100;
/** characters of one stance or certainty value */
export const MAX_VALUE_LENGTH = 100;
export const MAX_CLAIMANT_LENGTH = 500;
export const MAX_NOTE_LENGTH = 20000;
export const MAX_CODES_PER_ANNOTATION = 100;
