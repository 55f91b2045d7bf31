/**
 * REFI-QDA GUIDs derived from Hashiya ids: the same document, code, coder or annotation gets the
 * same GUID in every export, so exporting twice gives the same project.qde. A name-based UUID
 * (RFC 9562 version 5 layout: SHA-1 of a namespace and the name, version and variant bits set).
 */
import { createHash } from 'node:crypto';

/** Our namespace for these names (a fixed random UUID; never change it, or every GUID changes). */
const NAMESPACE = Buffer.from('6f1d2c1e8a3b4f5c9e7d0a1b2c3d4e5f', 'hex');

export type GuidKind = 'source' | 'user' | 'coding';

export function stableGuid(kind: GuidKind, ...parts: readonly string[]): string {
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update([kind, ...parts].join('\u0000'), 'utf8')
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const GUID = /^\{?([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}?$/;

/** A GUID as the schema allows it (with or without braces), lower case without braces; else null. */
export function normaliseGuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = GUID.exec(value.trim());
  return m ? m.slice(1, 6).join('-').toLowerCase() : null;
}
