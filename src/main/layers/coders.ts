/**
 * The coders an imported layer brings. An annotation from a file that carries a coder id keeps
 * it; one from an older file, with only its annotator name, gets the id derived from that name:
 * "n_" and the first 24 hex digits of the sha256 of the name (NFC, trimmed), so the same name
 * gives the same id on every laptop and in every import, and importing twice adds no second coder.
 */
import { createHash } from 'node:crypto';
import type { Coder } from '@shared/coders/model';

export const UNNAMED_CODER = 'unnamed coder';

export function coderIdForName(name: string): string {
  const key = name.normalize('NFC').trim();
  return `n_${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 24)}`;
}

/** The coder of an incoming annotation: its own id when it has one, else the one its name gives. */
export function coderOf(annotation: { coderId?: string | null; annotator: string }): Coder {
  const name = annotation.annotator.trim() || UNNAMED_CODER;
  return { id: annotation.coderId ?? coderIdForName(annotation.annotator), name: name.slice(0, 200) };
}

/**
 * The coders list with `coder` in it: unchanged when its id is listed already (the name there is
 * kept), else with it added at the end. Never edits the list it is given.
 */
export function ensureCoder(coders: readonly Coder[], coder: Coder): Coder[] {
  return coders.some((c) => c.id === coder.id) ? [...coders] : [...coders, coder];
}
