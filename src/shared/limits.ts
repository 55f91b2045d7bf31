/** Limits the page and the services agree on (no schema library here: the page loads this eagerly). */

/** The largest file Hashiya imports, in bytes. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
