/** export.texts: each selected document's canonical text, the text the CSV's start/end count into. */
import type { TextFile } from '@shared/api/exchange';
import type { ExchangeContext } from './context';
import { forEachDocument, selectDocuments } from './documentSource';
import { textFileName } from './fileNames';

export async function exportTexts(
  ctx: ExchangeContext,
  input: { documentIds?: string[] | undefined },
): Promise<{ files: TextFile[] }> {
  const files: TextFile[] = [];
  await forEachDocument(ctx.store, selectDocuments(ctx.store, input.documentIds), ({ document }) => {
    files.push({
      documentId: document.id,
      title: document.title,
      fileName: textFileName(document.id),
      sha256: document.sha256,
      text: document.text,
    });
  });
  return { files };
}
