/**
 * How codes are named in exports: the code's name, and its path from the root of the codebook
 * (`Ceasefire > Ceasefire proposal`). A code id that is no longer in the codebook (the code was
 * deleted after tagging) is exported as its id, so no tag silently disappears.
 */
import { treeRows } from '@shared/codebook/tree';
import type { Codebook } from '@shared/model';

export const CODE_PATH_SEPARATOR = ' > ';

export interface CodeLabel {
  name: string;
  path: string;
  /** the code's place in the codebook's tree (the Codebook window's order); unknown ids last */
  order: number;
}

export function codeLabels(codebook: Codebook): (id: string) => CodeLabel {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const order = new Map(treeRows(codebook).map((row, i) => [row.code.id, i]));
  const cache = new Map<string, CodeLabel>();
  const pathOf = (id: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    return names.join(CODE_PATH_SEPARATOR);
  };
  return (id) => {
    let label = cache.get(id);
    if (!label) {
      const code = byId.get(id);
      label = code
        ? { name: code.name, path: pathOf(id), order: order.get(id) ?? Number.MAX_SAFE_INTEGER }
        : { name: id, path: id, order: Number.MAX_SAFE_INTEGER };
      cache.set(id, label);
    }
    return label;
  };
}
