/**
 * The codebook editor's operations, as pure functions: each takes a codebook and returns a new
 * one (the input is never changed), or throws an AppError with a sentence for the researcher.
 * Operations that affect annotations (merge, delete) also return a code mapping to apply to
 * every annotation: see remapCodes.
 */
import { AppError } from '../errors';
import { Code, CodeKey, type Codebook } from '../model';
import { suggestColour } from './palette';
import { descendantIds, findCode } from './tree';
import { nameKey, validateCodebook } from './validate';

/** Where annotations' code ids go: to another id, or null to be removed from the annotation. */
export type CodeMapping = ReadonlyMap<string, string | null>;

export interface CodeDraft {
  name: string;
  nameAr?: string;
  description?: string;
  example?: string;
  color?: string;
  key?: string | null;
  parentId?: string | null;
}

function need(codebook: Codebook, id: string): Code {
  const code = findCode(codebook, id);
  if (!code) throw new AppError('not_found', 'That code is not in the codebook (it may have been deleted).');
  return code;
}

/** The code already holding a name (other than `exceptId`), compared without case or extra spaces. */
function nameHolder(codebook: Codebook, name: string, exceptId?: string): Code | undefined {
  const key = nameKey(name);
  return codebook.codes.find((c) => c.id !== exceptId && nameKey(c.name) === key);
}

function checkName(codebook: Codebook, name: string, exceptId?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('invalid_input', 'A code needs a name.');
  if (trimmed.length > 200) throw new AppError('invalid_input', 'A code name is at most 200 characters.');
  const holder = nameHolder(codebook, trimmed, exceptId);
  if (holder) throw new AppError('conflict', `There is already a code called “${holder.name}”.`);
  return trimmed;
}

function checkKey(codebook: Codebook, key: string | null, exceptId?: string): string | null {
  if (key === null || key === '') return null;
  if (!CodeKey.safeParse(key).success) throw new AppError('invalid_input', 'A shortcut key is one digit from 1 to 9.');
  const holder = codebook.codes.find((c) => c.key === key && c.id !== exceptId);
  if (holder) {
    throw new AppError(
      'conflict',
      `Key ${key} is already used by “${holder.name}”. Give that code another key first, or choose another key.`,
      {
        holderId: holder.id,
      },
    );
  }
  return key;
}

function checkColour(colour: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw new AppError('invalid_input', 'A colour is written #RRGGBB.');
  return colour.toUpperCase();
}

function replaceCode(codebook: Codebook, code: Code): Codebook {
  return { ...codebook, codes: codebook.codes.map((c) => (c.id === code.id ? code : c)) };
}

function checkParent(codebook: Codebook, id: string | null, parentId: string | null): string | null {
  if (parentId === null) return null;
  const parent = need(codebook, parentId);
  if (id !== null && (parentId === id || descendantIds(codebook, id).has(parentId))) {
    throw new AppError(
      'invalid_input',
      `A code cannot be placed under itself or under one of its own sub-codes (“${parent.name}”).`,
    );
  }
  return parentId;
}

export function addCode(codebook: Codebook, draft: CodeDraft, id: string): { codebook: Codebook; code: Code } {
  if (findCode(codebook, id)) throw new AppError('conflict', `A code with the id “${id}” exists already.`);
  const parentId = checkParent(codebook, null, draft.parentId ?? null);
  const code = Code.parse({
    id,
    name: checkName(codebook, draft.name),
    nameAr: (draft.nameAr ?? '').trim(),
    description: draft.description ?? '',
    example: draft.example ?? '',
    color: checkColour(draft.color ?? suggestColour(codebook)),
    key: checkKey(codebook, draft.key ?? null),
    parentId,
  });
  // A new code goes after its last sibling (so it appears at the end of its branch).
  const codes = [...codebook.codes];
  let at = codes.length;
  if (parentId !== null) {
    const branch = descendantIds(codebook, parentId);
    branch.add(parentId);
    for (let i = codes.length - 1; i >= 0; i--) {
      if (branch.has((codes[i] as Code).id)) {
        at = i + 1;
        break;
      }
    }
  }
  codes.splice(at, 0, code);
  return { codebook: { ...codebook, codes }, code };
}

export function renameCode(codebook: Codebook, id: string, names: { name?: string; nameAr?: string }): Codebook {
  const code = need(codebook, id);
  return replaceCode(codebook, {
    ...code,
    ...(names.name !== undefined ? { name: checkName(codebook, names.name, id) } : {}),
    ...(names.nameAr !== undefined ? { nameAr: names.nameAr.trim().slice(0, 200) } : {}),
  });
}

export function recolourCode(codebook: Codebook, id: string, colour: string): Codebook {
  return replaceCode(codebook, { ...need(codebook, id), color: checkColour(colour) });
}

/** Give a code a shortcut key (or none); a key another code holds is refused, naming that code. */
export function rekeyCode(codebook: Codebook, id: string, key: string | null): Codebook {
  const code = need(codebook, id);
  return replaceCode(codebook, { ...code, key: checkKey(codebook, key, id) });
}

