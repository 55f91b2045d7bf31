/**
 * Claims as records, end to end with the real mouse and keyboard: a ceasefire proposal tagged in
 * the sample article, its claimant accepted from the proposal (the article writes أمانويل ماكرون,
 * the registry knows إيمانويل ماكرون), its addressee typed ahead, its position and form chosen;
 * the CSV then has those values in their named columns with text[start:end] == quote. And a
 * project written by the format-2 Hashiya opens with its claimants as actors and its values kept.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from '../src/shared/claims/csvRead';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers/selection';

const PHRASE = 'اقترح الرئيس ماكرون وقف إطلاق النار دون شرط';

interface Annotation {
  id: string;
  quote: string;
  start: number;
  end: number;
  values: Record<string, unknown>;
}

/** The CSV as rows of named cells (the formula guard left on). */
function rowsOf(csv: string): Record<string, string>[] {
  const [header = [], ...rows] = readCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

test('tag a ceasefire proposal, accept the proposed claimant with Enter, and find every value in the CSV', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  const macron = (
    await hashiya.ok<{ entity: { id: string } }>('registry.add', {
      entity: { kind: 'actor', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' },
    })
  ).entity.id;
  const haftar = (
    await hashiya.ok<{ entity: { id: string } }>('registry.add', {
      entity: { kind: 'actor', nameAr: 'خليفة حفتر', nameLatin: 'Khalifa Haftar', type: 'person' },
    })
  ).entity.id;
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await dragSelect(page, PHRASE);
  await page.keyboard.press('1');
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('blockquote')).toHaveText(PHRASE);

  // the claimant: the actor mentioned in the passage is proposed, Enter accepts it
  const claimant = editor.getByRole('combobox', { name: 'Claimant' });
  await claimant.focus();
  await expect(editor.getByText('Proposed:')).toContainText('إيمانويل ماكرون');
  await page.keyboard.press('Enter');
  await expect(claimant).toHaveValue('إيمانويل ماكرون');
  // the addressee: typed ahead, the registry's spelling chosen with Enter
  const addressee = editor.getByRole('combobox', { name: 'Addressee' });
  await addressee.fill('حفتر');
  await expect(editor.getByRole('option', { name: 'خليفة حفتر' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(addressee).toHaveValue('خليفة حفتر');
  await editor.getByRole('combobox', { name: 'Position' }).selectOption('proposes');
  await editor.getByRole('combobox', { name: 'Form' }).selectOption('statement');

  const expected: Record<string, unknown> = {
    claimant: macron,
    addressee: haftar,
    position: 'proposes',
    form: 'statement',
  };
  const publishedAt = (await hashiya.ok<{ publishedAt: string | null }>('documents.get', { id: doc.id })).publishedAt;
  if (publishedAt) expected.claim_date = publishedAt; // the claim date starts from the article's
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id }))[0]?.values)
    .toEqual(expected);

  const { csv } = await hashiya.ok<{ csv: string }>('export.csv', { documentIds: [doc.id] });
  const [row] = rowsOf(csv);
  expect(row).toMatchObject({
    quote: PHRASE,
    code: 'Ceasefire proposal',
    claimant: 'إيمانويل ماكرون',
    claimant_id: macron,
    claimant_type: 'Person',
    addressee: 'خليفة حفتر',
    addressee_id: haftar,
    position: 'proposes',
    position_value: '1',
    form: 'statement',
  });
  if (publishedAt) expect(row?.claim_date).toBe(publishedAt);
  expect([...doc.text].slice(Number(row?.start), Number(row?.end)).join('')).toBe(PHRASE);
  // the panel's card names the claimant
  await expect(page.getByTestId('annotation-list').locator('.chip.claimant')).toHaveText('إيمانويل ماكرون');
});

test('a project written by the format-2 Hashiya opens: its claimants are actors and its CSV columns keep every value', async ({
  hashiya,
}) => {
  const fixture = path.resolve('test/fixtures/project-v2/project');
  const folder = path.join(hashiya.dataDir, 'libya-v2');
  await cp(fixture, folder, { recursive: true });
  // the format-2 values, as its CSV had them
  const old: { id: string; claimant: string; stance: string; certainty: string; note: string }[] = [];
  for (const name of await readdir(path.join(fixture, 'documents')))
    old.push(...JSON.parse(await readFile(path.join(fixture, 'documents', name), 'utf8')).annotations);
  await hashiya.ok('project.open', { path: folder });
  const registry = await hashiya.ok<{ entities: { nameAr: string; nameLatin: string }[] }>('registry.get');
  expect(registry.entities.map((e) => e.nameAr || e.nameLatin).sort()).toEqual(
    [...new Set(old.map((a) => a.claimant.trim()).filter(Boolean))].sort(),
  );
  const { csv } = await hashiya.ok<{ csv: string }>('export.csv', { rowPer: 'annotation' });
  const rows = new Map(rowsOf(csv).map((r) => [r.annotation_id, r]));
  const unguard = (s: string) => (s.startsWith("'") ? s.slice(1) : s);
  for (const a of old) {
    const r = rows.get(a.id);
    expect([r?.claimant, r?.position, r?.certainty, unguard(r?.note ?? '')], a.id).toEqual([
      a.claimant,
      a.stance,
      a.certainty,
      a.note,
    ]);
  }
});
