/**
 * Reading project.qde (REFI-QDA project XML, urn:QDA-XML:project:1.0) into what import.qdpx uses:
 * users, the code tree, and the text sources with their selections and codings. A TextSource's
 * text is its plainTextPath file (or PlainTextContent); a PDFSource's is its Representation's
 * plain text, whose selections count into it. Pictures, audio and video have no text and are
 * listed as skipped. XML with a DOCTYPE is refused before parsing (no entity can be declared,
 * so none can expand or point outside the file).
 */
import { fastXml } from '../../fastXml';
import { AppError } from '@shared/errors';
import type { QdpxCodec } from './codec';
import { normaliseGuid } from './guid';

export interface QdeUser {
  guid: string;
  name: string;
  /** the id attribute (Hashiya writes the coder id there) */
  id: string;
}

export interface QdeCode {
  guid: string;
  name: string;
  color: string;
  description: string;
  parentGuid: string | null;
}

export interface QdeCoding {
  codeGuid: string | null;
  user: string | null;
  created: string | null;
}

export interface QdeSelection {
  guid: string | null;
  /** the positions as written (integers or not) */
  start: number;
  end: number;
  name: string;
  description: string;
  user: string | null;
  created: string | null;
  modified: string | null;
  codings: QdeCoding[];
}

export interface QdeSource {
  guid: string | null;
  name: string;
  description: string;
  /** internal://… or relative://… path of the plain text, or null when the text is inline */
  plainTextPath: string | null;
  plainTextContent: string | null;
  selections: QdeSelection[];
  created: string | null;
}

export interface QdeProject {
  name: string;
  users: Map<string, QdeUser>;
  codes: QdeCode[];
  sources: QdeSource[];
  /** sources with no plain text (pictures, audio, video): kind and name */
  skipped: { kind: string; name: string }[];
}

const notQde = (why: string) =>
  new AppError('unprocessable', `This is not a REFI-QDA project: ${why}. Nothing was imported.`);

type El = Record<string, unknown>;
const ARRAYS = new Set([
  'User',
  'Code',
  'TextSource',
  'PDFSource',
  'PictureSource',
  'AudioSource',
  'VideoSource',
  'Representation',
  'PlainTextSelection',
  'Coding',
]);

const list = (value: unknown): El[] =>
  Array.isArray(value) ? value.filter((v): v is El => typeof v === 'object' && v !== null) : [];
const attr = (el: El, name: string): string => {
  const v = el[`@_${name}`];
  return typeof v === 'string' ? v : '';
};
const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && typeof (value as El)['#text'] === 'string'
      ? ((value as El)['#text'] as string)
      : '';
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A position attribute: a whole number, else NaN (reported as an orphan, not a failure). */
const position = (value: string): number => (/^\s*\d{1,15}\s*$/.test(value) ? Number(value) : Number.NaN);

