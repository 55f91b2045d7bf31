/**
 * A colleague's codes matched to this codebook: by id (a different name under the same id is a
 * conflict listed, and the id wins), then by the name folded as search folds it; a code still
 * unknown is made, under its parents from the colleague's hierarchy (outermost first, each matched
 * or made the same way), keeping the colleague's id when it is free. Nothing is written here:
 * `codes()` is the codebook's code list with what was made, for the caller to keep or drop.
 */
import type { LayerConflict } from '@shared/api/layers';
import { foldName } from '@shared/claims/fold';
import { Code, type Codebook } from '@shared/model';
import type { IncomingAncestor, IncomingCode } from '../exchange/webAnnotationParse';

const FALLBACK_COLOUR = '#999999';
const CODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CodeMatcher {
  /** this codebook's id for the colleague's code (made if need be), or null when it cannot be made */
  resolve(code: IncomingCode): string | null;
  byId: number;
  byName: Array<{ sourceId: string; name: string; id: string }>;
  made: Code[];
  conflicts: LayerConflict[];
}

export function codeMatcher(codebook: Codebook, newId: () => string): CodeMatcher {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const byName = new Map<string, string>();
  for (const c of codebook.codes) if (!byName.has(foldName(c.name))) byName.set(foldName(c.name), c.id);
  const mapping = new Map<string, string | null>();
  const matcher: CodeMatcher = { resolve, byId: 0, byName: [], made: [], conflicts: [] };

  function one(code: IncomingAncestor, parentId: string | undefined): string | null {
    if (code.id !== null) {
      const known = mapping.get(code.id);
      if (known !== undefined) return known;
      const here = byId.get(code.id);
      if (here) {
        mapping.set(code.id, here.id);
        matcher.byId++;
        if (foldName(here.name) !== foldName(code.name) && code.name !== code.id)
          matcher.conflicts.push({
            kind: 'code_renamed',
            annotationId: null,
            message: `The code “${code.name}” has the id of this codebook’s “${here.name}”; its annotations take “${here.name}”.`,
          });
        return here.id;
      }
    }
    const named = byName.get(foldName(code.name));
    if (named) {
      if (code.id !== null) mapping.set(code.id, named);
      matcher.byName.push({ sourceId: code.id ?? '', name: code.name, id: named });
      return named;
    }
    const id = code.id !== null && CODE_ID.test(code.id) && !byId.has(code.id) ? code.id : newId();
    const made = Code.safeParse({
      id,
      name: code.name.slice(0, 200),
      nameAr: code.nameAr.slice(0, 200),
      color: code.color ?? FALLBACK_COLOUR,
      ...(parentId ? { parentId } : {}),
    });
    if (!made.success) {
      if (code.id !== null) mapping.set(code.id, null);
      return null;
    }
    matcher.made.push(made.data);
    byId.set(id, made.data);
    byName.set(foldName(made.data.name), id);
    if (code.id !== null) mapping.set(code.id, id);
    return id;
  }

  function resolve(code: IncomingCode): string | null {
    const known = mapping.get(code.id);
    if (known !== undefined) return known;
    if (byId.has(code.id) || byName.has(foldName(code.name))) return one(code, undefined);
    let parent: string | undefined;
    for (const ancestor of code.ancestors) parent = one(ancestor, parent) ?? parent;
    return one(code, parent);
  }

  return matcher;
}

/** Of the codes made, those some kept annotation uses, with the parents they sit under. */
export function codesToKeep(made: readonly Code[], used: ReadonlySet<string>): Code[] {
  const byId = new Map(made.map((c) => [c.id, c]));
  const keep = new Set<string>();
  for (const c of made) {
    if (!used.has(c.id)) continue;
    for (let at: Code | undefined = c; at && !keep.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined)
      keep.add(at.id);
  }
  return made.filter((c) => keep.has(c.id));
}
