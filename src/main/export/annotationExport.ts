/** export.annotations: a W3C Web Annotation AnnotationCollection, built document by document. */
import type { ServiceContext } from '../services/context';
import { forEachDocument, selectDocuments } from './documentSource';
import { exportFileName } from './fileNames';
import { annotationCollection, annotationToW3c, codeBodies } from './webAnnotationExport';

export async function exportAnnotations(
  ctx: ServiceContext,
  input: { documentIds?: string[] | undefined },
): Promise<{ fileName: string; json: string; count: number }> {
  const documents = selectDocuments(ctx.store, input.documentIds);
  const codeBody = codeBodies(ctx.store.data.codebook);
  const items: Record<string, unknown>[] = [];
  await forEachDocument(ctx.store, documents, (file) => {
    for (const a of file.annotations) items.push(annotationToW3c(file.document, a, codeBody));
  });
  const now = ctx.now();
  const collection = annotationCollection({
    id: `urn:uuid:${ctx.newId()}`,
    label: `Hashiya annotations: ${ctx.store.data.name}`,
    generated: now,
    items,
  });
  return { fileName: exportFileName(ctx.store.data.name, now, 'jsonld'), json: JSON.stringify(collection, null, 2), count: items.length };
}
