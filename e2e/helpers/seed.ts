/** Test set-up shared by the layout specs: a document with many annotations using every code. */
import type { Hashiya } from '../fixtures';

/** Tag `count` spans of the sample article, cycling through every code of the default codebook (two or three codes each). */
export async function seedAnnotations(hashiya: Hashiya, count = 12): Promise<{ id: string; title: string }> {
  const doc = await hashiya.sample();
  const codebook = await hashiya.ok<{ codes: { id: string }[] }>('codebook.get');
  const ids = codebook.codes.map((c) => c.id);
  const step = Math.floor([...doc.text].length / (count + 1));
  const guterres = await hashiya.actor('أنطونيو غوتيريش');
  const drafts = Array.from({ length: count }, (_, i) => ({
    documentId: doc.id,
    start: i * step,
    end: i * step + 12,
    codes: [ids[i % ids.length], ids[(i + 3) % ids.length], ...(i % 2 ? [ids[(i + 7) % ids.length]] : [])],
    values: i % 3 === 0 ? { claimant: guterres, position: 'proposes' } : { position: 'proposes' },
  }));
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  await hashiya.ok('annotations.createMany', { documentId: doc.id, drafts });
  return { id: doc.id, title: doc.title };
}
