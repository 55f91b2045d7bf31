/**
 * Reading a codebook as a tree. Codes form a forest through parentId; the order of the codes
 * array is the order of siblings. Pure functions, shared by the services and the renderer.
 */
import type { Code, Codebook } from '../model';

export function findCode(codebook: Codebook, id: string): Code | undefined {
  return codebook.codes.find((c) => c.id === id);
}

/** Children of a parent (null = top level), in codebook order. */
export function childrenOf(codebook: Codebook, parentId: string | null): Code[] {
  return codebook.codes.filter((c) => (c.parentId ?? null) === parentId);
}

/** Ids of every code below `id` (children, grandchildren, …), not including `id`. */
export function descendantIds(codebook: Codebook, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const c of codebook.codes) {
      if (c.parentId === at && !out.has(c.id)) {
        out.add(c.id);
        stack.push(c.id);
      }
    }
  }
  return out;
}

/** The chain of codes from the top level down to `id` (inclusive); stops at a cycle. */
export function ancestry(codebook: Codebook, id: string): Code[] {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const chain: Code[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    chain.unshift(at);
  }
  return chain;
}

/** "Ceasefire > Ceasefire proposal": the code path the CSV export writes. */
export function codePath(codebook: Codebook, id: string, separator = ' > '): string {
  return ancestry(codebook, id)
    .map((c) => c.name)
    .join(separator);
}

export interface TreeRow {
  code: Code;
  depth: number;
  /** position among its siblings, and how many siblings there are (for aria-posinset/setsize) */
  index: number;
  siblings: number;
  hasChildren: boolean;
}

/** Depth-first rows of the tree, parents before their children, siblings in codebook order. */
export function treeRows(codebook: Codebook): TreeRow[] {
  const ids = new Set(codebook.codes.map((c) => c.id));
  const kids = new Map<string | null, Code[]>();
  for (const c of codebook.codes) {
    // A code whose parent is missing is shown at the top level rather than hidden.
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    const list = kids.get(parent) ?? [];
    list.push(c);
    kids.set(parent, list);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = kids.get(parent) ?? [];
    list.forEach((code, index) => {
      if (seen.has(code.id)) return;
      seen.add(code.id);
      rows.push({ code, depth, index, siblings: list.length, hasChildren: (kids.get(code.id)?.length ?? 0) > 0 });
      walk(code.id, depth + 1);
    });
  };
  walk(null, 0);
  return rows;
}
