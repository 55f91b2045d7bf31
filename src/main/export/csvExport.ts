/** export.csv: the project's (or a selection's) annotations as one CSV file, document by document. */
import { CSV_BOM, CsvBuilder } from '../../shared/csv';
import type { ServiceContext } from '../services/context';
import { codeLabels } from './codeLabels';
import { CSV_HEADER, writeDocumentRows, type RowPer } from './csvRows';
import { forEachDocument, selectDocuments } from './documentSource';
import { exportFileName } from './fileNames';

export async function exportCsv(
  ctx: ServiceContext,
  input: { documentIds?: string[] | undefined; rowPer?: RowPer | undefined },
): Promise<{ fileName: string; csv: string; rows: number }> {
  const documents = selectDocuments(ctx.store, input.documentIds);
  const label = codeLabels(ctx.store.data.codebook);
  const out = new CsvBuilder().raw(CSV_BOM + CSV_HEADER);
  let rows = 0;
  await forEachDocument(ctx.store, documents, (file) => {
    rows += writeDocumentRows(out, file.document, file.annotations, label, input.rowPer ?? 'code');
  });
  return { fileName: exportFileName(ctx.store.data.name, ctx.now(), 'csv'), csv: out.toString(), rows };
}
