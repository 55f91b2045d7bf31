/**
 * Merging W3C Web Annotation JSON-LD into the project (import.annotations).
 *
 * - The file must be Web Annotation JSON-LD, or AppError and nothing changes.
 * - Each annotation's document is found by the sha256 of its text (urn:sha256:…); its span is
 *   re-anchored (position, verified against the quote; else a quote search; else a lenient one).
 * - The colleague's annotator name, times and id are kept; an annotation already present (same
 *   id, or same span, codes, annotator and claim values) is counted, never
 *   duplicated, so importing twice adds nothing the second time.
 * - Codes this codebook lacks are created (under their parent when it is known) by default, or,
 *   with unknownCodes: 'orphan', the annotations using them are listed as orphans.
 * - Nothing is dropped silently: what cannot be placed is returned in `orphans` with a reason.
 * Codebook changes are saved before the documents, so no saved annotation names a missing code.
 */
import { joiningCoders } from '@shared/coders/join';
import type { AnnotationImportResult, ImportOrphan } from '@shared/api/exchange';
import { AppError } from '@shared/errors';
import { appendAll } from '@shared/exchange/jsonLdItems';
import { Annotation, Code, MAX_CODES, type Codebook, type DocumentSummary } from '@shared/model';
import { anchorSpan } from '@shared/text/anchor';
import { createOffsetMap } from '@shared/text/codepoints';
import type { ExchangeContext } from './context';
import { reanchor } from './reanchor';
import { valueResolver } from './claimValuesImport';
import { annotationItems, parseItem, type IncomingAncestor, type IncomingAnnotation } from './webAnnotationParse';

const FALLBACK_COLOUR = '#999999';
const CODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

/**
 * What makes two annotations the same one when their ids differ: everything a researcher sets.
 * Two claimants taking the same stance on the same passage are two annotations, not one.
 */
const sameAnnotationKey = (a: Pick<Annotation, 'start' | 'end' | 'codes' | 'annotator' | 'values'>) =>
  JSON.stringify([
    a.start,
    a.end,
    [...new Set(a.codes)].sort(),
    a.annotator,
    Object.entries(a.values).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
  ]);

/**
 * Map the file's code ids to this codebook's: by id, else by name; what is still missing is
 * created when allowed, together with the parents it sits under (from the file's ancestors),
 * outermost first, so no cycle can form and the colleague's hierarchy is kept.
 */
function resolveCodes(ctx: ExchangeContext, incoming: readonly IncomingAnnotation[], create: boolean) {
  const codebook = ctx.store.data.codebook;
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const byName = new Map(codebook.codes.map((c) => [nameKey(c.name), c.id]));
  const mapping = new Map<string, string>();
  const created: Code[] = [];
  const createdIds = new Set<string>();

  /** This codebook's id for a code of the file, creating it (under `parentId`) when allowed. */
  const resolve = (code: IncomingAncestor, parentId: string | undefined, allowCreate: boolean): string | null => {
    if (code.id !== null) {
      const known = mapping.get(code.id);
      if (known) return known;
      if (byId.has(code.id)) {
        mapping.set(code.id, code.id);
        return code.id;
      }
    }
    const named = byName.get(nameKey(code.name));
    if (named) {
      if (code.id !== null) mapping.set(code.id, named);
      return named;
    }
    if (!allowCreate) return null;
    const id =
      code.id !== null && CODE_ID.test(code.id) && !byId.has(code.id) && !createdIds.has(code.id)
        ? code.id
        : ctx.newId();
    const made = Code.safeParse({
      id,
      name: code.name.slice(0, 200),
      nameAr: code.nameAr.slice(0, 200),
      color: code.color ?? FALLBACK_COLOUR,
      ...(parentId ? { parentId } : {}),
    });
    if (!made.success) return null;
    created.push(made.data);
    createdIds.add(id);
    byName.set(nameKey(made.data.name), id);
    if (code.id !== null) mapping.set(code.id, id);
    return id;
  };

  for (const a of incoming) {
    for (const code of a.codes) {
      if (mapping.has(code.id)) continue;
      if (resolve(code, undefined, false)) continue;
      if (!create) continue;
      // its parents first, outermost first; a parent that cannot be made ends the chain there
      let parent: string | undefined;
      const chain =
        code.ancestors.length > 0
          ? code.ancestors
          : code.parentId && byId.has(code.parentId)
            ? [{ id: code.parentId, name: byId.get(code.parentId)?.name ?? '', nameAr: '', color: null }]
            : [];
      for (const ancestor of chain) parent = resolve(ancestor, parent, true) ?? parent;
      resolve(code, parent, true);
    }
  }
  return { mapping, created };
}