function parseXml(xml: string, decode: QdpxCodec['decodeXmlReferences']): El {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml))
    throw new AppError(
      'unprocessable',
      'The project.qde declares a DOCTYPE or an ENTITY. REFI-QDA projects do not use one, and Hashiya does not read files that do (they can define entities that expand or point at other files). Nothing was imported.',
    );
  const { XMLParser, XMLValidator } = fastXml();
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw notQde(`its project.qde is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    entityDecoder: {
      decode,
      addInputEntities: () => undefined,
      setExternalEntities: () => undefined,
      reset: () => undefined,
      setXmlVersion: () => undefined,
    },
    isArray: (name) => ARRAYS.has(name),
  });
  try {
    return parser.parse(xml, true) as El;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notQde(`its project.qde cannot be read (${(err as Error).message.split('\n')[0]})`);
  }
}

function readSelections(el: El): QdeSelection[] {
  return list(el.PlainTextSelection).map((s) => ({
    guid: normaliseGuid(attr(s, 'guid')),
    start: position(attr(s, 'startPosition')),
    end: position(attr(s, 'endPosition')),
    name: attr(s, 'name'),
    description: text(s.Description),
    user: normaliseGuid(attr(s, 'creatingUser')),
    created: orNull(attr(s, 'creationDateTime')),
    modified: orNull(attr(s, 'modifiedDateTime')),
    codings: list(s.Coding).map((c) => ({
      codeGuid: normaliseGuid(c.CodeRef && typeof c.CodeRef === 'object' ? attr(c.CodeRef as El, 'targetGUID') : ''),
      user: normaliseGuid(attr(c, 'creatingUser')),
      created: orNull(attr(c, 'creationDateTime')),
    })),
  }));
}

function readCodes(codes: El | undefined): QdeCode[] {
  const out: QdeCode[] = [];
  // depth first without recursion: codes nested thousands deep get no stack overflow
  const stack: { items: El[]; next: number; parent: string | null }[] = [];
  if (codes) stack.push({ items: list(codes.Code), next: 0, parent: null });
  while (stack.length > 0) {
    const level = stack[stack.length - 1] as (typeof stack)[number];
    const el = level.items[level.next++];
    if (!el) {
      stack.pop();
      continue;
    }
    const guid = normaliseGuid(attr(el, 'guid'));
    if (!guid) continue;
    out.push({
      guid,
      name: attr(el, 'name').trim(),
      color: attr(el, 'color').trim(),
      description: text(el.Description),
      parentGuid: level.parent,
    });
    stack.push({ items: list(el.Code), next: 0, parent: guid });
  }
  return out;
}

export function parseQde(xml: string, codec: QdpxCodec): QdeProject {
  const doc = parseXml(xml.startsWith('\uFEFF') ? xml.slice(1) : xml, codec.decodeXmlReferences);
  const root = doc.Project;
  if (!root || typeof root !== 'object' || Array.isArray(root))
    throw notQde('its project.qde has no <Project> element');
  const project = root as El;
  const ns = attr(project, 'xmlns');
  if (ns && !/^urn:QDA-XML:project:1\.\d+$/i.test(ns))
    throw notQde(`its project.qde is in the namespace “${ns.slice(0, 100)}”, not urn:QDA-XML:project:1.0`);

  const users = new Map<string, QdeUser>();
  const usersEl = project.Users as El | undefined;
  for (const u of list(usersEl?.User)) {
    const guid = normaliseGuid(attr(u, 'guid'));
    if (guid) users.set(guid, { guid, name: attr(u, 'name').trim(), id: attr(u, 'id').trim() });
  }
  const book = project.CodeBook as El | undefined;
  const codes = readCodes(book && typeof book === 'object' ? (book.Codes as El | undefined) : undefined);

  const sourcesEl = (project.Sources && typeof project.Sources === 'object' ? project.Sources : {}) as El;
  const sources: QdeSource[] = [];
  for (const s of list(sourcesEl.TextSource)) {
    const content = s.PlainTextContent;
    sources.push({
      guid: normaliseGuid(attr(s, 'guid')),
      name: attr(s, 'name'),
      description: text(s.Description),
      plainTextPath: orNull(attr(s, 'plainTextPath')),
      plainTextContent: content === undefined ? null : text(content),
      selections: readSelections(s),
      created: orNull(attr(s, 'creationDateTime')),
    });
  }
  const skipped: { kind: string; name: string }[] = [];
  for (const s of list(sourcesEl.PDFSource)) {
    const representation = list(s.Representation)[0];
    if (!representation) {
      skipped.push({ kind: 'PDF', name: attr(s, 'name') });
      continue;
    }
    sources.push({
      guid: normaliseGuid(attr(s, 'guid')),
      name: attr(s, 'name') || attr(representation, 'name'),
      description: text(s.Description),
      plainTextPath: orNull(attr(representation, 'plainTextPath')),
      plainTextContent: representation.PlainTextContent === undefined ? null : text(representation.PlainTextContent),
      selections: readSelections(representation),
      created: orNull(attr(s, 'creationDateTime')),
    });
  }
  for (const [kind, key] of [
    ['picture', 'PictureSource'],
    ['audio', 'AudioSource'],
    ['video', 'VideoSource'],
  ] as const)
    for (const s of list(sourcesEl[key])) skipped.push({ kind, name: attr(s, 'name') });
  return { name: attr(project, 'name'), users, codes, sources, skipped };
}
