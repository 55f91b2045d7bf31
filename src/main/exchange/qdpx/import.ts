/**
 * import.qdpx: a REFI-QDA project as documents, codes and each user's layer (docs/export.md
 * "REFI-QDA project").
 *
 * - The archive is read with the import's zip limits and its paths checked (archive.ts); the
 *   project.qde is refused with a DOCTYPE or ENTITY (parse.ts).
 * - Each text source becomes a document with the canonical text of its plain text. A source
 *   whose text the project already has (same sha256) is that document; nothing is added twice.
 * - Codes come in as the file's tree: by id (the GUID Hashiya wrote for it), else by name, else
 *   added under their parent.
 * - Each selection's codings become one annotation a coder (the coding's or the selection's
 *   creatingUser: the User's name as annotator, its id as coder id when it is one). Positions
 *   count code points into the source's plain text; where making the text canonical changed it
 *   (line ends, blank lines, spaces), the span is found again by its quote (reanchor.ts).
 * - A selection out of its text, or naming a code the file does not have, is an orphan, listed.
 * - An annotation the document already has (same id, or same span, codes and coder) is counted,
 *   not added: importing the same file twice changes nothing.
 * - dryRun: the same report, nothing written.
 */
import { AppError } from '@shared/errors';
import type { QdpxImportReport } from '@shared/api/qdpx';
import { coderKey } from '@shared/coders/key';
import { CoderId } from '@shared/coders/model';
import { suggestColour } from '@shared/codebook/palette';
import { Annotation, Code, IsoTime, MAX_CODES, type Codebook, type DocumentSummary } from '@shared/model';
import { anchorSpan } from '@shared/text/anchor';
import { canonicalizeText } from '@shared/text/canonical';
import { cpLength, createOffsetMap } from '@shared/text/codepoints';
import { appendAll } from '@shared/exchange/jsonLdItems';
import { createHash } from 'node:crypto';
import type { ExchangeContext } from '../context';
import { reanchor } from '../reanchor';
import type { QdpxCodec } from './codec';
import { openQdpx, QDPX_LIMITS, safeEntryName, type QdpxArchive } from './archive';
import { parseQde, type QdeProject, type QdeSelection, type QdeSource } from './parse';

type Report = QdpxImportReport;
type Orphan = Report['orphans'][number];

const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

const sameKey = (a: Pick<Annotation, 'start' | 'end' | 'codes' | 'annotator' | 'coderId'>) =>
  JSON.stringify([a.start, a.end, [...new Set(a.codes)].sort(), coderKey(a)]);

function colourOf(value: string, codebook: Codebook): string {
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value.toUpperCase();
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  return suggestColour(codebook);
}

const timeOr = (value: string | null, fallback: string): string =>
  value !== null && IsoTime.safeParse(value).success ? value : fallback;

/** The plain text of a source: inline, or the archive file its plainTextPath names. */
async function sourceText(archive: QdpxArchive, source: QdeSource): Promise<string | null> {
  if (source.plainTextContent !== null && source.plainTextPath === null) return source.plainTextContent;
  const path = source.plainTextPath;
  if (path === null) return null;
  const m = /^(internal|relative):\/\/\/?(.*)$/i.exec(path);
  if (!m) return null;
  const rest = (m[2] as string).replace(/^\/+/, '');
  const names = m[1]?.toLowerCase() === 'internal' ? [`sources/${rest}`, rest] : [rest, `sources/${rest}`];
  for (const name of names) {
    if (!safeEntryName(name)) continue;
    const bytes = await archive.read(name, QDPX_LIMITS.maxSourceBytes);
    if (bytes) return new TextDecoder('utf-8').decode(bytes);
  }
  return null;
}

