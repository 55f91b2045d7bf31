/** File names of exports: `hashiya-<project>-<yyyy-mm-dd>.<ext>`, safe on every file system. */

/** A project or document name reduced to letters, digits and single dashes (Arabic letters kept). */
export function fileSlug(name: string, fallback = 'project'): string {
  const slug = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The UTC calendar date of an ISO time (the export's date). */
export function isoDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date().toISOString().slice(0, 10) : d.toISOString().slice(0, 10);
}

export function exportFileName(projectName: string, nowIso: string, ext: string): string {
  return `hashiya-${fileSlug(projectName)}-${isoDate(nowIso)}.${ext}`;
}

/** The plain-text file of one document, named by its id so it matches the CSV's document_id. */
export function textFileName(documentId: string): string {
  return `${documentId}.txt`;
}