export function describeCode(
  codebook: Codebook,
  id: string,
  text: { description?: string; example?: string },
): Codebook {
  const code = need(codebook, id);
  if ((text.description ?? '').length > 5000)
    throw new AppError('invalid_input', 'A definition is at most 5,000 characters.');
  if ((text.example ?? '').length > 2000)
    throw new AppError('invalid_input', 'An example is at most 2,000 characters.');
  return replaceCode(codebook, {
    ...code,
    ...(text.description !== undefined ? { description: text.description.trim() } : {}),
    ...(text.example !== undefined ? { example: text.example.trim() } : {}),
  });
}

/**
 * Place a code (with its whole branch) under another parent (null = top level), as the
 * `index`-th child there (default: last). A code cannot go under itself or its own sub-codes.
 */
export function moveCode(codebook: Codebook, id: string, parentId: string | null, index?: number): Codebook {
  const code = need(codebook, id);
  checkParent(codebook, id, parentId);
  const moved = { ...code, parentId };
  const rest = codebook.codes.filter((c) => c.id !== id);
  const siblings = rest.filter((c) => (c.parentId ?? null) === parentId);
  const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
  let pos: number;
  if (at < siblings.length) pos = rest.indexOf(siblings[at] as Code);
  else if (siblings.length > 0) pos = rest.indexOf(siblings[siblings.length - 1] as Code) + 1;
  else if (parentId !== null) pos = rest.findIndex((c) => c.id === parentId) + 1;
  else pos = rest.length;
  rest.splice(pos, 0, moved);
  return { ...codebook, codes: rest };
}

/** Move a code to position `index` among its siblings (0 = first). */
export function reorderCode(codebook: Codebook, id: string, index: number): Codebook {
  const code = need(codebook, id);
  return moveCode(codebook, id, code.parentId ?? null, index);
}

/**
 * Merge `sourceId` into `targetId`: the source disappears, its annotations carry the target
 * instead (mapping), its sub-codes move under the target, and the target takes the source's
 * shortcut key when it has none. A definition of the source is appended to an empty target's.
 */
export function mergeCodes(
  codebook: Codebook,
  sourceId: string,
  targetId: string,
): { codebook: Codebook; mapping: CodeMapping } {
  if (sourceId === targetId) throw new AppError('invalid_input', 'A code cannot be merged into itself.');
  const source = need(codebook, sourceId);
  need(codebook, targetId);
  const below = descendantIds(codebook, sourceId);
  const codes = codebook.codes
    .filter((c) => c.id !== sourceId)
    .map((c): Code => {
      if (c.id === targetId) {
        return {
          ...c,
          // a target that sat inside the source's branch takes the source's place
          parentId: below.has(targetId) ? (source.parentId ?? null) : c.parentId,
          key: c.key ?? source.key,
          description: c.description || source.description,
          example: c.example || source.example,
          nameAr: c.nameAr || source.nameAr,
        };
      }
      return c;
    });
  // the source's sub-codes follow the target's own, in their order
  let next: Codebook = { ...codebook, codes };
  for (const child of codebook.codes) {
    if (child.parentId === sourceId && child.id !== targetId) next = moveCode(next, child.id, targetId);
  }
  validateCodebook(next);
  return { codebook: next, mapping: new Map([[sourceId, targetId]]) };
}

export type ChildrenChoice = 'moveUp' | 'delete';

/**
 * Delete a code. Its sub-codes move up to its parent ('moveUp', the default) or are deleted with
 * it ('delete'). Annotations must be dealt with by the caller with the returned mapping: every
 * deleted id maps to `reassignTo` (another code that stays) or to null (removed from them).
 */
export function deleteCode(
  codebook: Codebook,
  id: string,
  options: { children?: ChildrenChoice; reassignTo?: string | null } = {},
): { codebook: Codebook; removed: string[]; mapping: CodeMapping } {
  const code = need(codebook, id);
  const children = options.children ?? 'moveUp';
  const removed = children === 'delete' ? [id, ...descendantIds(codebook, id)] : [id];
  const gone = new Set(removed);
  const reassignTo = options.reassignTo ?? null;
  if (reassignTo !== null) {
    const target = need(codebook, reassignTo);
    if (gone.has(reassignTo)) {
      throw new AppError(
        'invalid_input',
        `Annotations cannot be reassigned to “${target.name}”, which is deleted too.`,
      );
    }
  }
  const codes = codebook.codes
    .filter((c) => !gone.has(c.id))
    .map((c) => (c.parentId === id ? { ...c, parentId: code.parentId ?? null } : c));
  const mapping = new Map<string, string | null>(removed.map((r) => [r, reassignTo]));
  return { codebook: { ...codebook, codes }, removed, mapping };
}

/**
 * Apply a mapping to one annotation's codes: mapped ids are replaced or dropped, order is kept,
 * and no code appears twice. Returns the same array when nothing changes.
 */
export function remapCodes(codes: readonly string[], mapping: CodeMapping): readonly string[] {
  if (!codes.some((c) => mapping.has(c))) return codes;
  const out: string[] = [];
  for (const c of codes) {
    const to = mapping.has(c) ? mapping.get(c) : c;
    if (to && !out.includes(to)) out.push(to);
  }
  return out;
}

/** Ids in `before` that `after` no longer has. */
export function removedCodeIds(before: Codebook, after: Codebook): string[] {
  const kept = new Set(after.codes.map((c) => c.id));
  return before.codes.filter((c) => !kept.has(c.id)).map((c) => c.id);
}
