/**
 * Bringing another codebook into this one. Codes are matched by id (a GUID that traces back to
 * one of ours) or else by name; a matched code keeps its place and id, empty fields are filled
 * from the incoming code, and where both have a different value the difference is reported as a
 * conflict (and, with prefer 'incoming', the incoming value is taken). Unmatched codes are
 * added under their (matched) parent. Nothing is ever removed: a code annotations use survives
 * every import.
 */
import type { Code, Codebook } from '../model';
import { suggestColour } from './palette';
import { descendantIds, findCode, treeRows } from './tree';
import { checkCodebookSize, nameKey, validateCodebook } from './validate';

export interface ImportConflict {
  code: string;
  field: 'name' | 'color' | 'description' | 'example' | 'nameAr' | 'parent' | 'key';
  current: string;
  incoming: string;
  /** what was done: kept ours, or took theirs */
  resolution: 'kept' | 'replaced';
  message: string;
}

export interface ImportResult {
  codebook: Codebook;
  added: string[];
  merged: string[];
  conflicts: ImportConflict[];
}

export interface IncomingCodebook {
  codes: Code[];
  stances?: string[];
  certainties?: string[];
}

const FIELD_LABEL: Record<ImportConflict['field'], string> = {
  name: 'name',
  color: 'colour',
  description: 'definition',
  example: 'example',
  nameAr: 'Arabic name',
  parent: 'place in the tree',
  key: 'shortcut key',
};

export function mergeCodebooks(
  current: Codebook,
  incoming: IncomingCodebook,
  options: { prefer?: 'current' | 'incoming'; newId: () => string },
): ImportResult {
  const prefer = options.prefer ?? 'current';
  let codes: Code[] = current.codes.map((c) => ({ ...c }));
  const added: string[] = [];
  const merged: string[] = [];
  const conflicts: ImportConflict[] = [];
  const idMap = new Map<string, string>(); // incoming id -> our id
  const incomingById = new Map(incoming.codes.map((c) => [c.id, c]));
  const book = () => ({ ...current, codes });

  const conflict = (code: Code, field: ImportConflict['field'], ours: string, theirs: string, replaced: boolean) => {
    const what = FIELD_LABEL[field];
    conflicts.push({
      code: code.name,
      field,
      current: ours,
      incoming: theirs,
      resolution: replaced ? 'replaced' : 'kept',
      message: replaced
        ? `“${code.name}”: took the imported ${what} (“${theirs}”) instead of “${ours}”.`
        : `“${code.name}”: kept this project’s ${what} (“${ours}”); the file has “${theirs}”.`,
    });
  };

  // parents before children, so a child's parent is already matched or added
  const ordered = treeRows({ codes: incoming.codes, stances: [], certainties: [] }).map((r) => r.code);
  for (const inc of ordered) {
    const parentInc = inc.parentId ? incomingById.get(inc.parentId) : undefined;
    const parentId = parentInc ? (idMap.get(parentInc.id) ?? null) : null;
    const match = codes.find((c) => c.id === inc.id) ?? codes.find((c) => nameKey(c.name) === nameKey(inc.name));
    if (match) {
      merged.push(match.name);
      idMap.set(inc.id, match.id);
      const next: Code = { ...match };
      // matched by id (a GUID of ours) under another name: the code was renamed on one side
      if (nameKey(match.name) !== nameKey(inc.name)) {
        const clash = codes.some((c) => c.id !== match.id && nameKey(c.name) === nameKey(inc.name));
        const take = prefer === 'incoming' && !clash;
        if (take) next.name = inc.name.trim();
        conflict(match, 'name', match.name, inc.name, take);
      }
      for (const field of ['description', 'example', 'nameAr', 'color'] as const) {
        const ours = match[field];
        const theirs = field === 'color' ? inc.color.toUpperCase() : inc[field];
        if (!theirs || (field === 'color' ? ours.toUpperCase() === theirs : ours === theirs)) continue;
        if (!ours) next[field] = theirs;
        else {
          const take = prefer === 'incoming';
          if (take) next[field] = theirs;
          conflict(match, field, ours, theirs, take);
        }
      }
      if ((match.parentId ?? null) !== parentId) {
        const ourParent = match.parentId ? (findCode(book(), match.parentId)?.name ?? '') : '(top level)';
        const theirParent = parentId ? (findCode(book(), parentId)?.name ?? '') : '(top level)';
        const cycle = parentId !== null && (parentId === match.id || descendantIds(book(), match.id).has(parentId));
        const take = prefer === 'incoming' && !cycle;
        if (take) next.parentId = parentId;
        conflict(match, 'parent', `under ${ourParent}`, `under ${theirParent}`, take);
      }
      if (inc.key && inc.key !== match.key) {
        const holder = codes.find((c) => c.key === inc.key && c.id !== match.id);
        if (!match.key && !holder) next.key = inc.key;
        else if (match.key || holder) {
          const take = prefer === 'incoming' && !holder;
          if (take) next.key = inc.key;
          conflict(
            match,
            'key',
            match.key ?? 'none',
            holder ? `${inc.key} (held here by “${holder.name}”)` : inc.key,
            take,
          );
        }
      }
      codes = codes.map((c) => (c.id === match.id ? next : c));
    } else {
      const id = codes.some((c) => c.id === inc.id) || !inc.id ? options.newId() : inc.id;
      idMap.set(inc.id, id);
      const holder = inc.key ? codes.find((c) => c.key === inc.key) : undefined;
      const code: Code = {
        ...inc,
        id,
        parentId,
        color: /^#[0-9a-fA-F]{6}$/.test(inc.color) ? inc.color.toUpperCase() : suggestColour(book()),
        key: holder ? null : (inc.key ?? null),
      };
      if (holder && inc.key) conflict(code, 'key', 'none', `${inc.key} (held here by “${holder.name}”)`, false);
      codes.push(code);
      added.push(code.name);
    }
  }
  const union = (ours: string[], theirs: string[] | undefined) => {
    const out = [...ours];
    for (const v of theirs ?? []) if (v.trim() && !out.some((o) => nameKey(o) === nameKey(v))) out.push(v.trim());
    return out;
  };
  const codebook: Codebook = {
    codes,
    stances: union(current.stances, incoming.stances),
    certainties: union(current.certainties, incoming.certainties),
  };
  checkCodebookSize(codebook, 'Nothing was imported.');
  validateCodebook(codebook);
  return { codebook, added, merged, conflicts };
}
