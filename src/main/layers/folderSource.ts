/**
 * A colleague's project folder as a layer's input, read and never written: project.json and each
 * documents/<id>.json are read with the store's parsers and schemas (an older format upgraded in
 * memory only), without the lock, without quarantine, without backups. A project.json that cannot
 * be read refuses the import (422); a document file that cannot be read is listed and skipped.
 * The colleague's annotations are turned into the W3C reader's shape, carrying the names of
 * their codes, fields, choices and actors, so they match this project as a W3C file would.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayName } from '@shared/claims/registry';
import { AppError } from '@shared/errors';
import type { Annotation, Codebook, ProjectFile, Registry } from '@shared/model';
import { CorruptFileError, parseJsonFile } from '../store/jsonFile';
import { documentFormat, NewerFormatError, PROJECT_FORMAT } from '../store/migrations';
import { DOCUMENTS_DIR, PROJECT_FILE } from '../store/folder';
import { DocumentFile, ProjectFile as ProjectFileSchema } from '../store/schema';
import type { IncomingCode, IncomingValue } from '../exchange/webAnnotationParse';
import type { LayerInput, SourceAnnotation } from './types';

const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_ANCESTORS = 16;

async function readText(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) return null;
  if (info.size > MAX_FILE_BYTES) throw new CorruptFileError(file, 'the file is larger than a project file can be');
  return readFile(file, 'utf8');
}

function codesOf(codebook: Codebook): (id: string) => IncomingCode {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  return (id) => {
    const code = byId.get(id);
    const ancestors: IncomingCode['ancestors'] = [];
    const seen = new Set<string>([id]);
    for (let p = code?.parentId ? byId.get(code.parentId) : undefined; p && !seen.has(p.id);) {
      seen.add(p.id);
      ancestors.unshift({ id: p.id, name: p.name, nameAr: p.nameAr, color: p.color });
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    return {
      id,
      name: code?.name ?? id,
      nameAr: code?.nameAr ?? '',
      parentId: code?.parentId ?? null,
      color: code?.color ?? null,
      ancestors: ancestors.slice(-MAX_ANCESTORS),
    };
  };
}

function valuesOf(codebook: Codebook, registry: Registry): (a: Annotation) => IncomingValue[] {
  const fields = new Map(codebook.fields.map((f) => [f.key, f]));
  const entities = new Map(registry.entities.map((e) => [e.id, e]));
  return (a) =>
    Object.entries(a.values).map(([key, raw]): IncomingValue => {
      const field = fields.get(key);
      const entity = typeof raw === 'string' ? entities.get(raw) : undefined;
      const choice = (id: unknown) => field?.choices.find((c) => c.id === id)?.name ?? String(id);
      const text =
        entity && (field?.type === 'actor' || field?.type === 'place')
          ? displayName(entity)
          : field?.type === 'choice'
            ? choice(raw)
            : field?.type === 'choices' && Array.isArray(raw)
              ? raw.map(choice).join(' | ')
              : String(raw);
      return {
        key,
        text,
        raw,
        entity: entity ? { nameAr: entity.nameAr, nameLatin: entity.nameLatin, aliases: [...entity.aliases] } : null,
        legacy: false,
      };
    });
}

/** Read the project in `dir` (an absolute path) as a layer's input; AppError when it is not one. */
export async function readFolder(dir: string): Promise<LayerInput> {
  const projectPath = path.join(dir, PROJECT_FILE);
  let project: ProjectFile;
  try {
    const raw = await readText(projectPath);
    if (raw === null)
      throw new AppError('not_found', `There is no Hashiya project in “${dir}” (it has no ${PROJECT_FILE}).`);
    project = parseJsonFile(projectPath, raw, ProjectFileSchema, PROJECT_FORMAT);
  } catch (err) {
    if (err instanceof CorruptFileError)
      throw new AppError(
        'unprocessable',
        `The project file of “${dir}” cannot be read (${err.reason}). Nothing was imported; open that project in Hashiya once to repair it.`,
      );
    if (err instanceof NewerFormatError)
      throw new AppError(
        'unsupported',
        `The project in “${dir}” was saved by a newer version of Hashiya. Update Hashiya to import it. Nothing was imported.`,
      );
    throw err;
  }
  const input: LayerInput = {
    kind: 'folder',
    label: dir,
    documents: new Map(),
    annotations: [],
    fieldNames: new Map(project.codebook.fields.map((f) => [f.key, f.label])),
    orphans: [],
  };
  const code = codesOf(project.codebook);
  const values = valuesOf(project.codebook, project.registry);
  const format = documentFormat(
    () => project,
    () => undefined,
  );
  for (const summary of project.documents) {
    const file = path.join(dir, DOCUMENTS_DIR, `${summary.id}.json`);
    let doc: DocumentFile;
    try {
      const raw = await readText(file);
      if (raw === null) throw new CorruptFileError(file, 'the file is missing');
      doc = parseJsonFile(file, raw, DocumentFile, format);
      if (doc.document.id !== summary.id) throw new CorruptFileError(file, 'the file holds another document');
    } catch (err) {
      if (!(err instanceof CorruptFileError || err instanceof NewerFormatError)) throw err;
      input.orphans.push({
        id: summary.id,
        reason: 'unreadable',
        exact: '',
        message: `The document “${summary.title}” of that project cannot be read (${err instanceof CorruptFileError ? err.reason : 'a newer format'}); its annotations were left out.`,
      });
      continue;
    }
    const key = doc.document.sha256;
    input.documents.set(key, {
      sourceId: doc.document.id,
      title: doc.document.title,
      publishedAt: doc.document.publishedAt ?? null,
      sha256: doc.document.sha256,
      text: doc.document.text,
    });
    for (const a of doc.annotations) {
      // the adjudicated layer is not a coder's work (src/shared/coders/model.ts)
      if (a.adjudication) continue;
      const incoming: SourceAnnotation = {
        rawId: a.id,
        id: a.id,
        sha256: key,
        documentId: doc.document.id,
        start: a.start,
        end: a.end,
        exact: a.quote,
        prefix: a.prefix,
        suffix: a.suffix,
        codes: a.codes.map(code),
        values: values(a),
        note: '',
        annotator: a.annotator,
        created: a.createdAt,
        modified: a.updatedAt,
        coderId: a.coderId ?? null,
        documentKey: key,
      };
      input.annotations.push(incoming);
    }
  }
  return input;
}
