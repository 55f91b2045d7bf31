/**
 * documentFileText, the check and text of a document file's save: the same bytes as
 * JSON.stringify, the same verdict (and first issue) as DocumentFile.safeParse, before and after
 * its parts were remembered as passing, and the premises of that shortcut hold in the schema.
 */
import { describe, expect, it } from 'vitest';
import { Annotation, DocumentFile, SCHEMA_VERSION, type Annotation as AnnotationT } from '@shared/model';
import { documentFileText } from './documentText';

const TEXT = 'قالت الحكومة إن وقف إطلاق النار سيبدأ غدا.\nوأضاف "المتحدث" أن المفاوضات مستمرة.';

function annotation(n: number, extra: Partial<AnnotationT> = {}): AnnotationT {
  return {
    id: `a${n}`,
    documentId: 'doc-1',
    start: n,
    end: n + 4,
    quote: TEXT.slice(n, n + 4),
    prefix: 'قبل\n"',
    suffix: 'بعد\u2028',
    codes: ['claim'],
    values: { note: `ملاحظة ${n}`, count: n },
    annotator: 'Layla',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

function file(count = 3): DocumentFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: 'doc-1',
      title: 'وقف إطلاق النار',
      direction: 'rtl',
      language: 'ar',
      source: '',
      url: '',
      publishedAt: null,
      importedAt: '2024-01-01T00:00:00.000Z',
      charCount: 80,
      annotationCount: count,
      sha256: 'a'.repeat(64),
      text: TEXT,
    },
    annotations: Array.from({ length: count }, (_, i) => annotation(i, i === 1 ? { coderId: 'c-1' } : {})),
  };
}

/** What the schema itself says of `data`: the text, or the first issue's path and message. */
function bySchema(data: DocumentFile): unknown {
  const checked = DocumentFile.safeParse(data);
  if (checked.success) return { text: JSON.stringify(data) };
  const issue = checked.error.issues[0];
  return { path: issue?.path, message: issue?.message };
}
function byDocumentText(data: DocumentFile): unknown {
  const checked = documentFileText(data);
  if (checked.ok) return { text: checked.text };
  const issue = checked.error.issues[0];
  return { path: issue?.path, message: issue?.message };
}

describe('documentFileText', () => {
  it('is byte for byte JSON.stringify of the file, whatever its members and their order', () => {
    const plain = file();
    const noClaims: DocumentFile = {
      ...file(2),
      noClaims: [{ by: 'Omar', byId: 'c-2', at: '2024-01-02T00:00:00.000Z', decision: 'accept-a', from: ['a0'] }],
    };
    const { annotations, ...rest } = file(4);
    const reordered = { annotations, ...rest } as DocumentFile;
    const withUndefined = { ...file(2), noClaims: undefined };
    withUndefined.annotations[0] = { ...annotation(0), coderId: undefined };
    const empty = file(0);
    for (const data of [plain, noClaims, reordered, withUndefined, empty]) {
      expect(documentFileText(data)).toEqual({ ok: true, text: JSON.stringify(data) });
      // a second time, from the parts remembered as passing
      expect(documentFileText(data)).toEqual({ ok: true, text: JSON.stringify(data) });
    }
  });

  it('refuses what the schema refuses, with its first issue, also once the parts passed before', () => {
    const mutations: Array<[string, (f: DocumentFile) => void]> = [
      [
        'a value too long, set in place',
        (f) => ((f.annotations[1] as AnnotationT).values = { note: 'x'.repeat(9000) }),
      ],
      ['an unknown code id, pushed in place', (f) => (f.annotations[0] as AnnotationT).codes.push('not an id!')],
      ['a negative start', (f) => ((f.annotations[2] as AnnotationT).start = -1)],
      ['a start that is NaN', (f) => ((f.annotations[2] as AnnotationT).start = Number.NaN)],
      ['a required field removed', (f) => delete (f.annotations[0] as Partial<AnnotationT>).quote],
      ['a new annotation that fails', (f) => f.annotations.push({ ...annotation(9), createdAt: 'yesterday' })],
      ['an annotation that is not an object', (f) => (f.annotations as unknown[]).push(null)],
      ['a hole in the list', (f) => (f.annotations.length = 5)],
      ['annotations that are not a list', (f) => ((f as { annotations: unknown }).annotations = {})],
      ['the title too long', (f) => (f.document.title = 'ع'.repeat(1001))],
      ['the document gone', (f) => delete (f as Partial<DocumentFile>).document],
      ['another format', (f) => ((f as { schemaVersion: number }).schemaVersion = 2)],
      [
        'two failures: the one the schema names first is named',
        (f) => {
          (f.annotations[0] as AnnotationT).end = -5;
          f.document.sha256 = 'no';
        },
      ],
      ['a value JSON cannot write', (f) => ((f.annotations[0] as AnnotationT).values = { count: 1n as never })],
      ['a change the schema accepts', (f) => ((f.annotations[0] as AnnotationT).values = { note: 'جديد' })],
    ];
    for (const [what, mutate] of mutations) {
      const data = file();
      expect(documentFileText(data).ok, what).toBe(true);
      mutate(data);
      expect(byDocumentText(data), what).toEqual(bySchema(data));
      // and the same again (a refused part is not remembered; an accepted one is)
      expect(byDocumentText(data), what).toEqual(bySchema(data));
    }
  });

  it('rests on what the schema is: a plain object, its annotations a plain list of Annotation', () => {
    // documentText.ts checks the annotations one by one and the rest with an empty list; that is
    // the whole file's check only while neither the file nor the list has a check of its own
    expect(DocumentFile._zod.def.checks ?? []).toEqual([]);
    const list = DocumentFile.shape.annotations;
    expect(list._zod.def.type).toBe('array');
    expect(list._zod.def.checks ?? []).toEqual([]);
    expect(list.element).toBe(Annotation);
  });
});
