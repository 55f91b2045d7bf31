/**
 * project.json's document index checked without a zod parse per entry: at 100,000 documents the
 * parse of every summary took as long as reading the file (and made a copy of each). An entry
 * that has exactly a summary's fields, each passing the same rules the schema states, is kept as
 * it was parsed from JSON; any other entry (a missing default, an extra field, anything in doubt)
 * goes through DocumentSummary itself, which gives its defaults, strips extras, or names what is
 * wrong. So the result is the schema's, only faster (summaryCheck.test.ts compares the two).
 */
import { z } from 'zod';
import { isIsoDate } from '@shared/text/dates';
import { DocumentSummary, IsoTime, ProjectFile } from '@shared/model';

const ID = /^[A-Za-z0-9_-]+$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** the pattern IsoTime checks with (zod's own; without one, each time goes through IsoTime) */
const ISO_TIME: RegExp | null = (() => {
  const pattern = (IsoTime._zod.def as { pattern?: unknown }).pattern;
  return pattern instanceof RegExp ? pattern : null;
})();

const KEYS = new Set([
  'id',
  'title',
  'direction',
  'language',
  'source',
  'url',
  'publishedAt',
  'publishedAtText',
  'importedAt',
  'charCount',
  'annotationCount',
  'sha256',
]);
/** every key but the optional publishedAtText */
const REQUIRED = KEYS.size - 1;

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isoTime = (v: unknown): boolean =>
  typeof v === 'string' && (ISO_TIME ? ISO_TIME.test(v) : IsoTime.safeParse(v).success);

/** True only when DocumentSummary would accept `v` and give back the same value. */
export function isPlainSummary(v: unknown): v is DocumentSummary {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  const s = v as Record<string, unknown>;
  let keys = 0;
  for (const key in s) {
    if (!Object.hasOwn(s, key) || !KEYS.has(key)) return false;
    keys++;
  }
  const hasText = Object.hasOwn(s, 'publishedAtText');
  if (keys !== (hasText ? REQUIRED + 1 : REQUIRED)) return false;
  return (
    text(s.id, 64) &&
    s.id.length > 0 &&
    ID.test(s.id) &&
    text(s.title, 1000) &&
    (s.direction === 'rtl' || s.direction === 'ltr') &&
    text(s.language, 35) &&
    text(s.source, 2000) &&
    text(s.url, 2000) &&
    (s.publishedAt === null || (typeof s.publishedAt === 'string' && isIsoDate(s.publishedAt))) &&
    (!hasText || text(s.publishedAtText, 200)) &&
    isoTime(s.importedAt) &&
    count(s.charCount) &&
    count(s.annotationCount) &&
    typeof s.sha256 === 'string' &&
    SHA256.test(s.sha256)
  );
}

/**
 * Entries already vouched for, with the annotation count they had then: every save of
 * project.json checks the whole index again, and at 10,000 documents that was most of a save's
 * own time. The store replaces an entry whenever anything of it changes except its count, which
 * it sets in place (to a number of annotations); an entry whose count differs is checked again.
 */
const vouched = new WeakMap<object, number>();

function knownPlain(entry: unknown, shared: Map<string, string>): boolean {
  if (entry === null || typeof entry !== 'object') return false;
  const count = vouched.get(entry);
  if (count !== undefined && count === (entry as DocumentSummary).annotationCount) return true;
  if (!isPlainSummary(entry)) return false;
  entry.source = once(shared, entry.source);
  entry.language = once(shared, entry.language);
  vouched.set(entry, entry.annotationCount);
  return true;
}

/**
 * One string for each source (and language) name of the index: JSON.parse makes a string of its
 * own for every entry's copy of a name longer than a few characters, and a corpus holds few
 * sources, so at 100,000 documents of one newspaper the copies of its name held 3.2 MB (measured
 * in a heap snapshot). `shared` lives for one check of the index only.
 */
function once(shared: Map<string, string>, name: string): string {
  const kept = shared.get(name);
  if (kept !== undefined) return kept;
  shared.set(name, name);
  return name;
}

/**
 * ProjectFile as the store reads and writes it: the same rules and the same result, with the
 * document index checked by isPlainSummary first (DocumentSummary for the entries it does not
 * vouch for, so an error names the same place, e.g. documents.12.sha256).
 */
export const ProjectFileChecked: z.ZodType<ProjectFile> = ProjectFile.extend({
  documents: z.array(z.unknown()),
}).transform((file, ctx) => {
  const { documents } = file;
  const shared = new Map<string, string>();
  for (let i = 0; i < documents.length; i++) {
    const entry = documents[i];
    if (knownPlain(entry, shared)) continue;
    const parsed = DocumentSummary.safeParse(entry);
    if (parsed.success) documents[i] = parsed.data;
    else {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['documents', i, ...issue.path] });
      return z.NEVER;
    }
  }
  return file as ProjectFile;
});
