/**
 * Generated corpora for the benchmark, written straight into a project folder in the on-disk
 * format (src/main/store/schema.ts) so 10,000 documents take seconds, not an import each.
 *
 * Text: the bundled sample article's paragraphs, shuffled, with its numbers and names varied, so
 * the Arabic is real news prose (joining, diacritics, digits) and no two documents are equal.
 * Everything comes from one seeded generator: every run measures the same corpus.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultCodebook } from '@shared/defaultCodebook';
import { emptyRegistry } from '@shared/claims/registry';
import type { Annotation, Codebook, DocumentSummary } from '@shared/model';
import { anchorSpan } from '@shared/text/anchor';
import { createOffsetMap } from '@shared/text/codepoints';
import { importPlainBytes } from '../../src/main/import';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { DOCUMENTS_DIR, PROJECT_FILE } from '../../src/main/store/projectStore';
import { DocumentFile, ProjectFile, SCHEMA_VERSION } from '../../src/main/store/schema';

export type Rand = () => number;

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

// Names in the sample swapped for others (with the spelling variants search folds).
const NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['حفتر', ['حفتر', 'السراج', 'ماكرون', 'غسان سلامة', 'غسان سلامه', 'معيتيق', 'عقيلة صالح']],
  ['خليفه', ['خليفه', 'خليفة', 'فائز', 'أحمد', 'عبد الرحمن']],
  ['السراج', ['السراج', 'حفتر', 'الدبيبة', 'باشاغا']],
  ['ماكرون', ['ماكرون', 'ميركل', 'كونتي', 'أردوغان', 'بوتين']],
  ['طرابلس', ['طرابلس', 'بنغازي', 'سرت', 'مصراتة', 'الزاوية', 'سبها']],
  ['فرنسا', ['فرنسا', 'إيطاليا', 'ألمانيا', 'تركيا', 'روسيا', 'مصر']],
];
const toIndic = (n: string) => n.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

export interface Corpus {
  paragraphs: readonly string[];
  codebook: Codebook;
  /** code ids that carry a shortcut key (what a researcher tags with) */
  codeIds: readonly string[];
}

export async function loadCorpus(root: string): Promise<Corpus> {
  const bytes = await readFile(path.join(root, 'resources', 'sample', 'libya-ceasefire-2019.ar.txt'));
  const paragraphs = importPlainBytes(bytes)
    .text.split('\n')
    .filter((p) => p.trim().length > 0);
  const codebook = defaultCodebook();
  const codeIds = codebook.codes.filter((c) => c.key !== null).map((c) => c.id);
  return { paragraphs, codebook, codeIds };
}

/** One paragraph of the sample with its numbers and names varied. */
function variedParagraph(rand: Rand, corpus: Corpus): string {
  let p = pick(rand, corpus.paragraphs);
  for (const [name, others] of NAMES) if (p.includes(name)) p = p.split(name).join(pick(rand, others));
  p = p.replace(/[0-9]+/g, (n) => {
    const v = String(Math.floor(rand() * 10 ** n.length));
    return rand() < 0.3 ? toIndic(v) : v;
  });
  return p;
}

/** Canonical text (paragraphs joined by one "\n") of about `chars` UTF-16 units. */
export function articleText(rand: Rand, corpus: Corpus, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const p = variedParagraph(rand, corpus);
    out.push(p);
    length += p.length + 1;
  }
  return out.join('\n');
}

/** `count` annotations on word boundaries, spread over the text, as the service would store them. */
export function annotationsFor(
  rand: Rand,
  corpus: Corpus,
  documentId: string,
  text: string,
  count: number,
  createdAt: string,
): Annotation[] {
  const map = createOffsetMap(text);
  const spaces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10) spaces.push(i);
  const list: Annotation[] = [];
  for (let n = 0; n < count; n++) {
    const at = Math.floor(rand() * (spaces.length - 8));
    const s16 = (spaces[at] as number) + 1;
    const e16 = spaces[at + 1 + Math.floor(rand() * 6)] as number;
    const start = map.toCp(s16);
    const end = map.toCp(e16);
    const codes = [pick(rand, corpus.codeIds)];
    if (rand() < 0.15)
      codes.push(
        pick(
          rand,
          corpus.codeIds.filter((c) => c !== codes[0]),
        ),
      );
    list.push({
      id: `${documentId}-a${n}`,
      documentId,
      start,
      end,
      ...anchorSpan(map, start, end),
      codes,
      // claim values of the political-claims template (no actors: the bench project has no registry entries)
      values: {
        ...(rand() < 0.5 ? { position: pick(rand, ['proposes', 'supports', 'rejects', 'reports']) } : {}),
        ...(rand() < 0.3 ? { certainty: 'asserted' } : {}),
        ...(rand() < 0.1 ? { note: 'ملاحظة: "يجب التحقق", 2019' } : {}),
      },
      annotator: 'Bench',
      createdAt,
      updatedAt: createdAt,
    });
  }
  return list.sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface DocSpec {
  id: string;
  title: string;
  text: string;
  annotations: number;
}

export interface WrittenProject {
  dir: string;
  summaries: DocumentSummary[];
  annotationCount: number;
}

/** Write a whole project folder: documents/<id>.json for each spec, then project.json. */
export async function writeProject(
  dir: string,
  corpus: Corpus,
  specs: Iterable<DocSpec>,
  rand: Rand,
): Promise<WrittenProject> {
  await mkdir(path.join(dir, DOCUMENTS_DIR), { recursive: true });
  const summaries: DocumentSummary[] = [];
  let annotationCount = 0;
  let i = 0;
  for (const spec of specs) {
    const importedAt = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i++)).toISOString();
    const file: DocumentFile = buildDocumentFile(
      spec.id,
      { text: spec.text, title: spec.title, warnings: [], meta: { source: 'Bench corpus' } },
      importedAt,
    );
    file.annotations = annotationsFor(rand, corpus, spec.id, spec.text, spec.annotations, importedAt);
    file.document.annotationCount = file.annotations.length;
    annotationCount += file.annotations.length;
    // the first file of each project is checked against the real schema (the format may change)
    if (summaries.length === 0) DocumentFile.parse(file);
    await writeFile(path.join(dir, DOCUMENTS_DIR, `${spec.id}.json`), JSON.stringify(file));
    const { text: _text, ...summary } = file.document;
    summaries.push(summary);
  }
  const project: ProjectFile = ProjectFile.parse({
    schemaVersion: SCHEMA_VERSION,
    name: 'Bench',
    createdAt: new Date(Date.UTC(2024, 0, 1)).toISOString(),
    settings: { annotator: 'Bench', snapToWords: true, uiLanguage: 'en', textSize: 20, coderId: null, blind: false },
    codebook: corpus.codebook,
    registry: emptyRegistry(),
    documents: summaries,
    notices: [],
  });
  await writeFile(path.join(dir, PROJECT_FILE), JSON.stringify(project));
  return { dir, summaries, annotationCount };
}

/** `count` news-sized documents (about 3,000 characters, `annotations` each). */
export function* newsDocuments(rand: Rand, corpus: Corpus, count: number, annotations: number): Generator<DocSpec> {
  for (let i = 0; i < count; i++) {
    const id = `doc-${String(i).padStart(5, '0')}`;
    yield {
      id,
      title: `مقال ${i + 1}: ${variedParagraph(rand, corpus).split(' ').slice(0, 6).join(' ')}`,
      text: articleText(rand, corpus, 3000),
      annotations,
    };
  }
}
