/**
 * Format 2 → 3 for a whole project, as a pure function: the claimant, stance, certainty and note
 * of every annotation become claim values of the political-claims template (docs/claims.md).
 *
 * - Each distinct claimant spelling becomes one actor of the registry (خليفه حفتر and خليفة حفتر
 *   are two: the researcher merges them; a notice says so). Its id is derived from the spelling
 *   (claimantActorId), so the same spelling gets the same id in every file, whatever the order
 *   in which files are migrated.
 * - The codebook's stances become the Position field's items, in their order, with their Arabic
 *   names and the template's −1/0/+1 for the default ones; a stance an annotation carries that
 *   the list no longer has is added after them. The same for certainties and the Certainty field.
 * - A note stays the Note field's value, exactly as written.
 * Nothing else changes: ids, offsets, quotes, codes, annotators, times and texts are copied.
 * The input is never modified. A file that is not format 2 is refused (a newer one must be left
 * as it is; migrations.ts says so before this runs).
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import {
  DocumentFile as DocumentFileV3,
  ProjectFile as ProjectFileV3,
  SCHEMA_VERSION as CLAIMS_SCHEMA_VERSION,
  type Annotation as AnnotationV3,
} from '../model';
import { type AnnotationV2, type CodebookV2 as Codebook, DocumentFileV2, ProjectFileV2 } from './formatV2';
import { DEFAULT_VALUE_NAMES_AR, valueNameAr, type ValueList } from '../codebook/valueNames';
import { nameKey } from '../codebook/validate';
import { cleanLabel } from '../text/canonical';
import type { ChoiceItem, ClaimField } from './fields';
import { emptyRegistry, type Entity } from './registry';
import { POSITION_VALUES, politicalClaimsTemplate } from './template';
import type { ClaimValues } from './values';

export interface MigratedProject {
  project: ProjectFileV3;
  /** in the order they were given */
  documents: DocumentFileV3[];
  /** spelling → actor id, for the caller's report */
  actors: Map<string, string>;
}

/** FNV-1a over UTF-16 units, twice with different offsets: 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The actor id of a claimant spelling: the same spelling, the same id, in every file. */
export function claimantActorId(spelling: string): string {
  return `claimant-${hash(spelling)}`;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > 2)
    throw new AppError('unprocessable', `${what} is already format ${version}; only format 2 is migrated to claims.`);
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError(
      'unprocessable',
      `${what} is not a format-2 file${issue ? ` (${issue.path.join('.') || 'top'}: ${issue.message})` : ''}.`,
    );
  }
  return r.data;
}

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** Choice items for a value list: the listed values, then those only annotations still carry. */
function itemsFor(
  codebook: Codebook,
  list: ValueList,
  used: readonly string[],
  numeric: Readonly<Record<string, number>>,
): { items: ChoiceItem[]; idOf: Map<string, string> } {
  const items: ChoiceItem[] = [];
  const idOf = new Map<string, string>();
  const byKey = new Map<string, ChoiceItem>();
  const prefix = list === 'stances' ? 'position' : 'certainty';
  for (const value of [...codebook[list], ...used]) {
    if (idOf.has(value)) continue;
    const key = nameKey(value);
    const same = byKey.get(key);
    if (same) {
      idOf.set(value, same.id);
      continue;
    }
    let id = slug(value) || `${prefix}-${items.length + 1}`;
    for (let n = 2; items.some((i) => i.id === id); n++) id = `${slug(value) || prefix}-${n}`;
    const item: ChoiceItem = {
      id,
      name: cleanLabel(value),
      nameAr: cleanLabel(valueNameAr(codebook, list, value)),
      value: Object.hasOwn(numeric, value) ? (numeric[value] as number) : null,
    };
    items.push(item);
    byKey.set(key, item);
    idOf.set(value, id);
  }
  return { items, idOf };
}

