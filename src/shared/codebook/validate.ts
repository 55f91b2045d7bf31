/**
 * The structural rules every codebook obeys: unique ids, names and shortcut keys, parents that
 * exist, no code under itself. Each broken rule is reported with a sentence naming the codes.
 */
import { AppError } from '../errors';
import { Codebook as CodebookSchema, MAX_CODES, type Codebook } from '../model';
import { MAX_FIELDS } from '../claims/names';

/** Names are compared the way a researcher reads them: trimmed, case and spacing ignored. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * Refuse (413, too_large) a codebook with more codes or claim fields than a project file
 * holds: saved, it would fail its own schema at the next start and be quarantined.
 * `cause` ends the sentence, e.g. "Nothing was imported."
 */
export function checkCodebookSize(codebook: Codebook, cause = 'Nothing was changed.'): void {
  const over = (what: string, n: number, limit: number) =>
    new AppError(
      'too_large',
      `The codebook would have ${n.toLocaleString('en')} ${what}; a codebook holds at most ${limit.toLocaleString('en')}. ${cause}`,
      { what, count: n, limit },
    );
  if (codebook.codes.length > MAX_CODES) throw over('codes', codebook.codes.length, MAX_CODES);
  if (codebook.fields.length > MAX_FIELDS) throw over('fields', codebook.fields.length, MAX_FIELDS);
}

export function validateCodebook(codebook: Codebook): void {
  checkCodebookSize(codebook);
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  const names = new Map<string, string>();
  for (const code of codebook.codes) {
    if (ids.has(code.id)) throw new AppError('invalid_input', `Two codes share the id “${code.id}”.`);
    ids.add(code.id);
    const name = nameKey(code.name);
    if (names.has(name))
      throw new AppError('invalid_input', `Two codes are called “${code.name.trim()}”; give one of them another name.`);
    names.set(name, code.name);
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
  // the fields' own rules (keys, choices, columns) and their code limits, as the file schema has them
  const fields = CodebookSchema.safeParse(codebook);
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new AppError('invalid_input', issue?.message ?? 'The claim fields cannot be saved.');
  }
}