/** The code tree: this codebook's id of each code GUID; codes to add, parents first. */
function resolveCodes(project: QdeProject, codebook: Codebook, codec: QdpxCodec, warnings: string[]) {
  // the GUID each code of this codebook exports with, computed once
  const byGuid = new Map(codebook.codes.map((c) => [codec.guidForId(c.id), c.id]));
  const byId = new Set(codebook.codes.map((c) => c.id));
  const byName = new Map(codebook.codes.map((c) => [nameKey(c.name), c.id]));
  const mapping = new Map<string, string>();
  const created: Code[] = [];
  let matched = 0;
  let unnamed = 0;
  const growing: Codebook = { ...codebook, codes: [...codebook.codes] };
  for (const code of project.codes) {
    if (mapping.has(code.guid)) continue;
    if (!code.name) {
      unnamed++;
      continue;
    }
    const id = byGuid.get(code.guid) ?? code.guid;
    if (byId.has(id)) {
      mapping.set(code.guid, id);
      matched++;
      continue;
    }
    const named = byName.get(nameKey(code.name));
    if (named) {
      mapping.set(code.guid, named);
      matched++;
      continue;
    }
    const parts = codec.readCodeDescription(code.description);
    const made = Code.safeParse({
      id,
      name: code.name.slice(0, 200),
      nameAr: parts.nameAr.slice(0, 200),
      description: parts.description.slice(0, 5000),
      example: parts.example.slice(0, 2000),
      color: colourOf(code.color, growing),
      // a shortcut key another code already has is left off
      key: parts.key !== null && !growing.codes.some((c) => c.key === parts.key) ? parts.key : null,
      parentId: code.parentGuid !== null ? (mapping.get(code.parentGuid) ?? null) : null,
    });
    if (!made.success) {
      warnings.push(`The code “${code.name.slice(0, 100)}” could not be added: ${made.error.issues[0]?.message ?? ''}`);
      continue;
    }
    created.push(made.data);
    growing.codes.push(made.data);
    byId.add(id);
    byName.set(nameKey(made.data.name), id);
    mapping.set(code.guid, id);
  }
  if (unnamed > 0) warnings.push(`${unnamed} code(s) without a name were left out.`);
  if (codebook.codes.length + created.length > MAX_CODES)
    throw new AppError(
      'too_large',
      `The codebook would exceed ${MAX_CODES.toLocaleString('en')} codes with the codes of this file. Nothing was imported.`,
    );
  return { mapping, created, matched };
}

interface Coder {
  annotator: string;
  coderId: string | undefined;
}

function coderOf(project: QdeProject, guid: string | null): Coder {
  const user = guid !== null ? project.users.get(guid) : undefined;
  if (!user) return { annotator: guid !== null ? `REFI user ${guid.slice(0, 8)}` : '', coderId: undefined };
  const id = CoderId.safeParse(user.id);
  return {
    annotator: (user.name || `REFI user ${user.guid.slice(0, 8)}`).slice(0, 200),
    coderId: id.success ? id.data : undefined,
  };
}

/** The quote as the canonical text would have it (line ends, tabs, blank lines, NFC), trimmed. */
function canonicalQuote(quote: string): string {
  return (
    quote
      // eslint-disable-next-line no-control-regex -- the line breaks canonicalizeText turns into "\n"
      .replace(/\r\n?|[\u2028\u0085\u000B\u000C]/g, '\n')
      .replace(/\t/g, ' ')
      .normalize('NFC')
      .replace(/[ \t]*\n\s*/g, '\n')
      .trim()
  );
}

interface PlannedDocument {
  name: string;
  existing: DocumentSummary | null;
  /** the canonical text */
  text: string;
  title: string;
  warnings: string[];
  annotations: Omit<Annotation, 'documentId'>[];
  selections: number;
  reanchored: number;
  alreadyPresent: number;
}