interface Placement {
  summary: DocumentSummary;
  items: IncomingAnnotation[];
}

/**
 * @param firstIndex where this text's first annotation is in the whole file, when a large file
 *   comes in batches (an annotation without an id is reported as "#n", its place in the file)
 */
/** This copy's coder id for an annotation made under this copy's annotator name (else nothing). */
function ownCoder(ctx: ExchangeContext, annotator: string): { coderId?: string } {
  const { annotator: me, coderId } = ctx.store.data.settings;
  return coderId !== null && me !== null && me !== '' && annotator === me ? { coderId } : {};
}

export async function importAnnotations(
  ctx: ExchangeContext,
  json: string,
  unknownCodes: 'create' | 'orphan' = 'create',
  firstIndex = 0,
  /** throws to refuse the import, before anything is written (blind coding: services/visibleAnnotations.ts) */
  admit: (adding: readonly Annotation[]) => void = () => undefined,
): Promise<AnnotationImportResult> {
  const items = annotationItems(json);
  const orphans: ImportOrphan[] = [];
  const parsed: IncomingAnnotation[] = [];
  items.forEach((item, index) => {
    const result = parseItem(item, firstIndex + index);
    if (result.ok) parsed.push(result.value);
    else orphans.push({ id: result.rawId, reason: 'invalid', exact: '', message: result.message });
  });
  // documents by the sha256 of their text (a duplicate text: prefer the same Hashiya id, else the first)
  const placements = new Map<string, Placement>();
  const bySha = new Map<string, DocumentSummary[]>();
  for (const d of ctx.store.summaries()) bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);
  for (const a of parsed) {
    const candidates = (a.sha256 && bySha.get(a.sha256)) || [];
    const summary = candidates.find((d) => d.id === a.documentId) ?? candidates[0];
    if (!summary) {
      orphans.push({
        id: a.rawId,
        reason: 'document_not_found',
        exact: a.exact ?? '',
        message: a.sha256
          ? 'The text this annotation belongs to is not in this project (no document has the same text).'
          : 'The annotation does not say which text it belongs to (no urn:sha256 source).',
      });
      continue;
    }
    let placement = placements.get(summary.id);
    if (!placement) placements.set(summary.id, (placement = { summary, items: [] }));
    placement.items.push(a);
  }

  const { mapping, created } = resolveCodes(
    ctx,
    [...placements.values()].flatMap((p) => p.items),
    unknownCodes === 'create',
  );

  const claims = valueResolver(ctx.store.data.codebook.fields, ctx.store.data.registry, ctx.newId);
  const additions: { documentId: string; title: string; annotations: Annotation[] }[] = [];
  let reanchored = 0;
  let alreadyPresent = 0;
  for (const { summary, items: incoming } of placements.values()) {
    const db = await ctx.store.document(summary.id);
    const text = db.data.document.text;
    const map = createOffsetMap(text);
    const ids = new Set(db.data.annotations.map((a) => a.id));
    const spans = new Set(db.data.annotations.map(sameAnnotationKey));
    const added: Annotation[] = [];
    for (const a of incoming) {
      const exact = a.exact ?? '';
      const missing = a.codes.filter((c) => !mapping.has(c.id));
      if (missing.length > 0) {
        orphans.push({
          id: a.rawId,
          reason: 'unknown_code',
          exact,
          message: `This project’s codebook has no code ${missing.map((c) => `“${c.name}”`).join(', ')}.`,
        });
        continue;
      }
      const found = reanchor(text, map, a);
      if (!found) {
        orphans.push({
          id: a.rawId,
          reason: 'text_not_found',
          exact,
          message: `The quoted passage was not found in “${summary.title}”.`,
        });
        continue;
      }
      const now = ctx.now();
      const codes = [...new Set(a.codes.map((c) => mapping.get(c.id) as string))];
      const values = claims.resolve(a, codes);
      if (!values.ok) {
        orphans.push({ id: a.rawId, reason: 'invalid', exact, message: values.message });
        continue;
      }
      const candidate = {
        id: a.id ?? ctx.newId(),
        documentId: summary.id,
        start: found.start,
        end: found.end,
        ...anchorSpan(map, found.start, found.end),
        codes,
        values: values.values,
        annotator: a.annotator,
        // the coder the file names keeps their annotations; else this coder's own coming back
        // (their W3C export from before coder ids) are theirs again
        ...(a.coderId !== null ? { coderId: a.coderId } : ownCoder(ctx, a.annotator)),
        createdAt: a.created ?? now,
        updatedAt: a.modified ?? a.created ?? now,
      };
      if (ids.has(candidate.id) || spans.has(sameAnnotationKey(candidate))) {
        alreadyPresent++;
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
      if (found.method !== 'position') reanchored++;
      ids.add(candidate.id);
      spans.add(sameAnnotationKey(candidate));
      added.push(valid.data);
    }
    if (added.length > 0) additions.push({ documentId: summary.id, title: summary.title, annotations: added });
  }

  admit(additions.flatMap((d) => d.annotations));
  // Only codes some added annotation uses are created.
  const used = new Set(additions.flatMap((d) => d.annotations.flatMap((a) => a.codes)));
  const createdById = new Map(created.map((c) => [c.id, c]));
  const keep = new Set<string>();
  for (const c of created) {
    if (!used.has(c.id)) continue;
    for (
      let at: Code | undefined = c;
      at && !keep.has(at.id);
      at = at.parentId ? createdById.get(at.parentId) : undefined
    )
      keep.add(at.id);
  }
  const needed = created.filter((c) => keep.has(c.id));
  if (needed.length > 0) {
    const next: Codebook = { ...ctx.store.data.codebook, codes: [...ctx.store.data.codebook.codes, ...needed] };
    if (next.codes.length > MAX_CODES)
      throw new AppError(
        'too_large',
        `The codebook would exceed ${MAX_CODES.toLocaleString('en')} codes with the codes of this file. Nothing was imported.`,
      );
    await ctx.store.updateProject((data) => {
      data.codebook = next;
    });
  }
  // the actors the file brought, before any claim names them
  const registry = additions.length > 0 ? claims.changedRegistry() : null;
  if (registry)
    await ctx.store.updateProject((data) => {
      data.registry = registry;
    });
  // and the coders it names, so the coder list holds every coder whose annotations are here
  const joining = joiningCoders(
    ctx.store.data.coders,
    additions.flatMap((d) => d.annotations),
  );
  if (joining.length > 0)
    await ctx.store.updateProject((data) => {
      data.coders.push(...joining);
    });
  for (const { documentId, annotations } of additions) {
    await ctx.store.updateDocument(documentId, (file) => {
      appendAll(file.annotations, annotations);
      file.annotations.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));
    });
  }

  return {
    imported: additions.reduce((n, d) => n + d.annotations.length, 0),
    reanchored,
    alreadyPresent,
    orphans,
    createdCodes: needed.map((c) => ({ id: c.id, name: c.name })),
    documents: additions.map((d) => ({ id: d.documentId, title: d.title, imported: d.annotations.length })),
  };
}
