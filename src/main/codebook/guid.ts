/**
 * REFI-QDA identifies every code by a GUID. Our code ids are short names ("ceasefire") or, for
 * codes researchers add, random UUIDs. A UUID id is its own GUID; any other id gets a stable
 * name-based UUID (version 5, SHA-1) in Hashiya's namespace, so the same code always exports
 * with the same GUID and an imported GUID can be traced back to the id it came from.
 */
import { createHash } from 'node:crypto';

/** Hashiya's UUID namespace for code ids (a fixed random UUID). */
export const CODE_NAMESPACE = '3f0b6c52-8d1e-4a7b-9c65-2e4d8f1a7b30';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidV5(name: string, namespace = CODE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function guidForId(id: string): string {
  return isUuid(id) ? id.toLowerCase() : uuidV5(id);
}

/**
 * The id a GUID stands for: one of `knownIds` whose GUID it is, else the GUID itself (a valid
 * id), lower-cased.
 */
export function idForGuid(guid: string, knownIds: Iterable<string>): string {
  const g = guid.toLowerCase();
  for (const id of knownIds) if (guidForId(id) === g) return id;
  return g;
}
