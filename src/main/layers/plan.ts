/**
 * What importing a colleague's layer would do, worked out with nothing written: the documents
 * matched (documents.ts), the codes, fields and actors matched or to be added (codes.ts,
 * values.ts), each annotation re-anchored in this project's text (exchange/reanchor.ts), every
 * conflict and orphan, and the annotations to add with their coder. The dry run reports it; the
 * real run (apply.ts) writes exactly this.
 *
 * Idempotence: an annotation whose id is already in its document with the same span, codes,
 * annotator and claim values (or, under another id, one with all of those) is already present;
 * one whose id is there with other content is a conflict and the copy here is kept. An annotation
 * of a file without ids gets an id derived from its place in the file and its quote, so a second
 * import finds it. The annotations of this project's own coder are left out (counted), and a file
 * holding nothing else is refused: it is this project's own layer.
 */
import { createHash } from 'node:crypto';
import type { LayerConflict, LayerImportReport, LayerOrphan } from '@shared/api/layers';
import type { Coder } from '@shared/coders/model';
import { AppError } from '@shared/errors';
import { Annotation, MAX_CODES, type Codebook, type Registry } from '@shared/model';
import { anchorSpan } from '@shared/text/anchor';
import { createOffsetMap } from '@shared/text/codepoints';
import { reanchor } from '../exchange/reanchor';
import { codeMatcher, codesToKeep } from './codes';
import { coderIdForName, coderOf, ensureCoder } from './coders';
import { documentMatcher, type DocumentLookup } from './documents';
import type { LayerInput, SourceAnnotation } from './types';
import { valueMatcher } from './values';

export interface LayerProject {
  codebook: Codebook;
  registry: Registry;
  coders: readonly Coder[];
  settings: { annotator: string | null; coderId: string | null };
  documents: DocumentLookup;
  /** a document's annotations as they are now */
  annotations(documentId: string): Promise<readonly Annotation[]>;
  now(): string;
  newId(): string;
}

export interface LayerPlan {
  report: Omit<LayerImportReport, 'dryRun' | 'undoId'>;
  /** the codebook with the codes the layer needs, or null when it needs none */
  codebook: Codebook | null;
  registry: Registry | null;
  coders: Coder[] | null;
  additions: Array<{ documentId: string; annotations: Annotation[] }>;
}

const sorted = (o: Record<string, unknown>) =>
  JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));

/** what a researcher set: two annotations with all of it equal are one */
const content = (a: Pick<Annotation, 'start' | 'end' | 'codes' | 'annotator'> & { values: Record<string, unknown> }) =>
  JSON.stringify([a.start, a.end, [...new Set(a.codes)].sort(), a.annotator, sorted(a.values)]);

const derivedId = (a: SourceAnnotation) =>
  `w_${createHash('sha256')
    .update(JSON.stringify([a.rawId, a.sha256, a.documentId, a.start, a.end, a.exact]), 'utf8')
    .digest('hex')
    .slice(0, 40)}`;

