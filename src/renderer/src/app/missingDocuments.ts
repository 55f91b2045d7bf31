/**
 * Which of these document ids the project no longer holds (a choice of documents outliving a
 * deletion made elsewhere): asked of documents.titles, which leaves out ids not in the project,
 * in batches of at most `batch` ids (what it accepts at once).
 */
export async function missingDocuments(
  ids: readonly string[],
  titles: (ids: string[]) => Promise<ReadonlyArray<{ id: string }>>,
  batch: number,
): Promise<Set<string>> {
  const missing = new Set(ids);
  for (let i = 0; i < ids.length; i += batch)
    for (const found of await titles(ids.slice(i, i + batch))) missing.delete(found.id);
  return missing;
}
