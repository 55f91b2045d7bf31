import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Codebook } from '../../shared/model';
import type { ServiceContext } from './context';

/** Structural checks every saved codebook passes: unique ids and keys, parents that exist, no cycles. */
export function validateCodebook(codebook: Codebook): void {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const code of codebook.codes) {
    if (ids.has(code.id)) throw new AppError('invalid_input', `Two codes share the id “${code.id}”.`);
    ids.add(code.id);
    if (code.key) {
      const holder = keys.get(code.key);
      if (holder) throw new AppError('invalid_input', `Key ${code.key} is already used by “${holder}”.`);
      keys.set(code.key, code.name);
    }
  }
  const parent = new Map(codebook.codes.map((c) => [c.id, c.parentId]));
  for (const code of codebook.codes) {
    if (code.parentId && !ids.has(code.parentId)) {
      throw new AppError('invalid_input', `“${code.name}” is placed under a code that does not exist.`);
    }
    const seen = new Set<string>();
    for (let at: string | null | undefined = code.id; at; at = parent.get(at)) {
      if (seen.has(at)) throw new AppError('invalid_input', `“${code.name}” cannot be placed under itself.`);
      seen.add(at);
    }
  }
}

export function codebookHandlers(ctx: ServiceContext): Pick<Handlers, 'codebook.get' | 'codebook.save'> {
  return {
    'codebook.get': async () => ctx.store.data.codebook,
    'codebook.save': async (codebook) => {
      validateCodebook(codebook);
      ctx.store.data.codebook = codebook;
      await ctx.store.saveProject();
      return codebook;
    },
  };
}