export async function planLayer(project: LayerProject, input: LayerInput): Promise<LayerPlan> {
  const me =
    project.settings.coderId ?? (project.settings.annotator ? coderIdForName(project.settings.annotator) : null);
  const orphans: LayerOrphan[] = [...input.orphans];
  const conflicts: LayerConflict[] = [];
  const theirs = input.annotations.filter((a) => coderOf(a).id !== me);
  const ownSkipped = input.annotations.length - theirs.length;
  if (input.annotations.length > 0 && theirs.length === 0)
    throw new AppError(
      'conflict',
      'Every annotation in this file is yours (your own coder); importing your layer over itself would change nothing. Nothing was imported.',
    );

  const coders = new Map<string, LayerImportReport['coders'][number]>();
  const known = new Set(project.coders.map((c) => c.id));
  for (const a of theirs) {
    const c = coderOf(a);
    const entry = coders.get(c.id) ?? { ...c, known: known.has(c.id), annotations: 0, added: 0, alreadyPresent: 0 };
    entry.annotations++;
    coders.set(c.id, entry);
  }

  // documents
  const matchDocument = documentMatcher(project.documents);
  const docReports = new Map<string, LayerImportReport['documents'][number]>();
  const matched = new Map<string, Awaited<ReturnType<typeof matchDocument>>>();
  for (const [key, doc] of input.documents) {
    const m = await matchDocument(doc);
    matched.set(key, m);
    docReports.set(key, {
      sourceId: doc.sourceId,
      sourceTitle: doc.title,
      documentId: m ? m.summary.id : null,
      title: m ? m.summary.title : '',
      match: m ? m.match : 'none',
      similarity: m ? m.similarity : null,
      annotations: 0,
      added: 0,
    });
  }

  const codes = codeMatcher(project.codebook, project.newId);
  const values = valueMatcher(project.codebook.fields, project.registry, input.fieldNames, project.newId);
  const byDocument = new Map<string, Annotation[]>();
  const texts = new Map<string, { text: string; map: ReturnType<typeof createOffsetMap> }>();
  const existing = new Map<string, { ids: Map<string, string>; contents: Set<string> }>();
  let reanchored = 0;
  let alreadyPresent = 0;

  for (const a of theirs) {
    const exact = a.exact ?? '';
    const report = a.documentKey !== null ? docReports.get(a.documentKey) : undefined;
    if (report) report.annotations++;
    const m = a.documentKey !== null ? matched.get(a.documentKey) : null;
    if (!m) {
      orphans.push({
        id: a.rawId,
        reason: 'document_not_found',
        exact,
        message: report
          ? `The document “${report.sourceTitle || a.sha256 || ''}” is not in this project (no document has the same or nearly the same text).`
          : 'The annotation does not say which text it belongs to.',
      });
      continue;
    }
    const documentId = m.summary.id;
    let here = texts.get(documentId);
    if (!here) {
      const text = await project.documents.text(documentId);
      texts.set(documentId, (here = { text, map: createOffsetMap(text) }));
    }
    let present = existing.get(documentId);
    if (!present) {
      const list = await project.annotations(documentId);
      present = { ids: new Map(list.map((x) => [x.id, content(x)])), contents: new Set(list.map(content)) };
      existing.set(documentId, present);
    }
    const found = reanchor(here.text, here.map, a);
    if (!found) {
      orphans.push({
        id: a.rawId,
        reason: 'text_not_found',
        exact,
        message: `The quoted passage was not found in “${m.summary.title}”.`,
      });
      continue;
    }
    const codeIds: string[] = [];
    for (const c of a.codes) {
      const id = codes.resolve(c);
      if (id === null) break;
      codeIds.push(id);
    }
    if (codeIds.length !== a.codes.length) {
      orphans.push({ id: a.rawId, reason: 'invalid', exact, message: 'One of its codes cannot be stored here.' });
      continue;
    }
    const resolved = values.resolve(a, [...new Set(codeIds)]);
    if (!resolved.ok) {
      conflicts.push(resolved.conflict);
      continue;
    }
    const coder = coderOf(a);
    const now = project.now();
    const candidate = {
      id: a.id ?? derivedId(a),
      documentId,
      start: found.start,
      end: found.end,
      ...anchorSpan(here.map, found.start, found.end),
      codes: [...new Set(codeIds)],
      values: resolved.values,
      annotator: a.annotator,
      coderId: coder.id,
      createdAt: a.created ?? now,
      updatedAt: a.modified ?? a.created ?? now,
    };
    const key = content(candidate);
    const sameId = present.ids.get(candidate.id);
    const stats = coders.get(coder.id);
    if (sameId !== undefined && sameId !== key) {
      conflicts.push({
        kind: 'annotation_changed',
        annotationId: a.rawId,
        message: `The annotation “${exact}” is in this project already with other content; the copy here was kept, not overwritten.`,
      });
      continue;
    }
    if (sameId !== undefined || present.contents.has(key)) {
      alreadyPresent++;
      if (stats) stats.alreadyPresent++;
      continue;
    }
    const valid = Annotation.safeParse(candidate);
    if (!valid.success) {
      const issue = valid.error.issues[0];
      orphans.push({
        id: a.rawId,
        reason: 'invalid',
        exact,
        message: `The annotation cannot be stored: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      });
      continue;
    }
    if (found.method !== 'position' || m.match === 'near_duplicate') reanchored++;
    present.ids.set(candidate.id, key);
    present.contents.add(key);
    let list = byDocument.get(documentId);
    if (!list) byDocument.set(documentId, (list = []));
    list.push(valid.data);
    if (stats) stats.added++;
    if (report) report.added++;
  }

  const additions = [...byDocument].map(([documentId, annotations]) => ({ documentId, annotations }));
  const used = new Set(additions.flatMap((d) => d.annotations.flatMap((a) => a.codes)));
  const made = codesToKeep(codes.made, used);
  if (project.codebook.codes.length + made.length > MAX_CODES)
    throw new AppError(
      'too_large',
      `The codebook would exceed ${MAX_CODES.toLocaleString('en')} codes with the codes of this layer. Nothing was imported.`,
    );
  const registry = additions.length > 0 ? values.changedRegistry() : null;
  const before = new Set(project.registry.entities.map((e) => e.id));
  const actorsAdded = (registry?.entities ?? [])
    .filter((e) => !before.has(e.id))
    .map((e) => ({ id: e.id, name: e.nameAr || e.nameLatin }));
  let coderList: Coder[] = [...project.coders];
  for (const c of coders.values()) if (!c.known) coderList = ensureCoder(coderList, { id: c.id, name: c.name });
  const added = additions.reduce((n, d) => n + d.annotations.length, 0);
  return {
    report: {
      source: { kind: input.kind, label: input.label },
      coders: [...coders.values()],
      documents: [...docReports.values()],
      codes: { byId: codes.byId, byName: codes.byName, added: made.map((c) => ({ id: c.id, name: c.name })) },
      fields: { byName: values.byName, unknown: values.unknown },
      actorsAdded,
      conflicts: [...codes.conflicts, ...values.conflicts, ...conflicts],
      orphans,
      counts: {
        inFile: input.annotations.length,
        added,
        reanchored,
        alreadyPresent,
        ownSkipped,
        conflicts: codes.conflicts.length + values.conflicts.length + conflicts.length,
        orphans: orphans.length,
      },
    },
    codebook: made.length > 0 ? { ...project.codebook, codes: [...project.codebook.codes, ...made] } : null,
    registry,
    coders: coderList.length !== project.coders.length ? coderList : null,
    additions,
  };
}
