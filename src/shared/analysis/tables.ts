/**
 * The CSV exports of the analysis (issue 16), each a whole file with a UTF-8 byte-order mark,
 * written with src/shared/csv.ts: RFC 4180 quoting, and a text cell that a spreadsheet would take
 * for a formula gets one leading `'` (strip one leading `'` to undo it; see csv.ts). Nothing else
 * in a cell is changed: `;`, `"`, line breaks and Arabic text stay as they are.
 *
 * - nodes: one row per node of a network, every node attribute;
 * - edges: one row per edge, source and target by node id (over sliding windows: one long table,
 *   a row per window × edge, with the window's number and days first);
 * - events: one row per claim × code (a claim without codes is one row with an empty concept),
 *   with DNA's column names where a column means the same: `time`, `actor`, `concept`,
 *   `agreement` (here the position −1/0/+1, empty when the claim has none).
 */
import { CSV_BOM, csvDocument, CsvBuilder, csvRow, type CsvValue } from '../csv';
import { claimDateOf, type DateField } from './filter';
import type { Network } from './network';
import type { ActorRef, ClaimRecord } from './records';

export const NODE_COLUMNS = [
  'id',
  'label',
  'name_ar',
  'name_latin',
  'kind',
  'type',
  'affiliation',
  'country',
  'claims',
] as const;

export const EDGE_COLUMNS = ['source', 'target', 'weight', 'position', 'combination', 'claims', 'directed'] as const;

export const EVENT_COLUMNS = [
  'time',
  'actor',
  'actor_id',
  'actor_type',
  'actor_affiliation',
  'concept',
  'concept_ar',
  'concept_id',
  'agreement',
  'stance',
  'certainty',
  'form',
  'addressee',
  'addressee_id',
  'object_actor',
  'object_actor_id',
  'document_id',
  'title',
  'source',
  'document_date',
  'claim_date',
  'quote',
  'start',
  'end',
  'coder',
  'note',
  'incomplete',
  'annotation_id',
] as const;

export function nodesCsv(network: Network): string {
  return csvDocument(
    NODE_COLUMNS,
    network.nodes.map((n) => [n.id, n.name, n.nameAr, n.nameLatin, n.kind, n.type, n.affiliation, n.country, n.claims]),
  );
}

export function edgesCsv(network: Network): string {
  return csvDocument(
    EDGE_COLUMNS,
    network.edges.map((e) => [
      e.source,
      e.target,
      e.weight,
      e.position ?? '',
      e.combination ?? '',
      e.claims,
      network.directed ? 'true' : 'false',
    ]),
  );
}

export const WINDOW_EDGE_COLUMNS = ['window', 'window_from', 'window_to', ...EDGE_COLUMNS] as const;

/**
 * The edges of a sequence of networks (sliding windows) as one long table: the window's number
 * (from 1), its first and last day, then the edge's columns as in edgesCsv. A window without
 * edges has no row.
 */
export function windowEdgesCsv(networks: readonly Network[]): string {
  return csvDocument(
    WINDOW_EDGE_COLUMNS,
    networks.flatMap((network, i) =>
      network.edges.map((e) => [
        i + 1,
        network.from ?? '',
        network.to ?? '',
        e.source,
        e.target,
        e.weight,
        e.position ?? '',
        e.combination ?? '',
        e.claims,
        network.directed ? 'true' : 'false',
      ]),
    ),
  );
}

export interface EventCode {
  id: string;
  name: string;
  nameAr: string;
}

const name = (a: ActorRef | null): string => a?.name ?? '';
const id = (a: ActorRef | null): string => a?.id ?? '';

/** The event list of the records (already filtered); `codes` names the code ids. */
export function eventsCsv(
  records: readonly ClaimRecord[],
  codes: ReadonlyMap<string, EventCode>,
  options: { dateField?: DateField; codeScope?: ReadonlySet<string> | null } = {},
): string {
  const out = new CsvBuilder({ capacity: 1024 + records.length * 256 });
  out.raw(CSV_BOM).raw(csvRow(EVENT_COLUMNS));
  const row = (values: readonly CsvValue[]) => {
    for (const v of values) {
      if (typeof v === 'number') out.number(v);
      else out.text(v);
    }
    out.endRow();
  };
  for (const r of records) {
    const unique = [...new Set(r.codes)];
    const inScope = options.codeScope ? unique.filter((c) => options.codeScope!.has(c)) : unique;
    const concepts: Array<string | null> = inScope.length > 0 ? inScope : [null];
    for (const c of concepts) {
      const code = c === null ? null : codes.get(c);
      row([
        claimDateOf(r, options.dateField) ?? '',
        name(r.claimant),
        id(r.claimant),
        r.claimant?.type ?? '',
        r.claimant?.affiliation?.name ?? '',
        c === null ? '' : (code?.name ?? c),
        code?.nameAr ?? '',
        c ?? '',
        r.position ?? '',
        r.stance,
        r.certainty,
        r.form,
        name(r.addressee),
        id(r.addressee),
        name(r.objectActor),
        id(r.objectActor),
        r.documentId,
        r.title,
        r.source,
        r.documentDate ?? '',
        r.claimDate ?? '',
        r.quote,
        r.start,
        r.end,
        r.coder,
        r.note,
        r.missing.join(' | '),
        r.annotationId,
      ]);
    }
  }
  return out.toString();
}
