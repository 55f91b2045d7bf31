/**
 * A change the server kept in memory because the disk refused it: it answers `storage` with
 * `details.unsaved` (and the annotations concerned). Read structurally, so the session needs no
 * client class.
 */
import type { Annotation } from '@shared/model';

/** What a failed call kept in memory, or null when the failure kept nothing. */
export function keptAfterFailure(err: unknown): Annotation[] | null {
  if (!(err instanceof Error) || (err as { code?: unknown }).code !== 'storage') return null;
  const details = (err as { details?: unknown }).details as { unsaved?: unknown; annotations?: unknown } | undefined;
  if (details?.unsaved !== true) return null;
  return Array.isArray(details.annotations) ? (details.annotations as Annotation[]) : [];
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A fresh idempotency key for a create (crypto.randomUUID where the runtime has it). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
