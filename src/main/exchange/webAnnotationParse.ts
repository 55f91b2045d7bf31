/**
 * Reading W3C Web Annotation JSON-LD written by Hashiya (or by another tool that uses the same
 * selectors). The file as a whole must be recognisable (an AnnotationCollection, an
 * AnnotationPage, one Annotation, or an array of them) or it is refused with AppError; each
 * annotation inside is then read on its own, and one that cannot be understood becomes an orphan
 * with a reason instead of failing the whole file.
 */
import { z } from 'zod';
import { annotationItemsOf, parseJsonLd } from '@shared/exchange/jsonLdItems';
import { CODE_PATH_SEPARATOR } from './codeLabels';
import { CoderId } from '@shared/coders/model';
import {
  ANNOTATION_URN,
  CODE_URN,
  CODER_URN,
  DOCUMENT_URN,
  LEGACY_FIELDS,
  SHA256_URN,
  stripPrefix,
} from './webAnnotationVocab';

export interface IncomingCode {
  /** the code id in the file (without urn:hashiya:code:) */
  id: string;
  name: string;
  nameAr: string;
  parentId: string | null;
  color: string | null;
  /**
   * The code's parents, outermost first, so a colleague's hierarchy can be rebuilt even when a
   * parent tags nothing itself: from `hashiya:ancestors`, or else from the names in
   * `hashiya:path` (the parent's id from `hashiya:parent`, the others' unknown).
   */
  ancestors: IncomingAncestor[];
}

export interface IncomingAncestor {
  id: string | null;
  name: string;
  nameAr: string;
  color: string | null;
}

/** Deeper hierarchies than this are not rebuilt (the code lands under the deepest parent kept). */
const MAX_ANCESTORS = 16;

export interface IncomingAnnotation {
  /** the annotation's id as written in the file (for reports) */
  rawId: string;
  /** the Hashiya id, when the file's id is one */
  id: string | null;
  sha256: string | null;
  documentId: string | null;
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string;
  suffix: string;
  codes: IncomingCode[];
  /** the claim values the file carries, in its order (a field key listed twice: the last wins) */
  values: IncomingValue[];
  /** a format-2 file's note (a commenting body), for the `note` field */
  note: string;
  annotator: string;
  /** the creator's coder id (`urn:hashiya:coder:…`), when the file names one */
  coderId: string | null;
  created: string | null;
  modified: string | null;
}

/** One claim value as the file writes it (webAnnotationVocab.ts). */
export interface IncomingValue {
  key: string;
  /** what a person reads: a name, a choice's name, the text */
  text: string;
  /** the value as stored (`hashiya:value`), when the file has it */
  raw: unknown;
  /** an actor's or a place's names, to match it by name in a project that lacks its id */
  entity: { nameAr: string; nameLatin: string; aliases: string[] } | null;
  /** from a format-2 file: a name or a choice's name only */
  legacy: boolean;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 100) : [];

function readEntity(v: unknown): IncomingValue['entity'] {
  if (!isObject(v)) return null;
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 500) : '');
  return { nameAr: str(v.nameAr), nameLatin: str(v.nameLatin), aliases: strings(v.aliases) };
}

export type ParsedItem = { ok: true; value: IncomingAnnotation } | { ok: false; rawId: string; message: string };

const typeIs = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));

const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.id === 'string') return value.id;
  if (isObject(value) && typeof value['@id'] === 'string') return value['@id'];
  return null;
};

const HASHIYA_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO = z.iso.datetime({ offset: true });

const PositionSelector = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const QuoteSelector = z.object({
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

/** The annotations of a file, each as raw JSON; AppError when the file is not Web Annotation JSON-LD. */
export function annotationItems(json: string): unknown[] {
  return annotationItemsOf(parseJsonLd(json));
}

function readCode(body: Record<string, unknown>): IncomingCode | null {
  const source = body.source;
  const id = idOf(source);
  if (!id) return null;
  const codeId = stripPrefix(id, CODE_URN) ?? id;
  const s = isObject(source) ? source : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const colour = (v: unknown) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v) ? v : null);
  const parent = idOf(s['hashiya:parent']);
  const parentId = parent ? (stripPrefix(parent, CODE_URN) ?? parent) : null;
  return {
    id: codeId,
    name: text(s.label) || text(s.prefLabel) || text(s.name) || codeId,
    nameAr: text(s['hashiya:nameAr']),
    parentId,
    color: colour(s['hashiya:color']),
    ancestors: parentId ? readAncestors(s, parentId, text, colour) : [],
  };
}

