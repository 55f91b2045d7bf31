/**
 * The registry as CSV, so a team can share one list of actors and places: UTF-8 with a BOM,
 * written with the export's injection-safe writer (src/shared/csv.ts: a cell that a spreadsheet
 * would take for a formula starts with `'`), aliases joined with " | ".
 *
 * Import matches each row to an entity of the registry by id, else by any of its names (folded
 * as search folds), and adds the others; the file's filled cells replace the registry's, aliases
 * are united. Types are matched by id or name and new ones added to the type list; an
 * affiliation names an id (of the registry or of the file) or a name. Any bad row stops the
 * import with its line number and the registry is left as it was.
 */
import { AppError } from '../errors';
import { csvDocument, unguardCsvText } from '../csv';
import { Id } from '../ids';
import { readCsv } from './csvRead';
import { foldName } from './fold';
import { displayName, EntityKind, type Entity, type EntityType, type Registry } from './registry';
import { addEntity, entityNamed, updateEntity } from './registryOps';
import { registryProblems } from './registry';

export const REGISTRY_CSV_COLUMNS = [
  'id',
  'kind',
  'name_ar',
  'name_latin',
  'aliases',
  'type',
  'affiliation_id',
  'affiliation',
  'country',
  'color',
  'notes',
] as const;
export const ALIAS_JOINER = ' | ';

export function registryToCsv(registry: Registry): string {
  const byId = new Map(registry.entities.map((e) => [e.id, e]));
  return csvDocument(
    REGISTRY_CSV_COLUMNS,
    registry.entities.map((e) => {
      const aff = e.affiliation === null ? undefined : byId.get(e.affiliation);
      return [
        e.id,
        e.kind,
        e.nameAr,
        e.nameLatin,
        e.aliases.join(ALIAS_JOINER),
        e.type ?? '',
        e.affiliation ?? '',
        aff ? displayName(aff) : '',
        e.country,
        e.color ?? '',
        e.notes,
      ];
    }),
  );
}

export interface RegistryImport {
  registry: Registry;
  added: number;
  updated: number;
  unchanged: number;
  /** names of the types the file added to the type lists */
  newTypes: string[];
}

type Row = Record<(typeof REGISTRY_CSV_COLUMNS)[number], string>;

function typeIdFor(name: string, kind: EntityKind, types: EntityType[], newTypes: string[]): string {
  const key = foldName(name);
  const known = types.find(
    (t) =>
      t.kind === kind && (t.id === name || foldName(t.name) === key || (t.nameAr !== '' && foldName(t.nameAr) === key)),
  );
  if (known) return known.id;
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  let id = ascii || 'type';
  for (let n = 2; types.some((t) => t.id === id); n++) id = `${ascii || 'type'}-${n}`;
  const isArabic = /\p{Script=Arabic}/u.test(name);
  types.push({ id, kind, name: isArabic ? id : name, nameAr: isArabic ? name : '' });
  newTypes.push(name);
  return id;
}

export function registryFromCsv(registry: Registry, csv: string, newId: () => string): RegistryImport {
  const rows = readCsv(csv);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('name_ar') && !header.includes('name_latin'))
    throw new AppError('unprocessable', 'The file has no name_ar or name_latin column: it is not a list of actors.');
  const types = registry.types.map((t) => ({ ...t }));
  let reg: Registry = { types, entities: registry.entities };
  const newTypes: string[] = [];
  const pending: { line: number; id: string; affiliationId: string; affiliation: string }[] = [];
  const fileIds = new Map<string, string>();
  const touched = new Set<string>();
  rows.slice(1).forEach((cells, r) => {
    const line = r + 2;
    const row = Object.fromEntries(
      REGISTRY_CSV_COLUMNS.map((c) => {
        const at = header.indexOf(c);
        return [c, at === -1 ? '' : unguardCsvText(cells[at] ?? '').trim()];
      }),
    ) as Row;
    const fail = (why: string): never => {
      throw new AppError('invalid_input', `Line ${line}: ${why} Nothing was imported.`);
    };
    const kind = EntityKind.safeParse(row.kind === '' ? 'actor' : row.kind.toLowerCase());
    if (!kind.success) fail(`the kind “${row.kind}” is neither actor nor place.`);
    const k = kind.data as EntityKind;
    const fields = {
      ...(row.name_ar ? { nameAr: row.name_ar } : {}),
      ...(row.name_latin ? { nameLatin: row.name_latin } : {}),
      ...(row.type ? { type: typeIdFor(row.type, k, types, newTypes) } : {}),
      ...(row.country ? { country: row.country } : {}),
      ...(row.color ? { color: row.color } : {}),
      ...(row.notes ? { notes: row.notes } : {}),
    };
    const aliases = row.aliases ? row.aliases.split(/\s*\|\s*/).filter(Boolean) : [];
    const byId = row.id ? reg.entities.find((e) => e.id === row.id) : undefined;
    if (byId && byId.kind !== k) fail(`“${row.id}” is a ${byId.kind} in this project, not a ${k}.`);
    const existing =
      byId ??
      (row.name_ar ? entityNamed(reg, k, row.name_ar) : null) ??
      (row.name_latin ? entityNamed(reg, k, row.name_latin) : null) ??
      undefined;
    try {
      let entity: Entity;
      if (existing) {
        const patch = { ...fields, aliases: [...existing.aliases, ...aliases] };
        const result = updateEntity(reg, existing.id, patch);
        entity = result.entity;
        reg = result.registry;
      } else {
        const id = row.id && Id.safeParse(row.id).success ? row.id : newId();
        const result = addEntity(reg, { kind: k, ...fields, aliases }, id);
        entity = result.entity;
        reg = result.registry;
      }
      touched.add(entity.id);
      if (row.id) fileIds.set(row.id, entity.id);
      if (row.affiliation_id || row.affiliation)
        pending.push({ line, id: entity.id, affiliationId: row.affiliation_id, affiliation: row.affiliation });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  });
  for (const p of pending) {
    const target =
      (p.affiliationId &&
        (reg.entities.find((e) => e.id === (fileIds.get(p.affiliationId) ?? p.affiliationId)) ?? null)) ||
      (p.affiliation ? entityNamed(reg, 'actor', p.affiliation) : null);
    if (!target)
      throw new AppError(
        'invalid_input',
        `Line ${p.line}: the affiliation “${p.affiliation || p.affiliationId}” is not an actor of the registry or the file. Nothing was imported.`,
      );
    try {
      reg = updateEntity(reg, p.id, { affiliation: target.id }).registry;
    } catch (e) {
      throw new AppError(
        'invalid_input',
        `Line ${p.line}: ${e instanceof Error ? e.message : String(e)} Nothing was imported.`,
      );
    }
  }
  const problem = registryProblems(reg)[0];
  if (problem) throw new AppError('invalid_input', `${problem} Nothing was imported.`);
  const before = new Map(registry.entities.map((e) => [e.id, JSON.stringify(e)]));
  let added = 0;
  let updated = 0;
  for (const e of reg.entities) {
    if (!touched.has(e.id)) continue;
    const was = before.get(e.id);
    if (was === undefined) added++;
    else if (was !== JSON.stringify(e)) updated++;
  }
  return { registry: reg, added, updated, unchanged: touched.size - added - updated, newTypes };
}