export async function importQdpx(
  ctx: ExchangeContext,
  bytes: Buffer,
  codec: QdpxCodec,
  options: {
    dryRun?: boolean | undefined;
    /** throws to refuse the import, dry run or not, before anything is written (blind coding) */
    admit?: (adding: readonly Omit<Annotation, 'documentId'>[]) => void;
  } = {},
): Promise<Report & { addedDocumentIds: string[] }> {
  const dryRun = options.dryRun === true;
  const archive = await openQdpx(bytes);
  let project: QdeProject;
  const planned: PlannedDocument[] = [];
  const orphans: Orphan[] = [];
  const skipped: Report['skipped'] = [];
  const warnings: string[] = [];
  const now = ctx.now();
  try {
    const qde = await archive.read('project.qde', QDPX_LIMITS.maxProjectBytes);
    if (!qde)
      throw new AppError(
        'unprocessable',
        'This is not a REFI-QDA project: the archive has no project.qde. Nothing was imported.',
      );
    project = parseQde(new TextDecoder('utf-8').decode(qde), codec);
    const codes = resolveCodes(project, ctx.store.data.codebook, codec, warnings);
    skipped.push(...project.skipped);

    const bySha = new Map<string, DocumentSummary>();
    for (const d of ctx.store.summaries()) if (!bySha.has(d.sha256)) bySha.set(d.sha256, d);
    const plannedBySha = new Map<string, PlannedDocument>();

    for (const source of project.sources) {
      const label = source.name || source.guid || 'unnamed source';
      const raw = await sourceText(archive, source);
      if (raw === null) {
        skipped.push({ kind: 'text', name: label });
        const path = source.plainTextPath ?? '';
        warnings.push(
          /^absolute:/i.test(path)
            ? `“${label}” points at a file outside the archive (${path.slice(0, 200)}); it was left out.`
            : `The text of “${label}” is not in the archive; it was left out.`,
        );
        for (const [i, s] of source.selections.entries())
          orphans.push({
            id: s.guid ?? `#${i + 1}`,
            source: label,
            reason: 'source_missing',
            exact: s.name,
            message: `The text of “${label}” is not in the archive.`,
          });
        continue;
      }
      const positioned = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      const canonical = canonicalizeText(positioned, { paragraphs: 'lines' });
      if (canonical.text.trim() === '') {
        skipped.push({ kind: 'text', name: label });
        warnings.push(`“${label}” has no text; it was left out.`);
        continue;
      }
      const sha = createHash('sha256').update(canonical.text, 'utf8').digest('hex');
      const existing = bySha.get(sha) ?? null;
      let doc = plannedBySha.get(sha);
      if (!doc) {
        doc = {
          name: label,
          existing,
          text: canonical.text,
          title: source.name.trim() || label,
          warnings: canonical.warnings.map((w) => w.message),
          annotations: [],
          selections: 0,
          reanchored: 0,
          alreadyPresent: 0,
        };
        plannedBySha.set(sha, doc);
        planned.push(doc);
      }
      await placeSelections(ctx, codec, project, source, label, positioned, doc, codes.mapping, orphans, now);
    }

    const coders = new Map<string, { name: string; coderId: string | null; annotations: number }>();
    for (const d of planned)
      for (const a of d.annotations) {
        const key = coderKey(a);
        const c = coders.get(key) ?? { name: a.annotator, coderId: a.coderId ?? null, annotations: 0 };
        c.annotations++;
        coders.set(key, c);
      }

    options.admit?.(planned.flatMap((d) => d.annotations));
    const addedDocumentIds: string[] = [];
    const documentIds = new Map<PlannedDocument, string | null>();
    if (!dryRun) {
      if (codes.created.length > 0)
        await ctx.store.updateProject((data) => {
          data.codebook = { ...data.codebook, codes: [...data.codebook.codes, ...codes.created] };
        });
      const newCoders = [...coders.values()].filter(
        (c) => c.coderId !== null && !ctx.store.data.coders.some((k) => k.id === c.coderId),
      );
      if (newCoders.length > 0)
        await ctx.store.updateProject((data) => {
          for (const c of newCoders) if (c.name) data.coders.push({ id: c.coderId as string, name: c.name });
        });
      for (const d of planned) {
        let id = d.existing?.id;
        if (!id) {
          const file = codec.newDocumentFile(ctx.newId(), d.text, d.title, now);
          id = (await ctx.store.addDocument(file)).id;
          addedDocumentIds.push(id);
        }
        documentIds.set(d, id);
        if (d.annotations.length > 0) {
          const documentId = id;
          await ctx.store.updateDocument(documentId, (file) => {
            appendAll(
              file.annotations,
              d.annotations.map((a) => ({ ...a, documentId })),
            );
            file.annotations.sort(
              (a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt),
            );
          });
        }
      }
    }

    return {
      dryRun,
      project: project.name,
      documents: planned.map((d) => ({
        name: d.name,
        status: d.existing ? 'existing' : 'new',
        documentId: d.existing?.id ?? documentIds.get(d) ?? null,
        selections: d.selections,
        imported: d.annotations.length,
      })),
      createdCodes: codes.created.map((c) => ({ id: c.id, name: c.name })),
      matchedCodes: codes.matched,
      coders: [...coders.values()],
      imported: planned.reduce((n, d) => n + d.annotations.length, 0),
      reanchored: planned.reduce((n, d) => n + d.reanchored, 0),
      alreadyPresent: planned.reduce((n, d) => n + d.alreadyPresent, 0),
      orphans,
      skipped,
      warnings: [...warnings, ...planned.flatMap((d) => d.warnings.map((w) => `“${d.name}”: ${w}`))],
      addedDocumentIds,
    };
  } finally {
    archive.close();
  }
}

