/**
 * Bringing another codebook into this one. Codes are matched by id (a GUID that traces back to
 * one of ours) or else by name; a matched code keeps its place and id, empty fields are filled
 * from the incoming code, and where both have a different value the difference is reported as a
 * conflict (and, with prefer 'incoming', the incoming value is taken). Unmatched codes are
 * added under their (matched) parent. Nothing is ever removed: a code annotations use survives
 * every import.
 */
import type { Code, Codebook } from '../model';
import type { ClaimField } from '../claims/fields';
import { suggestColour } from './palette';
import { descendantIds, findCode, treeRows } from './tree';
import { checkCodebookSize, nameKey, validateCodebook } from './validate';

export interface ImportConflict {
  code: string;
  field: 'name' | 'color' | 'description' | 'example' | 'nameAr' | 'parent' | 'key' | 'id';
  current: string;
  incoming: string;
  /** what was done: kept ours, or took theirs */
  resolution: 'kept' | 'replaced';
  message: string;
}

export interface CodebookMergeResult {
  codebook: Codebook;
  added: string[];
  merged: string[];
  conflicts: ImportConflict[];
}

export interface IncomingCodebook {
  codes: Code[];
  /** the file's claim fields (a Hashiya codebook of format 3); those whose key we lack are added */
  fields?: ClaimField[];
}

const FIELD_LABEL: Record<ImportConflict['field'], string> = {
  name: 'name',
  color: 'colour',
  description: 'definition',
  example: 'example',
  nameAr: 'Arabic name',
  parent: 'place in the tree',
  key: 'shortcut key',
  id: 'id',
};

/**
 * The file's codes as a forest the merge can walk, with every repair reported (never a code
 * dropped in silence): a code listed twice under one id is read once; another code reusing an
 * id gets a new one; a parent the file does not have, or a chain of parents that loops back, is
 * cut and the code placed at the top level. `unplaced` holds the ids whose parent was cut: their
 * place in the file says nothing, so a matched code keeps its place here.
 */
function repairIncoming(
  codes: readonly Code[],
  newId: () => string,
  report: (c: ImportConflict) => void,
): { codes: Code[]; unplaced: Set<string> } {
  const out: Code[] = [];
  const byId = new Map<string, Code>();
  for (const code of codes) {
    const first = byId.get(code.id);
    if (!first) {
      byId.set(code.id, code);
      out.push({ ...code });
    } else if (nameKey(first.name) === nameKey(code.name)) {
      report({
        code: code.name,
        field: 'id',
        current: first.name,
        incoming: code.name,
        resolution: 'kept',
        message: `“${code.name}” is listed twice in the file (id “${code.id}”); it was read once.`,
      });
    } else {
      const id = newId();
      report({
        code: code.name,
        field: 'id',
        current: first.name,
        incoming: code.name,
        resolution: 'kept',
        message: `“${code.name}” has the same id in the file (“${code.id}”) as “${first.name}”; it was imported as a separate code, and codes placed under that id go under “${first.name}”.`,
      });
      const copy = { ...code, id };
      byId.set(id, copy);
      out.push(copy);
    }
  }
  const unplaced = new Set<string>();
  const place = (code: Code, why: string, under: string) => {
    report({
      code: code.name,
      field: 'parent',
      current: '(top level)',
      incoming: under,
      resolution: 'kept',
      message: `“${code.name}”: ${why}; it was placed at the top level.`,
    });
    code.parentId = null;
    unplaced.add(code.id);
  };
  const current = new Map(out.map((c) => [c.id, c]));
  for (const code of out) {
    if (code.parentId && !current.has(code.parentId)) {
      place(
        code,
        `the file places it under a code it does not contain (id “${code.parentId}”)`,
        `under ${code.parentId}`,
      );
    }
  }
  // each code has one parent, so loops are disjoint: walk up from every code once
  const order = new Map(out.map((c, i) => [c.id, i]));
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of out) {
    const path: string[] = [];
    let at: string | null = start.id;
    while (at !== null && !state.has(at)) {
      state.set(at, 'walking');
      path.push(at);
      at = current.get(at)?.parentId ?? null;
    }
    if (at !== null && state.get(at) === 'walking') {
      const loop = path.slice(path.indexOf(at));
      // cut the loop at the code that comes first in the file
      const cutId = loop.reduce((a, b) => ((order.get(a) as number) <= (order.get(b) as number) ? a : b));
      const cut = current.get(cutId) as Code;
      const parent = current.get(cut.parentId as string) as Code;
      const names = [...loop.slice(loop.indexOf(cutId)), ...loop.slice(0, loop.indexOf(cutId)), cutId]
        .map((id) => `“${(current.get(id) as Code).name}”`)
        .join(' under ');
      place(
        cut,
        parent.id === cut.id ? 'the file places it under itself' : `the file’s parents loop back to it (${names})`,
        `under ${parent.name}`,
      );
    }
    for (const id of path) state.set(id, 'done');
  }
  return { codes: out, unplaced };
}

export function mergeCodebooks(
  current: Codebook,
  incoming: IncomingCodebook,
  options: { prefer?: 'current' | 'incoming'; newId: () => string },
): CodebookMergeResult {
  const prefer = options.prefer ?? 'current';
  let codes: Code[] = current.codes.map((c) => ({ ...c }));
  const added: string[] = [];
  const merged: string[] = [];
  const conflicts: ImportConflict[] = [];
  const idMap = new Map<string, string>(); // incoming id -> our id
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

  const repaired = repairIncoming(incoming.codes, options.newId, (c) => conflicts.push(c));
  const incomingById = new Map(repaired.codes.map((c) => [c.id, c]));
  // parents before children, so a child's parent is already matched or added
  const ordered = treeRows({ codes: repaired.codes, fields: [] }).map((r) => r.code);
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
      if (!repaired.unplaced.has(inc.id) && (match.parentId ?? null) !== parentId) {
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
  // the file's claim fields whose keys we lack, limited to the codes they name here (by the file's id);
  // a field we have of the same type gains the file's choice items it lacks (by id and by name)
  const known = new Set(codes.map((c) => c.id));
  const fields = [...current.fields];
  for (const f of incoming.fields ?? []) {
    const at = fields.findIndex((x) => x.key === f.key);
    const ours = fields[at];
    if (ours) {
      if (ours.type !== f.type) continue;
      const ids = new Set(ours.choices.map((c) => c.id));
      const names = new Set(ours.choices.map((c) => c.name.toLowerCase()));
      const more = f.choices.filter((c) => !ids.has(c.id) && !names.has(c.name.toLowerCase()));
      if (more.length > 0) fields[at] = { ...ours, choices: [...ours.choices, ...more] };
      continue;
    }
    const limits = f.codes === null ? null : f.codes.filter((id) => known.has(id));
    if (limits !== null && limits.length === 0) continue;
    fields.push({ ...f, codes: limits });
  }
  const codebook: Codebook = { codes, fields };
  checkCodebookSize(codebook, 'Nothing was imported.');
  validateCodebook(codebook);
  return { codebook, added, merged, conflicts };
}