export function migrateProjectV2toV3(projectJson: unknown, documentFiles: readonly unknown[]): MigratedProject {
  const project = parse(ProjectFileV2, projectJson, 'project.json');
  const files = documentFiles.map((f, i) => {
    const id = (f as { document?: { id?: unknown } } | null)?.document?.id;
    return parse(DocumentFileV2, f, `The document file ${typeof id === 'string' ? id : `#${i + 1}`}`);
  });
  // first appearance in the project's order (the index), then files the index does not list
  const order = new Map(project.documents.map((d, i) => [d.id, i]));
  const walk = [...files].sort(
    (x, y) => (order.get(x.document.id) ?? Infinity) - (order.get(y.document.id) ?? Infinity),
  );
  const all: AnnotationV2[] = walk.flatMap((f) => f.annotations);

  const actors = new Map<string, string>();
  const entities: Entity[] = [];
  let tidied = 0;
  const blank = new Set<string>();
  for (const a of all) {
    if (a.claimant === '' || actors.has(a.claimant) || blank.has(a.claimant)) continue;
    const name = cleanLabel(a.claimant);
    if (name === '') {
      blank.add(a.claimant);
      continue;
    }
    if (name !== a.claimant) tidied++;
    const entity = actorFor(a.claimant) as Entity;
    actors.set(a.claimant, entity.id);
    entities.push(entity);
  }

  const stances = itemsFor(project.codebook, 'stances', all.map((a) => a.stance).filter(Boolean), POSITION_VALUES);
  const certainties = itemsFor(project.codebook, 'certainties', all.map((a) => a.certainty).filter(Boolean), {});
  const fields: ClaimField[] = politicalClaimsTemplate().map((f) =>
    f.key === 'position'
      ? { ...f, choices: stances.items }
      : f.key === 'certainty'
        ? { ...f, choices: certainties.items }
        : f,
  );

  const registry = { ...emptyRegistry(), entities };
  const parts = [
    `Claims are now records with fields (claimant, position, certainty, note and more: see Codebook → Fields).`,
    `${entities.length} claimant spelling${entities.length === 1 ? '' : 's'} became actors of the registry; spellings of the same actor can be merged in Actors.`,
    `Stances are the choices of Position, certainties those of Certainty.`,
  ];
  if (tidied > 0)
    parts.push(`${tidied} claimant name(s) had stray spaces or control characters, removed in the actor's name.`);
  if (blank.size > 0)
    parts.push(`${blank.size} claimant value(s) held only spaces or control characters and name no actor.`);
  const notices = [...project.notices, { code: 'claims_migrated', message: parts.join(' '), count: all.length }];
  const migrated = ProjectFileV3.safeParse({
    schemaVersion: CLAIMS_SCHEMA_VERSION,
    name: project.name,
    createdAt: project.createdAt,
    settings: project.settings,
    codebook: { codes: project.codebook.codes, fields },
    registry,
    documents: project.documents,
    notices,
  });
  if (!migrated.success)
    throw new AppError(
      'unprocessable',
      `The project could not be converted to claim records: ${migrated.error.issues[0]?.message ?? 'invalid'}. Nothing was changed.`,
    );
  // every spelling and value is in the project now: the documents add nothing to it
  let out = migrated.data;
  const documents = files.map((f) => {
    const r = migrateDocument(f, out);
    out = r.project;
    return r.document;
  });
  return { project: out, documents, actors };
}

/** The actor a claimant spelling becomes (null when it holds nothing but spaces and controls). */
function actorFor(spelling: string): Entity | null {
  const name = cleanLabel(spelling);
  if (name === '') return null;
  const arabic = /\p{Script=Arabic}/u.test(name);
  return {
    id: claimantActorId(spelling),
    kind: 'actor',
    nameAr: arabic ? name : '',
    nameLatin: arabic ? '' : name,
    aliases: [],
    type: null,
    affiliation: null,
    country: '',
    color: null,
    notes: '',
  };
}

export interface MigratedDocument {
  document: DocumentFileV3;
  /** the project, with the actors and choices this document brought that it did not have */
  project: ProjectFileV3;
  /** whether the project changed (then it must be saved with the document) */
  projectChanged: boolean;
}

/**
 * Format 2 → 3 for one document file of a project already at format 3: for a store that migrates
 * project.json first and each document when it is read (a crash between them leaves documents
 * at format 2). A spelling or a value the project does not have yet is added to it, with the id
 * and the item the whole-project migration would have given.
 */
export function migrateDocumentV2toV3(documentJson: unknown, projectV3: ProjectFileV3): MigratedDocument {
  const id = (documentJson as { document?: { id?: unknown } } | null)?.document?.id;
  const file = parse(DocumentFileV2, documentJson, `The document file ${typeof id === 'string' ? id : ''}`.trim());
  return migrateDocument(file, projectV3);
}

function migrateDocument(file: z.infer<typeof DocumentFileV2>, projectV3: ProjectFileV3): MigratedDocument {
  const fields = projectV3.codebook.fields.map((f) => ({ ...f, choices: [...f.choices] }));
  const field = (key: string) => {
    const f = fields.find((x) => x.key === key);
    if (!f)
      throw new AppError('unprocessable', `The project has no “${key}” field to receive the document's ${key} values.`);
    return f;
  };
  const entities = [...projectV3.registry.entities];
  const known = new Set(entities.map((e) => e.id));
  let changed = false;
  const choiceId = (key: string, value: string): string => {
    const f = field(key);
    const wanted = nameKey(cleanLabel(value));
    const found = f.choices.find((c) => nameKey(c.name) === wanted);
    if (found) return found.id;
    const base = slug(value) || key;
    let itemId = slug(value) || `${key}-${f.choices.length + 1}`;
    for (let n = 2; f.choices.some((c) => c.id === itemId); n++) itemId = `${base}-${n}`;
    const list: ValueList = key === 'position' ? 'stances' : 'certainties';
    const numeric =
      key === 'position' && Object.hasOwn(POSITION_VALUES, value) ? (POSITION_VALUES[value] as number) : null;
    f.choices.push({
      id: itemId,
      name: cleanLabel(value),
      nameAr: DEFAULT_VALUE_NAMES_AR[list].get(value) ?? '',
      value: numeric,
    });
    changed = true;
    return itemId;
  };
  const annotations = file.annotations.map((a): AnnotationV3 => {
    const { claimant, stance, certainty, note, ...rest } = a;
    const values: ClaimValues = {};
    if (claimant) {
      const actor = actorFor(claimant);
      if (actor) {
        if (!known.has(actor.id)) {
          entities.push(actor);
          known.add(actor.id);
          changed = true;
        }
        values[field('claimant').key] = actor.id;
      }
    }
    if (stance) values.position = choiceId('position', stance);
    if (certainty) values.certainty = choiceId('certainty', certainty);
    if (note) values[field('note').key] = note;
    return { ...rest, values };
  });
  const document = DocumentFileV3.parse({ schemaVersion: CLAIMS_SCHEMA_VERSION, document: file.document, annotations });
  if (!changed) return { document, project: projectV3, projectChanged: false };
  const project = ProjectFileV3.parse({
    ...projectV3,
    codebook: { ...projectV3.codebook, fields },
    registry: { ...projectV3.registry, entities },
  });
  return { document, project, projectChanged: true };
}
