/**
 * The annotations of a W3C Web Annotation file, and how a large file travels in batches.
 *
 * Shared by the main process (import.annotations) and the renderer, which reads a large file
 * itself and sends it in batches: every batch is an ordinary import (a merge that skips what
 * the project already has), so what Hashiya exports, however large, Hashiya imports, and an
 * interrupted import can simply be run again.
 *
 * Nothing here spreads a long array into a call (`push(...items)`): that puts every element on
 * the stack and fails with a RangeError at some 100,000 items.
 */
import { AppError } from '../errors';

const typeIs = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Append every element of `more` to `into`, one at a time (no argument spread). */
export function appendAll<T>(into: T[], more: readonly T[]): T[] {
  for (let i = 0; i < more.length; i++) into.push(more[i] as T);
  return into;
}

/** The longest chain of embedded AnnotationPages followed (first.next.next…). */
const MAX_PAGES = 100000;

/** The annotations of a parsed file, each as raw JSON; AppError when it is not Web Annotation JSON-LD. */
export function annotationItemsOf(value: unknown): unknown[] {
  const fromPage = (page: unknown): unknown[] | null =>
    isObject(page) && Array.isArray(page.items) ? page.items : null;
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    if (typeIs(value.type, 'AnnotationCollection')) {
      const first = fromPage(value.first);
      const items: unknown[] = first ? appendAll([], first) : [];
      // further pages embedded as first.next chains, when present inline
      let next = isObject(value.first) ? value.first.next : undefined;
      for (let guard = 0; isObject(next) && guard < MAX_PAGES; guard++) {
        appendAll(items, fromPage(next) ?? []);
        next = next.next;
      }
      if (Array.isArray(value.items)) appendAll(items, value.items);
      if (!first && !Array.isArray(value.items) && value.total !== 0) {
        throw new AppError(
          'invalid_input',
          'This AnnotationCollection does not contain its annotations (they may be on pages that were not exported with it). Nothing was imported.',
        );
      }
      return items;
    }
    if (typeIs(value.type, 'AnnotationPage')) return fromPage(value) ?? [];
    if (typeIs(value.type, 'Annotation')) return [value];
  }
  throw new AppError(
    'invalid_input',
    'This file is JSON but not a W3C Web Annotation file (no AnnotationCollection, AnnotationPage or Annotation in it). Nothing was imported.',
  );
}

/** Parse a file's text; AppError when it is not JSON. */
export function parseJsonLd(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new AppError(
      'invalid_input',
      'This file is not valid JSON, so it cannot be a W3C Web Annotation file. Nothing was imported.',
    );
  }
}

export interface ImportBatch {
  /** a JSON array of the batch's annotations: what import.annotations takes */
  json: string;
  /** position of the batch's first annotation in the whole file (for "#n" names in reports) */
  firstIndex: number;
  count: number;
}

/** Batches well below import.annotations' body limit, and small enough to show progress. */
export const BATCH_MAX_CHARS = 8 * 1024 * 1024;
export const BATCH_MAX_ITEMS = 10000;

/** The file's annotations in batches, one batch built at a time. */
export function* importBatches(
  items: readonly unknown[],
  limits: { maxChars?: number; maxItems?: number } = {},
): Generator<ImportBatch> {
  const maxChars = limits.maxChars ?? BATCH_MAX_CHARS;
  const maxItems = limits.maxItems ?? BATCH_MAX_ITEMS;
  let parts: string[] = [];
  let chars = 2;
  let firstIndex = 0;
  for (let i = 0; i < items.length; i++) {
    const part = JSON.stringify(items[i]) ?? 'null';
    if (parts.length > 0 && (chars + part.length + 1 > maxChars || parts.length >= maxItems)) {
      yield { json: `[${parts.join(',')}]`, firstIndex, count: parts.length };
      parts = [];
      chars = 2;
      firstIndex = i;
    }
    parts.push(part);
    chars += part.length + 1;
  }
  if (parts.length > 0) yield { json: `[${parts.join(',')}]`, firstIndex, count: parts.length };
}
