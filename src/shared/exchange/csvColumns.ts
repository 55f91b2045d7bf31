/**
 * The CSV export's own columns, in order (DESIGN.md §6); the claim columns of the codebook's
 * fields follow them (claimColumns, docs/claims.md). Shared: the export writes them
 * (src/main/exchange/csvRows.ts) and claim-field keys must not take their names (claims/fields.ts).
 */
export const CSV_COLUMNS = [
  'document_id',
  'document_title',
  'document_source',
  'document_date',
  'annotation_id',
  'code',
  'code_path',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'paragraph',
  'annotator',
  'created_at',
  'updated_at',
  // last, so the columns before it keep their places: the coder's name, or `adjudicated`
  'layer',
] as const;

/** The `layer` cell of the adjudicated layer's annotations (a coder's annotations name the coder). */
export const ADJUDICATED_LAYER = 'adjudicated';

/** Which layers export.csv writes: the adjudicated one, the coders' ones, or all (the default). */
export const CSV_LAYERS = ['all', 'coders', 'adjudicated'] as const;
export type CsvLayers = (typeof CSV_LAYERS)[number];
