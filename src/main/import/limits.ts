/** How much an import may bring in. File bytes are checked before anything is decoded or expanded. */
export { MAX_IMPORT_FILE_BYTES } from '@shared/api/documents';

/** A .docx is a zip: these bound what its entries may expand to, read from the central directory. */
export const ZIP_LIMITS = {
  /** sum of the declared uncompressed sizes of all entries */
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** uncompressed : compressed, for any entry that expands to more than `ratioFloor` bytes */
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
  maxEntries: 5000,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

/** Longest title, source and URL kept from a file's metadata (the model allows a little more). */
export const MAX_TITLE_CHARS = 500;
export const MAX_META_CHARS = 1000;
