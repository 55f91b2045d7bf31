/** export.csv: the project's (or a selection's) annotations as one CSV file, document by document. */
import { CSV_BOM, CsvBuilder } from '@shared/csv';
import type { ExchangeContext } from './context';
import { codeLabels } from './codeLabels';
import { registryLookup } from '@shared/claims/claimCsv';
import { csvHeader, writeDocumentRows, type RowPer } from './csvRows';
import { forEachDocument, selectDocuments } from './documentSource';
import { exportFileName } from './fileNames';
import { decodeUtf16 } from './utf16';
import type { Annotation } from '@shared/model';
import { isAdjudicated } from '@shared/coders/key';
import type { CsvLayers } from '@shared/exchange/csvColumns';

export async function exportCsv(
  ctx: ExchangeContext,
  input: { documentIds?: string[] | undefined; rowPer?: RowPer | undefined; layer?: CsvLayers | undefined },
): Promise<{ fileName: string; csv: string; rows: number }> {
  const documents = selectDocuments(ctx.store, input.documentIds);
  const label = codeLabels(ctx.store.data.codebook);
  const claims = {
    fields: ctx.store.data.codebook.fields,
    lookup: registryLookup(ctx.store.data.registry),
    coderNames: new Map(ctx.store.data.coders.map((c) => [c.id, c.name])),
  };
  const layer = input.layer ?? 'all';
  const wanted = (a: Annotation) => layer === 'all' || isAdjudicated(a) === (layer === 'adjudicated');
  // sized from the index's annotation counts (about 400 UTF-16 units a row), so the buffer
  // rarely regrows: regrowing copies everything written so far
  const expected = documents.reduce((n, d) => n + d.annotationCount, 0);
  const out = new CsvBuilder({ decode: decodeUtf16, capacity: Math.min(expected * 400, 1 << 28) }).raw(
    CSV_BOM + csvHeader(claims.fields),
  );
  let rows = 0;
  await forEachDocument(ctx.store, documents, (file) => {
    const annotations = layer === 'all' ? file.annotations : file.annotations.filter(wanted);
    rows += writeDocumentRows(out, file.document, annotations, label, claims, input.rowPer ?? 'code');
  });
  return { fileName: exportFileName(ctx.store.data.name, ctx.now(), 'csv'), csv: out.toString(), rows };
}
