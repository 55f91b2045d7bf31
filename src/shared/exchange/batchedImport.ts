/**
 * A W3C Web Annotation file of any size imported in batches (what the Exchange dialog does):
 * the file is read and split here, each batch goes through import.annotations, and the reports
 * are added up as if the file had gone in one piece. Each batch is a merge that skips what the
 * project already has, so an import that stopped half-way can be run again from the start.
 */
import type { AnnotationImportResult } from '../api/exchange';
import { annotationItemsOf, appendAll, importBatches, parseJsonLd, type ImportBatch } from './jsonLdItems';

export type SendBatch = (batch: { json: string; firstIndex: number }) => Promise<AnnotationImportResult>;

/** An import stopped by a failed batch: what the batches before it imported is kept. */
export class BatchedImportError extends Error {
  constructor(
    /** why the batch failed */
    readonly reason: unknown,
    /** what the batches that went through did */
    readonly partial: AnnotationImportResult,
    /** annotations of the file sent (and merged) before the failure, and in the file */
    readonly done: number,
    readonly total: number,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'BatchedImportError';
  }
}

export function emptyImportResult(): AnnotationImportResult {
  return { imported: 0, reanchored: 0, alreadyPresent: 0, orphans: [], createdCodes: [], documents: [] };
}

/** Add one batch's report to the running one (documents by id, codes once). */
export function addImportResult(into: AnnotationImportResult, more: AnnotationImportResult): AnnotationImportResult {
  into.imported += more.imported;
  into.reanchored += more.reanchored;
  into.alreadyPresent += more.alreadyPresent;
  appendAll(into.orphans, more.orphans);
  const codes = new Set(into.createdCodes.map((c) => c.id));
  for (const c of more.createdCodes) if (!codes.has(c.id)) into.createdCodes.push(c);
  for (const d of more.documents) {
    const known = into.documents.find((x) => x.id === d.id);
    if (known) known.imported += d.imported;
    else into.documents.push({ ...d });
  }
  return into;
}

export async function importInBatches(
  json: string,
  send: SendBatch,
  options: { onProgress?: (done: number, total: number) => void; limits?: Parameters<typeof importBatches>[1] } = {},
): Promise<AnnotationImportResult> {
  const items = annotationItemsOf(parseJsonLd(json));
  const total = items.length;
  const result = emptyImportResult();
  if (total === 0) return addImportResult(result, await send({ json, firstIndex: 0 }));
  let done = 0;
  options.onProgress?.(0, total);
  for (const batch of importBatches(items, options.limits) as Iterable<ImportBatch>) {
    try {
      addImportResult(result, await send({ json: batch.json, firstIndex: batch.firstIndex }));
    } catch (err) {
      throw new BatchedImportError(err, result, done, total);
    }
    done += batch.count;
    options.onProgress?.(done, total);
  }
  return result;
}
