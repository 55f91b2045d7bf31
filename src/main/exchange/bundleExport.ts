/**
 * export.bundle: one .zip for a researcher: the CSV, each document's canonical text
 * (texts/<document_id>.txt, UTF-8 without BOM, the text start/end count into), the W3C JSON-LD,
 * actors.csv (the registry), fields.json (the claim fields that name the CSV's claim columns)
 * and a short README. Documents are read one at a time for each part.
 */
import type { ClaimField } from '@shared/claims/fields';
import { registryToCsv } from '@shared/claims/registryCsv';
import type { RowPer } from './csvRows';
import type { ExchangeContext } from './context';
import { exportAnnotations } from './annotationExport';
import { exportCsv } from './csvExport';
import { forEachDocument, selectDocuments } from './documentSource';
import { exportFileName, textFileName } from './fileNames';
import { zip, type ZipEntry } from './zip';

export const FIELDS_FILE = 'fields.json';
export const FIELDS_FORMAT = 'hashiya-fields';

/** fields.json: the claim fields in a versioned envelope (docs/export.md), UTF-8 without BOM. */
export function fieldsJson(fields: readonly ClaimField[]): string {
  return `${JSON.stringify({ format: FIELDS_FORMAT, version: 1, fields }, null, 2)}\n`;
}

export const BUNDLE_README = `Exported by Hashiya.

- The .csv file: one row per (annotation, code), or per annotation (codes in codebook order).
  UTF-8 with BOM, CRLF.
  Text cells that begin with a tab or a line break, or with = + - @ or a look-alike sign
  (such as ＝ ﹦ − ＋ ＠), even after spaces or invisible characters, or with ', carry one extra
  leading ' so spreadsheets do not run them as formulas. Remove ONE leading ' from text cells to get the
  data back: R  sub("^'", "", x)   pandas  df[col].str.replace(r"^'", "", regex=True)
  After the fixed columns come the claim fields' columns (see docs/claims.md): an actor as its
  name, <key>_id, <key>_type and <key>_affiliation; a choice as its name and <key>_value; several
  choices joined with " | ":  R  strsplit(x, " | ", fixed = TRUE)   pandas  df[key].str.split(" | ", regex=False)
- actors.csv: the project's actors and places (UTF-8 with BOM): the ids the <key>_id columns hold.
- fields.json: the codebook's claim fields in order (key = CSV column, labels in English and
  Arabic, type, required, the codes a field is limited to, and each choice's id, names and number).
- texts/<document_id>.txt: each document's text, UTF-8 without BOM. start and end in the CSV
  count Unicode code points into it:  text[start:end] == quote  (Python).
- The .jsonld file: the same annotations as W3C Web Annotation JSON-LD, for import into Hashiya.
`;

export async function exportBundle(
  ctx: ExchangeContext,
  input: { documentIds?: string[] | undefined; rowPer?: RowPer | undefined },
): Promise<{ fileName: string; data: string; files: number; rows: number }> {
  const csv = await exportCsv(ctx, input);
  const w3c = await exportAnnotations(ctx, input);
  const entries: ZipEntry[] = [
    { name: csv.fileName, data: Buffer.from(csv.csv, 'utf8') },
    { name: w3c.fileName, data: Buffer.from(w3c.json, 'utf8') },
    { name: 'actors.csv', data: Buffer.from(registryToCsv(ctx.store.data.registry), 'utf8') },
    { name: FIELDS_FILE, data: Buffer.from(fieldsJson(ctx.store.data.codebook.fields), 'utf8') },
    { name: 'README.txt', data: Buffer.from(BUNDLE_README, 'utf8') },
  ];
  await forEachDocument(ctx.store, selectDocuments(ctx.store, input.documentIds), ({ document }) => {
    entries.push({ name: `texts/${textFileName(document.id)}`, data: Buffer.from(document.text, 'utf8') });
  });
  const now = ctx.now();
  return {
    fileName: exportFileName(ctx.store.data.name, now, 'zip'),
    data: zip(entries, new Date(now)).toString('base64'),
    files: entries.length,
    rows: csv.rows,
  };
}