/** Each selection's codings, grouped by coder, as annotations of the planned document. */
async function placeSelections(
  ctx: ExchangeContext,
  codec: QdpxCodec,
  project: QdeProject,
  source: QdeSource,
  label: string,
  positioned: string,
  doc: PlannedDocument,
  mapping: ReadonlyMap<string, string>,
  orphans: Orphan[],
  now: string,
): Promise<void> {
  const sourceMap = createOffsetMap(positioned);
  const map = createOffsetMap(doc.text);
  const identical = positioned === doc.text;
  const existing = doc.existing ? (await ctx.store.peekDocument(doc.existing.id)).annotations : [];
  // the GUID each annotation of the document exports with, computed once
  const byGuid = new Map(existing.map((a) => [codec.guidForId(a.id), a.id]));
  const ids = new Set([...existing.map((a) => a.id), ...doc.annotations.map((a) => a.id)]);
  const keys = new Set([...existing, ...doc.annotations].map(sameKey));
  const length = cpLength(positioned);

  source.selections.forEach((s: QdeSelection, index) => {
    doc.selections++;
    const rawId = s.guid ?? `#${index + 1}`;
    const exactInSource =
      Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end
        ? sourceMap.slice(s.start, s.end)
        : null;
    if (exactInSource === null) {
      orphans.push({
        id: rawId,
        source: label,
        reason: 'out_of_range',
        exact: s.name.slice(0, 500),
        message: `The coding at ${s.start}–${s.end} is not within the text of “${label}” (${length} characters).`,
      });
      return;
    }
    // one annotation per coder: codings of the selection grouped by their creating user
    const groups = new Map<string | null, string[]>();
    const unknown: string[] = [];
    for (const coding of s.codings) {
      const id = coding.codeGuid !== null ? mapping.get(coding.codeGuid) : undefined;
      if (!id) {
        unknown.push(coding.codeGuid ?? '(none)');
        continue;
      }
      const user = coding.user ?? s.user;
      groups.set(user, [...(groups.get(user) ?? []), id]);
    }
    if (unknown.length > 0) {
      orphans.push({
        id: rawId,
        source: label,
        reason: 'unknown_code',
        exact: exactInSource.slice(0, 500),
        message: `The coding names a code the file’s code book does not have (${unknown.join(', ')}).`,
      });
      if (groups.size === 0) return;
    }
    if (groups.size === 0) groups.set(s.user, []);

    let start = s.start;
    let end = s.end;
    let moved = false;
    if (!identical) {
      const exact = canonicalQuote(exactInSource);
      const found = exact
        ? reanchor(doc.text, map, {
            start: null,
            end: null,
            exact,
            prefix: canonicalQuote(sourceMap.slice(Math.max(0, s.start - 32), s.start)),
            suffix: canonicalQuote(sourceMap.slice(s.end, Math.min(length, s.end + 32))),
          })
        : null;
      if (!found) {
        orphans.push({
          id: rawId,
          source: label,
          reason: 'text_not_found',
          exact: exactInSource.slice(0, 500),
          message: `The coded passage was not found in the text of “${label}” once its line ends and spaces were made regular.`,
        });
        return;
      }
      ({ start, end } = found);
      moved = found.start !== s.start || found.end !== s.end;
    }
    let n = 0;
    for (const [user, codes] of groups) {
      const coder = coderOf(project, user);
      const baseId = s.guid !== null ? (byGuid.get(s.guid) ?? s.guid) : ctx.newId();
      const id = n++ === 0 ? baseId : `${baseId.slice(0, 50)}_${n}`;
      const candidate = {
        id,
        start,
        end,
        ...anchorSpan(map, start, end),
        codes: [...new Set(codes)],
        values: {},
        annotator: coder.annotator,
        ...(coder.coderId ? { coderId: coder.coderId } : {}),
        createdAt: timeOr(s.created, now),
        updatedAt: timeOr(s.modified ?? s.created, now),
      };
      if (ids.has(candidate.id) || keys.has(sameKey(candidate))) {
        doc.alreadyPresent++;
        continue;
      }
      const valid = Annotation.safeParse({ ...candidate, documentId: 'planned' });
      if (!valid.success) {
        const issue = valid.error.issues[0];
        orphans.push({
          id: rawId,
          source: label,
          reason: 'invalid',
          exact: exactInSource.slice(0, 500),
          message: `The coding cannot be stored: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        });
        continue;
      }
      const { documentId: _planned, ...annotation } = valid.data;
      ids.add(id);
      keys.add(sameKey(candidate));
      doc.annotations.push(annotation);
      if (moved) doc.reanchored++;
    }
  });
}
