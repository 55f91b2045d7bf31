/**
 * export.annotations: a W3C Web Annotation AnnotationCollection, built document by document.
 * Each annotation is serialised on its own, one per line, as its document is visited: no array
 * of every annotation's object is kept and no whole-collection JSON.stringify runs, so an export
 * of 130,000 annotations costs the text of the file and little more. The collection's `total`
 * is written after its page, once it is known.
 */
import type { ExchangeContext } from './context';
import { forEachDocument, selectDocuments } from './documentSource';
import { exportFileName } from './fileNames';
import { annotationCollection, annotationToW3c, codeBodies, valueBodies } from './webAnnotationExport';

export async function exportAnnotations(
  ctx: ExchangeContext,
  input: { documentIds?: string[] | undefined },
): Promise<{ fileName: string; json: string; count: number }> {
  const documents = selectDocuments(ctx.store, input.documentIds);
  const codeBody = codeBodies(ctx.store.data.codebook);
  const valueBody = valueBodies(ctx.store.data.codebook.fields, ctx.store.data.registry);
  const now = ctx.now();
  const {
    total: _total,
    first,
    ...head
  } = annotationCollection({
    id: `urn:uuid:${ctx.newId()}`,
    label: `Hashiya annotations: ${ctx.store.data.name}`,
    generated: now,
    items: [],
  });
  const { items: _items, ...page } = first as Record<string, unknown>;
  const headJson = JSON.stringify(head);
  const pageJson = JSON.stringify(page);
  const parts: string[] = [`${headJson.slice(0, -1)},\n"first":${pageJson.slice(0, -1)},"items":[\n`];
  let count = 0;
  await forEachDocument(ctx.store, documents, (file) => {
    for (const a of file.annotations) {
      parts.push(
        `${count === 0 ? '' : ',\n'}${JSON.stringify(annotationToW3c(file.document, a, codeBody, valueBody))}`,
      );
      count++;
    }
  });
  parts.push(`\n]},\n"total":${count}}\n`);
  return { fileName: exportFileName(ctx.store.data.name, now, 'jsonld'), json: parts.join(''), count };
}
