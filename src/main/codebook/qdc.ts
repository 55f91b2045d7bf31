/**
 * The REFI-QDA codebook exchange format (.qdc), which ATLAS.ti, NVivo, MAXQDA and QualCoder read:
 *
 *   <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Hashiya">
 *     <Codes>
 *       <Code guid="…" name="…" isCodable="true" color="#RRGGBB">
 *         <Description>…</Description>
 *         <Code …/>            (sub-codes nest inside their parent)
 *       </Code>
 *     </Codes>
 *   </CodeBook>
 *
 * The standard has no place for a second-language name, an example or a shortcut key, so they
 * travel at the end of the Description, after a blank line, as labelled lines other programs
 * show as plain text and Hashiya reads back:
 *
 *   <definition>
 *
 *   Example: <example>
 *   Arabic name: <Arabic name>
 *   Shortcut key: <1–9>
 */
import { fastXml } from '../fastXml';
import { AppError } from '@shared/errors';
import type { Code } from '@shared/model';
import { treeRows } from '@shared/codebook/tree';
import { guidForId, idForGuid, isUuid } from './guid';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

const LABELS = { example: 'Example', nameAr: 'Arabic name', key: 'Shortcut key' } as const;

export function describeForQdc(code: Pick<Code, 'description' | 'example' | 'nameAr' | 'key'>): string {
  const trailer: string[] = [];
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  if (code.example.trim()) trailer.push(`${LABELS.example}: ${oneLine(code.example)}`);
  if (code.nameAr.trim()) trailer.push(`${LABELS.nameAr}: ${oneLine(code.nameAr)}`);
  if (code.key) trailer.push(`${LABELS.key}: ${code.key}`);
  const definition = code.description.trim();
  if (trailer.length === 0) return definition;
  return definition ? `${definition}\n\n${trailer.join('\n')}` : trailer.join('\n');
}

export function readQdcDescription(text: string): {
  description: string;
  example: string;
  nameAr: string;
  key: string | null;
} {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found: { example: string; nameAr: string; key: string | null } = { example: '', nameAr: '', key: null };
  let end = lines.length;
  while (end > 0 && (lines[end - 1] as string).trim() === '') end--;
  let at = end;
  const pattern = /^\s*(Example|Arabic name|Shortcut key):\s?(.*)$/;
  while (at > 0) {
    const m = pattern.exec(lines[at - 1] as string);
    if (!m) break;
    at--;
  }
  // the labelled lines count only as a trailer: at the very start, or after a blank line
  if (at < end && (at === 0 || (lines[at - 1] as string).trim() === '')) {
    for (const line of lines.slice(at, end)) {
      const m = pattern.exec(line) as RegExpExecArray;
      const value = (m[2] ?? '').trim();
      if (m[1] === LABELS.example) found.example = value;
      else if (m[1] === LABELS.nameAr) found.nameAr = value;
      else if (/^[1-9]$/.test(value)) found.key = value;
    }
    return { description: lines.slice(0, at).join('\n').trim(), ...found };
  }
  return { description: text.trim(), ...found };
}

type XmlCode = Record<string, unknown>;

export function buildQdc(codes: readonly Code[]): string {
  const rows = treeRows({ codes: [...codes], fields: [] });
  const nodes = new Map<string, XmlCode>();
  const top: XmlCode[] = [];
  for (const { code } of rows) {
    const node: XmlCode = {
      '@_guid': guidForId(code.id),
      '@_name': code.name,
      '@_isCodable': 'true',
      '@_color': code.color.toUpperCase(),
      Description: describeForQdc(code),
    };
    nodes.set(code.id, node);
    const parent = code.parentId ? nodes.get(code.parentId) : undefined;
    if (parent) ((parent.Code ??= []) as XmlCode[]).push(node);
    else top.push(node);
  }
  const { XMLBuilder } = fastXml();
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: false,
    suppressBooleanAttributes: false,
  });
  const xml = builder.build({
    CodeBook: { '@_xmlns': QDC_NAMESPACE, '@_origin': 'Hashiya', Codes: { Code: top } },
  }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml}`;
}

const XML_NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;

/** A code point XML allows in a document (the Char production of XML 1.0). */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Decode the references XML defines in text and attribute values: the five predefined entities
 * and numeric character references (decimal `&#1581;`, hexadecimal `&#x62D;`). One pass, so what
 * a reference produces is never read again (`&amp;#65;` is the text "&#65;"), and nothing else
 * expands: there is no DTD, so there are no other entities.
 */
