/**
 * export.qdpx: a REFI-QDA project (docs/export.md "REFI-QDA"): project.qde (QDA-XML, validated
 * against resources/refi-qda/Project-mrt2019.xsd in the tests) and sources/<guid>.txt, each
 * document's canonical text in UTF-8 without BOM, zipped.
 *
 * - Positions (startPosition, endPosition) count Unicode code points into that text, as our own
 *   offsets do (and as QualCoder, written in Python, counts), end exclusive.
 * - The code tree is the CodeBook (nested Code elements, colours, descriptions), written as the
 *   .qdc codebook export writes it (src/main/codebook/qdc.ts: the Arabic name, example and
 *   shortcut key as labelled lines at the end of the Description; GUIDs from src/main/codebook/guid.ts,
 *   so a code and an annotation come back with their own ids).
 * - Each annotation is a PlainTextSelection with one Coding per code; its coder (coderKey) is a
 *   User; its claim field values, which REFI has no place for, are its Description, one
 *   "Label: value" line a field.
 * - Every other GUID is derived from our ids too (guid.ts), and times come from the project, so exporting
 *   the same project twice gives the same bytes.
 */
import type { ClaimField } from '@shared/claims/fields';
import { claimCells, registryLookup, type EntityLookup } from '@shared/claims/claimCsv';
import { coderKey, isAdjudicated } from '@shared/coders/key';
import type { Annotation, Code, ProjectFile } from '@shared/model';
import type { ExchangeContext } from '../context';
import { utcIso } from '../csvRows';
import { forEachDocument, selectDocuments } from '../documentSource';
import { exportFileName } from '../fileNames';
import { zip, type ZipEntry } from '../zip';
import type { QdpxCodec } from './codec';
import { stableGuid } from './guid';
import { attrs, xmlText } from './xml';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** the coder of the adjudicated layer's annotations, as a REFI user */
export const ADJUDICATED_USER = 'Adjudicated layer';

interface User {
  guid: string;
  name: string;
  /** the coder id, when the coder has one */
  id: string | undefined;
}

function userOf(a: Annotation, coders: ProjectFile['coders']): { key: string; name: string; id: string | undefined } {
  if (isAdjudicated(a)) return { key: '\u0000adjudicated', name: ADJUDICATED_USER, id: undefined };
  const key = coderKey(a);
  const named = a.coderId ? coders.find((c) => c.id === a.coderId)?.name : undefined;
  return { key, name: named ?? a.annotator, id: a.coderId };
}

function codeTree(codes: readonly Code[], codec: QdpxCodec): string {
  const known = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && known.has(c.parentId) && c.parentId !== c.id ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const seen = new Set<string>();
  const write = (c: Code): string => {
    if (seen.has(c.id)) return '';
    seen.add(c.id);
    const description = codec.describeCode(c);
    const inner =
      (description ? `<Description>${xmlText(description)}</Description>` : '') +
      (children.get(c.id) ?? []).map(write).join('');
    const head = `<Code${attrs([
      ['guid', codec.guidForId(c.id)],
      ['name', c.name],
      ['isCodable', 'true'],
      ['color', c.color],
    ])}`;
    return inner ? `${head}>${inner}</Code>\n` : `${head}/>\n`;
  };
  // a code in a parent cycle has no root above it: it is written at the top
  const top = [...(children.get(null) ?? []).map(write), ...codes.map(write)].join('');
  return top ? `<CodeBook><Codes>\n${top}</Codes></CodeBook>\n` : '';
}

/** The claim values as "Label: value" lines (empty values left out). */
function describeValues(a: Annotation, fields: readonly ClaimField[], lookup: EntityLookup): string {
  const lines: string[] = [];
  for (const f of fields) {
    const cell = claimCells([f], a.values, lookup)[0];
    if (cell !== undefined && cell !== '') lines.push(`${f.label}: ${String(cell)}`);
  }
  return lines.join('\n');
}

export async function exportQdpx(
  ctx: ExchangeContext,
  input: { documentIds?: string[] | undefined },
  codec: QdpxCodec,
): Promise<{ fileName: string; data: string; sources: number; codings: number; users: number }> {
  const data = ctx.store.data;
  const documents = selectDocuments(ctx.store, input.documentIds);
  const lookup = registryLookup(data.registry);
  const fields = data.codebook.fields;
  const codeGuids = new Map(data.codebook.codes.map((c) => [c.id, codec.guidForId(c.id)]));
  const users = new Map<string, User>();
  const entries: ZipEntry[] = [];
  let sources = '';
  let codings = 0;

  await forEachDocument(ctx.store, documents, ({ document, annotations }) => {
    const guid = stableGuid('source', document.id);
    const file = `${guid}.txt`;
    entries.push({ name: `sources/${file}`, data: Buffer.from(document.text, 'utf8') });
    let selections = '';
    for (const a of annotations) {
      const u = userOf(a, data.coders);
      let user = users.get(u.key);
      if (!user) users.set(u.key, (user = { guid: stableGuid('user', u.key), name: u.name, id: u.id }));
      const description = describeValues(a, fields, lookup);
      let inner = description ? `<Description>${xmlText(description)}</Description>` : '';
      for (const code of a.codes) {
        const target = codeGuids.get(code);
        if (!target) continue;
        inner += `<Coding${attrs([
          ['guid', stableGuid('coding', a.id, code)],
          ['creatingUser', user.guid],
          ['creationDateTime', utcIso(a.createdAt)],
        ])}><CodeRef targetGUID="${target}"/></Coding>`;
        codings++;
      }
      selections += `<PlainTextSelection${attrs([
        ['guid', codec.guidForId(a.id)],
        ['name', a.quote],
        ['startPosition', a.start],
        ['endPosition', a.end],
        ['creatingUser', user.guid],
        ['creationDateTime', utcIso(a.createdAt)],
        ['modifyingUser', user.guid],
        ['modifiedDateTime', utcIso(a.updatedAt)],
      ])}>${inner}</PlainTextSelection>\n`;
    }
    const description = [document.source, document.url, document.publishedAt ?? ''].filter((s) => s !== '').join('\n');
    sources += `<TextSource${attrs([
      ['guid', guid],
      ['name', document.title],
      ['plainTextPath', `internal://${file}`],
      ['creationDateTime', utcIso(document.importedAt)],
    ])}>\n${description ? `<Description>${xmlText(description)}</Description>\n` : ''}${selections}</TextSource>\n`;
  });

  const usersXml =
    users.size > 0
      ? `<Users>\n${[...users.values()]
          .map(
            (u) =>
              `<User${attrs([
                ['guid', u.guid],
                ['name', u.name],
                ['id', u.id],
              ])}/>\n`,
          )
          .join('')}</Users>\n`
      : '';
  const qde =
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<Project${attrs([
      ['xmlns', QDA_NAMESPACE],
      ['name', data.name || 'Hashiya project'],
      ['origin', 'Hashiya'],
      ['creationDateTime', utcIso(data.createdAt)],
    ])}>\n` +
    usersXml +
    codeTree(data.codebook.codes, codec) +
    (sources ? `<Sources>\n${sources}</Sources>\n` : '') +
    `</Project>\n`;
  entries.unshift({ name: 'project.qde', data: Buffer.from(qde, 'utf8') });
  return {
    fileName: exportFileName(data.name, ctx.now(), 'qdpx'),
    // the project's own time, not the clock's, so the same project gives the same archive
    data: zip(entries, new Date(data.createdAt)).toString('base64'),
    sources: documents.length,
    codings,
    users: users.size,
  };
}
