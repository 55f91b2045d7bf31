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
] as const;
