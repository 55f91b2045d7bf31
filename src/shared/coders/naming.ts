/**
 * How views group annotations by coder and name them (issue 17): coderKey (key.ts: the coder id,
 * else the annotator name), with one step more for annotations made before coder ids: an
 * annotator name that exactly one coder of the project's list bears is that coder, so a coder's
 * old and new annotations are one coder. `nameOf` names a key as shown: the coder's current
 * name (a rename shows at once), else the key itself (a name key is its own name).
 * The server (agreement, analysis) and the page (the reader's panel) use the same function.
 */
import type { Annotation } from '../model';
import { coderKey } from './key';
import type { Coder } from './model';

export interface CoderNaming {
  keyOf: (a: Pick<Annotation, 'coderId' | 'annotator'>) => string;
  nameOf: (key: string) => string;
}

export function coderNaming(coders: readonly Pick<Coder, 'id' | 'name'>[]): CoderNaming {
  const names = new Map(coders.map((c) => [c.id, c.name]));
  const byName = new Map<string, string | null>();
  for (const c of coders) byName.set(c.name, byName.has(c.name) ? null : c.id);
  return {
    keyOf: (a) => {
      const key = coderKey(a);
      if (a.coderId !== undefined || key === '') return key;
      return byName.get(key) ?? key;
    },
    nameOf: (key) => names.get(key) ?? key,
  };
}
