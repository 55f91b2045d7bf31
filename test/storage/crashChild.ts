/**
 * The crash test's child: the real service layer over a ProjectStore, creating annotations as
 * fast as it can and printing `ack <documentId> <annotationId>` after each call returns (that
 * is, after the write is on disk). The parent kills it with SIGKILL at random moments.
 * Usage: node crashChild.mjs <projectDir> [across]. With `across`, every call is one
 * annotations.createAcross over all three documents (a tag-all: one folder fsync for the batch).
 */
import { hostTestProject } from '../harness/project';
import { ProjectStore } from '../../src/main/store/projectStore';
import type { Annotation, DocumentSummary } from '@shared/model';

const TEXT = 'أعلن المبعوث الأممي 🙂 اقتراحا لوقف إطلاق النار في طرابلس، ورفضت الحكومة الشرط المسبق للانسحاب.';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: crashChild <projectDir>');
  const store = await ProjectStore.open(dir, { indexSaveDelayMs: 30, backupPolicy: { minIntervalMs: 150 } });
  const { services } = await hostTestProject(store);
  const call = services.dispatch as (name: string, input: unknown) => Promise<unknown>;

  let docs = (await call('documents.list', {})) as DocumentSummary[];
  for (let i = docs.length; i < 3; i++) {
    await call('documents.importText', {
      text: `${TEXT}\nالنسخة ${i + 1}`,
      title: `Article ${i + 1}`,
      allowDuplicate: true,
    });
    docs = (await call('documents.list', {})) as DocumentSummary[];
  }
  const codeId = store.data.codebook.codes.find((c) => c.key !== null)?.id as string;
  process.stdout.write(`ready ${docs.length}\n`);

  if (process.argv[3] === 'across')
    for (let n = 0; ; n++) {
      const start = n % 40;
      const made = (await call('annotations.createAcross', {
        items: docs.map((doc) => ({
          documentId: doc.id,
          drafts: [0, 1].map((k) => ({ documentId: doc.id, start: start + k, end: start + k + 5, codes: [codeId] })),
        })),
      })) as { documents: Array<{ documentId: string; annotations: Annotation[] }> };
      process.stdout.write(
        made.documents.flatMap((d) => d.annotations.map((a) => `ack ${d.documentId} ${a.id}\n`)).join(''),
      );
    }

  for (let n = 0; ; n++) {
    const doc = docs[n % docs.length] as DocumentSummary;
    const start = n % 40;
    if (n % 7 === 6) {
      const made = (await call('annotations.createMany', {
        documentId: doc.id,
        drafts: [0, 1].map((k) => ({
          documentId: doc.id,
          start: start + k,
          end: start + k + 5,
          codes: [codeId],
          values: { note: `batch ${n}` },
        })),
      })) as Annotation[];
      process.stdout.write(made.map((a) => `ack ${doc.id} ${a.id}\n`).join(''));
    } else {
      const made = (await call('annotations.create', {
        documentId: doc.id,
        start,
        end: start + 6,
        codes: [codeId],
        values: { note: `n ${n}` },
      })) as Annotation;
      process.stdout.write(`ack ${doc.id} ${made.id}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`crash child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