export function decodeXmlReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    REFERENCE,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return XML_NAMED[name] as string;
      const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
      if (!isXmlChar(cp)) {
        throw new AppError(
          'unprocessable',
          `The codebook file is not well-formed XML (the reference ${whole.slice(0, 20)} names no character).`,
        );
      }
      return String.fromCodePoint(cp);
    },
  );
}

export function parseQdcXml(xml: string): Record<string, unknown> {
  // A REFI-QDA codebook has no DTD. One could declare entities that expand (billion laughs) or
  // point outside the file (XXE), so a file with a DOCTYPE is refused before it is parsed.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new AppError(
      'unprocessable',
      'The codebook file declares a DOCTYPE. REFI-QDA codebooks do not use one, and Hashiya does not read files that do (they can define entities).',
    );
  }
  const { XMLParser } = fastXml();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // text and attribute values (not CDATA) are decoded by decodeXmlReferences, in one pass;
    // entities a DTD declares are never used (and a DOCTYPE is refused above)
    entityDecoder: {
      decode: decodeXmlReferences,
      addInputEntities: () => undefined,
      setExternalEntities: () => undefined,
      reset: () => undefined,
      setXmlVersion: () => undefined,
    },
    isArray: (name) => name === 'Code',
  });
  try {
    return parser.parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RangeError || /Maximum nested tags/i.test((err as Error).message)) {
      // the XML reader refuses (or cannot follow) elements nested some thousands deep
      throw new AppError(
        'unprocessable',
        'The codebook file nests its elements too deeply to be read (thousands of levels); no codebook needs that.',
      );
    }
    throw new AppError(
      'unprocessable',
      `The codebook file is not well-formed XML (${(err as Error).message.split('\n')[0]}).`,
    );
  }
}

/** A .qdc file's codes as codebook codes; ids come back from GUIDs where a known id matches. */
export function readQdc(xml: string, knownIds: Iterable<string>, newId: () => string): Code[] {
  const doc = parseQdcXml(xml);
  const book = doc.CodeBook as Record<string, unknown> | undefined;
  if (!book || typeof book !== 'object') {
    throw new AppError('unprocessable', 'This is not a REFI-QDA codebook: it has no <CodeBook> element.');
  }
  const codesEl = book.Codes as Record<string, unknown> | undefined | '';
  const known = [...knownIds];
  const out: Code[] = [];
  const seen = new Set<string>();
  // depth first, parents before their children, without recursion: a file nesting codes
  // thousands deep must get a sentence (too many codes), not a stack overflow
  const stack: { list: unknown[]; next: number; parentId: string | null }[] = [];
  const enter = (list: unknown, parentId: string | null) => {
    if (Array.isArray(list)) stack.push({ list, next: 0, parentId });
  };
  if (codesEl && typeof codesEl === 'object') enter(codesEl.Code, null);
  while (stack.length > 0) {
    const level = stack[stack.length - 1] as (typeof stack)[number];
    if (level.next >= level.list.length) {
      stack.pop();
      continue;
    }
    const raw = level.list[level.next++] as XmlCode;
    const parentId = level.parentId;
    if (!raw || typeof raw !== 'object') continue;
    const name = String(raw['@_name'] ?? '').trim();
    const guid = String(raw['@_guid'] ?? '').trim();
    if (!name) throw new AppError('unprocessable', 'A code in the codebook file has no name.');
    let id = isUuid(guid) ? idForGuid(guid, known) : '';
    if (!id || seen.has(id)) id = newId();
    seen.add(id);
    const colour = String(raw['@_color'] ?? '').trim();
    const descEl = raw.Description;
    const descText =
      typeof descEl === 'string'
        ? descEl
        : descEl && typeof descEl === 'object'
          ? String((descEl as Record<string, unknown>)['#text'] ?? '')
          : '';
    const parts = readQdcDescription(descText);
    out.push({
      id,
      name: name.slice(0, 200),
      nameAr: parts.nameAr.slice(0, 200),
      description: parts.description.slice(0, 5000),
      example: parts.example.slice(0, 2000),
      color: /^#[0-9a-fA-F]{6}$/.test(colour) ? colour.toUpperCase() : '',
      key: parts.key,
      parentId,
    });
    enter(raw.Code, id);
  }
  return out;
}