function readAncestors(
  s: Record<string, unknown>,
  parentId: string,
  text: (v: unknown) => string,
  colour: (v: unknown) => string | null,
): IncomingAncestor[] {
  const listed = s['hashiya:ancestors'];
  if (Array.isArray(listed)) {
    const out: IncomingAncestor[] = [];
    for (const a of listed.slice(-MAX_ANCESTORS)) {
      if (!isObject(a)) continue;
      const id = idOf(a);
      const name = text(a.label).trim();
      if (!name) continue;
      out.push({
        id: id ? (stripPrefix(id, CODE_URN) ?? id) : null,
        name,
        nameAr: text(a['hashiya:nameAr']),
        color: colour(a['hashiya:color']),
      });
    }
    if (out.length > 0) return out;
  }
  // an older export: only the names on the path, and the parent's id
  const names = text(s['hashiya:path'])
    .split(CODE_PATH_SEPARATOR)
    .map((n) => n.trim());
  names.pop();
  if (names.length === 0 || names.some((n) => n === '')) return [];
  return names
    .slice(-MAX_ANCESTORS)
    .map((name, i, all) => ({ id: i === all.length - 1 ? parentId : null, name, nameAr: '', color: null }));
}

/** One annotation of the file, read leniently; fields Hashiya does not know are ignored. */
export function parseItem(item: unknown, index: number): ParsedItem {
  const fallbackId = `#${index + 1}`;
  if (!isObject(item)) return { ok: false, rawId: fallbackId, message: 'This entry is not an annotation object.' };
  const rawId = idOf(item) ?? fallbackId;
  if (!typeIs(item.type, 'Annotation')) return { ok: false, rawId, message: 'This entry is not of type Annotation.' };

  const target = asArray(item.target).find((t) => isObject(t) || typeof t === 'string');
  if (target === undefined) return { ok: false, rawId, message: 'The annotation has no target.' };
  const sourceId = isObject(target) ? idOf(target.source) : target;
  const source = isObject(target) && isObject(target.source) ? target.source : {};
  const docRef = idOf(source['hashiya:document']);

  let start: number | null = null;
  let end: number | null = null;
  let exact: string | null = null;
  let prefix = '';
  let suffix = '';
  for (const selector of isObject(target) ? asArray(target.selector) : []) {
    if (!isObject(selector)) continue;
    if (typeIs(selector.type, 'TextPositionSelector')) {
      const p = PositionSelector.safeParse(selector);
      if (p.success && p.data.end > p.data.start) ({ start, end } = p.data);
    } else if (typeIs(selector.type, 'TextQuoteSelector')) {
      const q = QuoteSelector.safeParse(selector);
      if (q.success) {
        exact = q.data.exact;
        prefix = q.data.prefix ?? '';
        suffix = q.data.suffix ?? '';
      }
    }
  }
  if (start === null && exact === null) {
    return { ok: false, rawId, message: 'The annotation has neither a TextPositionSelector nor a TextQuoteSelector.' };
  }

  const codes: IncomingCode[] = [];
  const values: IncomingValue[] = [];
  let note = '';
  for (const body of asArray(item.body)) {
    if (!isObject(body)) continue;
    const purpose = body.purpose;
    const value = typeof body.value === 'string' ? body.value : null;
    if (typeIs(body.type, 'SpecificResource') && (typeIs(purpose, 'classifying') || typeIs(purpose, 'tagging'))) {
      const code = readCode(body);
      if (code) codes.push(code);
    } else if (typeIs(body.type, 'TextualBody') && value !== null) {
      const field = body['hashiya:field'];
      if (typeof field === 'string' && field.length <= 40) {
        const legacy = !Object.hasOwn(body, 'hashiya:value');
        const key = legacy && Object.hasOwn(LEGACY_FIELDS, field) ? (LEGACY_FIELDS[field] as string) : field;
        values.push({
          key,
          text: value,
          raw: legacy ? value : body['hashiya:value'],
          entity: readEntity(body['hashiya:entity']),
          legacy,
        });
      } else if (typeIs(purpose, 'commenting') || purpose === undefined) note = note ? `${note}\n${value}` : value;
    }
  }

  const creator = asArray(item.creator)[0];
  const annotator =
    typeof creator === 'string' ? creator : isObject(creator) && typeof creator.name === 'string' ? creator.name : '';
  const creatorRef = isObject(creator) ? (creator.id ?? creator['@id']) : null;
  const coderRef = typeof creatorRef === 'string' ? stripPrefix(creatorRef, CODER_URN) : null;
  const coderId = coderRef !== null && CoderId.safeParse(coderRef).success ? coderRef : null;
  const time = (v: unknown) => (typeof v === 'string' && ISO.safeParse(v).success ? v : null);
  const localId = stripPrefix(rawId, ANNOTATION_URN);
  return {
    ok: true,
    value: {
      rawId,
      id: localId !== null && HASHIYA_ID.test(localId) ? localId : null,
      sha256: sourceId ? (stripPrefix(sourceId, SHA256_URN)?.toLowerCase() ?? null) : null,
      documentId: docRef ? stripPrefix(docRef, DOCUMENT_URN) : null,
      start,
      end,
      exact,
      prefix,
      suffix,
      codes,
      values,
      note,
      annotator,
      coderId,
      created: time(item.created),
      modified: time(item.modified),
    },
  };
}
