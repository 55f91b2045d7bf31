/**
 * The CSV export's columns and rows (DESIGN.md §6): one row per (annotation, code), or per
 * annotation with codes joined by " | " in codebook order. Pure: the service feeds it one document at a time.
 * Rows are written into a CsvBuilder (one copy of each cell), which keeps the export within a
 * small factor of JSON.stringify of the same annotations (test/export/csvSpeed.test.ts).
 */
import { CSV_EOL, csvRow, type CsvBuilder } from '@shared/csv';
import type { Annotation, Document } from '@shared/model';
import { claimColumns, writeClaimCells, type EntityLookup } from '@shared/claims/claimCsv';
import type { ClaimField } from '@shared/claims/fields';
import type { CodeLabel } from './codeLabels';
import { paragraphLocator } from './paragraphs';
import { isAdjudicated } from '@shared/coders/key';
import { ADJUDICATED_LAYER } from '@shared/exchange/csvColumns';

export { CSV_COLUMNS } from '@shared/exchange/csvColumns';
import { CSV_COLUMNS } from '@shared/exchange/csvColumns';

export type RowPer = 'code' | 'annotation';

/** Codes of one annotation joined in a single cell (rowPer 'annotation'). */
export const CODE_JOINER = ' | ';

/** The header: the export's own columns, then each claim field's (docs/claims.md "CSV columns"). */
export function csvHeader(fields: readonly ClaimField[]): string {
  return csvRow([...CSV_COLUMNS, ...claimColumns(fields)]);
}

/** What a row's claim cells need: the codebook's fields, and the registry for actor names. */
export interface ClaimCellsContext {
  fields: readonly ClaimField[];
  lookup: EntityLookup;
  /** the `layer` cell: the coder's name (the project's coder list names coder ids), or `adjudicated` */
  coderNames?: ReadonlyMap<string, string>;
}

/** The layer an annotation is on, as the CSV's `layer` column names it. */
export function layerName(a: Annotation, coderNames?: ReadonlyMap<string, string>): string {
  if (isAdjudicated(a)) return ADJUDICATED_LAYER;
  return (a.coderId !== undefined ? coderNames?.get(a.coderId) : undefined) ?? a.annotator;
}

/** An ISO 8601 time in UTC (stored times may carry an offset). */
export function utcIso(time: string): string {
  if (time.endsWith('Z')) return time;
  const d = new Date(time);
  return Number.isNaN(d.getTime()) ? time : d.toISOString();
}

type DocumentMeta = Pick<Document, 'id' | 'title' | 'source' | 'url' | 'publishedAt' | 'text'>;

/** Write the rows of one document's annotations; returns the number of rows. */
export function writeDocumentRows(
  out: CsvBuilder,
  document: DocumentMeta,
  annotations: readonly Annotation[],
  label: (codeId: string) => CodeLabel,
  claims: ClaimCellsContext,
  rowPer: RowPer = 'code',
): number {
  if (annotations.length === 0) return 0;
  const paragraphOf = paragraphLocator(document.text);
  // the document's four cells are the same on every row: encode them once
  const doc =
    csvRow([document.id, document.title, document.source || document.url, document.publishedAt ?? '']).slice(
      0,
      -CSV_EOL.length,
    ) + ',';
  let rows = 0;
  const writeRow = (out: CsvBuilder, doc: string, a: Annotation, code: string, path: string, paragraph: number) =>
    writeCells(out, doc, a, code, path, paragraph, claims);
  for (const a of annotations) {
    const paragraph = paragraphOf(a.start);
    if (a.codes.length === 0) {
      writeRow(out, doc, a, '', '', paragraph);
      rows++;
    } else if (a.codes.length === 1) {
      const l = label(a.codes[0] as string);
      writeRow(out, doc, a, l.name, l.path, paragraph);
      rows++;
    } else if (rowPer === 'annotation') {
      // in codebook order, whatever order they were tagged in (a stable sort keeps unknown ids as tagged)
      const labels = a.codes.map(label).sort((x, y) => x.order - y.order);
      writeRow(
        out,
        doc,
        a,
        labels.map((l) => l.name).join(CODE_JOINER),
        labels.map((l) => l.path).join(CODE_JOINER),
        paragraph,
      );
      rows++;
    } else {
      // one row per code: what follows the code's cells is the same on each, encoded once
      let rest = -1;
      let restEnd = -1;
      for (const code of a.codes) {
        const l = label(code);
        writeHead(out, doc, a, l.name, l.path);
        if (rest === -1) {
          rest = out.length;
          writeRest(out, a, paragraph, claims);
          restEnd = out.length;
        } else out.again(rest, restEnd);
        rows++;
      }
    }
  }
  return rows;
}

function writeCells(
  out: CsvBuilder,
  doc: string,
  a: Annotation,
  code: string,
  path: string,
  paragraph: number,
  claims: ClaimCellsContext,
): void {
  writeHead(out, doc, a, code, path);
  writeRest(out, a, paragraph, claims);
}

/** A row's cells up to its code's: `doc` is the encoded document cells with their trailing comma. */
function writeHead(out: CsvBuilder, doc: string, a: Annotation, code: string, path: string): void {
  out.raw(doc).text(a.id).text(code).text(path);
}

/** The rest of an annotation's row, after its code's cells, to the row's end. */
function writeRest(out: CsvBuilder, a: Annotation, paragraph: number, claims: ClaimCellsContext): void {
  out.text(a.quote).text(a.prefix).text(a.suffix).number(a.start).number(a.end).number(paragraph);
  out.text(a.annotator).text(utcIso(a.createdAt)).text(utcIso(a.updatedAt));
  out.text(layerName(a, claims.coderNames));
  writeClaimCells(out, claims.fields, a.values, claims.lookup);
  out.endRow();
}
