/**
 * The structural rules every codebook obeys: unique ids, names and shortcut keys, parents that
 * exist, no code under itself. Each broken rule is reported with a sentence naming the codes.
 */
import { AppError } from '../errors';
import { MAX_CODES, MAX_VALUES, type Codebook } from '../model';

/** Names are compared the way a researcher reads them: trimmed, case and spacing ignored. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * Refuse (413, too_large) a codebook with more codes, stances or certainties than a project file
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
  if (codebook.stances.length > MAX_VALUES) throw over('stances', codebook.stances.length, MAX_VALUES);
  if (codebook.certainties.length > MAX_VALUES) throw over('certainties', codebook.certainties.length, MAX_VALUES);
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
  checkValueList('stance', codebook.stances);
  checkValueList('certainty', codebook.certainties);
  checkValueNames(codebook);
}

/** Every Arabic name of a stance or certainty belongs to a listed value, once. */
function checkValueNames(codebook: Codebook): void {
  for (const list of ['stances', 'certainties'] as const) {
    const what = list === 'stances' ? 'stance' : 'certainty';
    const seen = new Set<string>();
    for (const n of codebook.valueNamesAr?.[list] ?? []) {
      if (!codebook[list].includes(n.value))
        throw new AppError(
          'invalid_input',
          `The Arabic name “${n.nameAr}” is given to the ${what} “${n.value}”, which is not in the list.`,
        );
      if (seen.has(n.value)) throw new AppError('invalid_input', `The ${what} “${n.value}” has two Arabic names.`);
      seen.add(n.value);
    }
  }
}

function checkValueList(what: string, values: readonly string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (v.trim() === '') throw new AppError('invalid_input', `A ${what} value cannot be empty.`);
    if (seen.has(nameKey(v))) throw new AppError('invalid_input', `The ${what} “${v}” is listed twice.`);
    seen.add(nameKey(v));
  }
}
