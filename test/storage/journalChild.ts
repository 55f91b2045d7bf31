/**
 * The batch journal's crash child: opens a project of twelve documents whose document files can
 * never be renamed into place (every rename into documents/ waits forever), so a tag-all is
 * acknowledged and then stays in its background phase. It prints `ack <documentId> <id>` for
 * each annotation of an answered batch, then `done`; the parent kills it with SIGKILL.
 * Usage: node journalChild.mjs <projectDir> <codeId> [undo-half]. With `undo-half`, a second
 * batch (deleteAcross of the first batch in the first six documents) runs while the first is
 * still being written, and its deletions are printed as `gone <documentId> <id>`.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { Annotation, DocumentSummary } from '@shared/model';
import type { DurableFs } from '../../src/main/store/durableFile';
import { ProjectStore } from '../../src/main/store/projectStore';
import { hostTestProject } from '../harness/project';

async function main(): Promise<void> {
  const [dir, codeId, mode] = process.argv.slice(2);
  if (!dir || !codeId) throw new Error('usage: journalChild <projectDir> <codeId> [undo-half]');
  const documents = path.join(path.resolve(dir), 'documents');
  const stuck: DurableFs = {
    ...fs,
    rename: async (from, to) => {
      if (path.dirname(String(to)) === documents) await new Promise(() => undefined);
      await fs.rename(from, to);
    },
  };
  const store = await ProjectStore.open(dir, { durable: { fs: stuck } });
  const { services } = await hostTestProject(store);
  const call = services.dispatch as (name: string, input: unknown) => Promise<unknown>;
  const docs = (await call('documents.list', {})) as DocumentSummary[];
  const made = (await call('annotations.createAcross', {
    items: docs.map((doc) => ({
      documentId: doc.id,
      drafts: [0, 7].map((s) => ({ documentId: doc.id, start: s, end: s + 5, codes: [codeId] })),
    })),
  })) as { documents: Array<{ documentId: string; annotations: Annotation[] }> };
  process.stdout.write(
    made.documents.flatMap((d) => d.annotations.map((a) => `ack ${d.documentId} ${a.id}\n`)).join(''),
  );
  if (mode === 'undo-half') {
    const half = made.documents.slice(0, 6);
    await call('annotations.deleteAcross', {
      items: half.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((a) => a.id) })),
    });
    process.stdout.write(half.flatMap((d) => d.annotations.map((a) => `gone ${d.documentId} ${a.id}\n`)).join(''));
  }
  process.stdout.write('done\n');
  await new Promise(() => undefined);
}

main().catch((err: unknown) => {
  process.stderr.write(`journal child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
