/**
 * The claim records in the Codebook window and the exchange formats (issue #15): merging two
 * actors moves every claim and one undo puts them back; a field in use is removed only after asking
 * with the count, clearing it from the claims, and Undo brings it back; reordering
 * two choices keeps every claim's value; the type lists and an actor's colour are edited with
 * the keyboard and the mouse; a W3C export imported into a fresh project restores every field
 * value with the actors matched; the bundle carries fields.json; axe finds nothing serious.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';

interface Annotation {
  id: string;
  quote: string;
  codes: string[];
  values: Record<string, unknown>;
}
interface Registry {
  types: { id: string; kind: string; name: string; nameAr: string }[];
  entities: { id: string; nameAr: string; nameLatin: string; type: string | null; color: string | null }[];
}
interface Field {
  key: string;
  choices: { id: string; name: string }[];
}

async function openCodebook(page: Page, tab: string) {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

/** Claims on the sample article: each quote with its values (actors given by name). */
async function claimOnSample(
  hashiya: Hashiya,
  claims: readonly [quote: string, values: Record<string, unknown>][],
): Promise<{ id: string; text: string; title: string }> {
  const doc = await hashiya.sample();
  for (const [quote, values] of claims) {
    const u = doc.text.indexOf(quote);
    expect(u, quote).toBeGreaterThanOrEqual(0);
    const start = [...doc.text.slice(0, u)].length;
    await hashiya.ok('annotations.create', {
      documentId: doc.id,
      start,
      end: start + [...quote].length,
      codes: ['political-process'],
      values,
    });
  }
  return doc;
}

const valuesByQuote = async (hashiya: Hashiya, documentId: string) =>
  (await hashiya.ok<Annotation[]>('annotations.list', { documentId }))
    .map((a) => [a.quote, a.values] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

test('merging two actors in the Actors tab moves every claim, in every actor field, and one undo puts them back', async ({
  page,
  hashiya,
}) => {
  const haftar = await hashiya.actor('خليفة حفتر');
  const marshal = await hashiya.actor('المشير حفتر');
  const macron = await hashiya.actor('ماكرون');
  const doc = await claimOnSample(hashiya, [
    ['فائز السراج', { claimant: haftar }],
    ['غسان سلامه', { claimant: marshal, addressee: macron }],
    ['مجلس الأمن', { claimant: macron, addressee: marshal }],
  ]);
  const before = await valuesByQuote(hashiya, doc.id);
  await hashiya.open(page);
  const dialog = await openCodebook(page, 'Actors');
  await dialog.getByRole('checkbox', { name: 'Select المشير حفتر' }).check();
  await dialog.getByRole('checkbox', { name: 'Select خليفة حفتر' }).check();
  await dialog.getByTestId('merge-bar').getByLabel('Keep').selectOption({ label: 'خليفة حفتر' });
  await dialog.getByTestId('merge-bar').getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('dialog', { name: 'Merge actors' }).getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByTestId('merge-undo')).toContainText('2 claims changed');
  await expect(dialog.getByRole('rowheader', { name: 'المشير حفتر' })).toHaveCount(0);
  const merged = await valuesByQuote(hashiya, doc.id);
  expect(merged.flatMap(([, v]) => [v.claimant, v.addressee]).filter((id) => id === marshal)).toEqual([]);
  expect(merged.map(([q, v]) => [q, v.claimant, v.addressee ?? null])).toEqual([
    ['غسان سلامه', haftar, macron],
    ['فائز السراج', haftar, null],
    ['مجلس الأمن', macron, haftar],
  ]);

  await dialog.getByTestId('merge-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('rowheader', { name: 'المشير حفتر' })).toBeVisible();
  expect(await valuesByQuote(hashiya, doc.id)).toEqual(before);
  const registry = await hashiya.ok<Registry>('registry.get');
  expect(registry.entities.map((e) => e.id).sort()).toEqual([haftar, marshal, macron].sort());
});

test('a field claims carry is removed only after asking with the count; the removal clears it from the claims and the CSV, and Undo brings both back', async ({
  page,
  hashiya,
}) => {
  const doc = await claimOnSample(hashiya, [
    ['فائز السراج', { position: 'proposes', form: 'statement' }],
    ['غسان سلامه', { position: 'rejects' }],
  ]);
  const before = await valuesByQuote(hashiya, doc.id);
  const fieldKeys = async () => (await hashiya.ok<{ fields: Field[] }>('codebook.get')).fields.map((f) => f.key);
  const keysBefore = await fieldKeys();
  await hashiya.open(page);
  const dialog = await openCodebook(page, 'Fields');
  const position = dialog.locator('li[data-field="position"]');
  await expect(position.locator('legend')).toContainText('2 claims');
  const remove = position.getByRole('button', { name: 'Remove', exact: true });

  // Remove asks, in the page, saying how many claims carry the field; Escape keeps it
  await remove.click();
  const ask = page.getByRole('dialog', { name: 'Remove a field in use' });
  await expect(ask.getByTestId('remove-field-message')).toHaveText(
    '2 claims carry “Position”. Remove the field and clear it from those claims?',
  );
  await expect(ask.getByRole('button', { name: 'Keep' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(remove).toBeFocused();
  expect(await fieldKeys()).toEqual(keysBefore);
  expect(await valuesByQuote(hashiya, doc.id)).toEqual(before);

  // asked again, confirmed with the keyboard: the field is gone from the codebook, the claims and the CSV
  await remove.click();
  await expect(ask.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('merge-undo')).toContainText('Removed “Position” and cleared it from 2 claims.');
  await expect(position).toHaveCount(0);
  expect(await fieldKeys()).toEqual(keysBefore.filter((k) => k !== 'position'));
  expect((await valuesByQuote(hashiya, doc.id)).map(([q, v]) => [q, v])).toEqual([
    ['غسان سلامه', {}],
    ['فائز السراج', { form: 'statement' }],
  ]);
  const { csv } = await hashiya.ok<{ csv: string }>('export.csv', { rowPer: 'annotation' });
  const header = (csv.split('\r\n')[0] ?? '').replace(/^\uFEFF/, '').split(',');
  expect(header).toContain('form');
  expect(header.filter((column) => column.startsWith('position'))).toEqual([]);

  // Undo: the field back in its place, and every claim's value as it was
  await dialog.getByTestId('merge-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('merge-undo')).toHaveCount(0);
  await expect(position.locator('legend')).toContainText('2 claims');
  expect(await fieldKeys()).toEqual(keysBefore);
  expect(await valuesByQuote(hashiya, doc.id)).toEqual(before);
});

test('a choice claims carry is removed only after asking; its claims lose that value, and Undo puts the choice and the values back', async ({
  page,
  hashiya,
}) => {
  const doc = await claimOnSample(hashiya, [
    ['فائز السراج', { position: 'proposes' }],
    ['غسان سلامه', { position: 'rejects' }],
  ]);
  const before = await valuesByQuote(hashiya, doc.id);
  const items = async () =>
    (await hashiya.ok<{ fields: Field[] }>('codebook.get')).fields
      .find((f) => f.key === 'position')
      ?.choices.map((c) => c.id);
  const itemsBefore = await items();
  await hashiya.open(page);
  const dialog = await openCodebook(page, 'Fields');
  await dialog.locator('li[data-field="position"]').getByRole('button', { name: 'Remove: rejects' }).click();
  const ask = page.getByRole('dialog', { name: 'Remove a field in use' });
  await expect(ask.getByTestId('remove-field-message')).toHaveText(
    '1 claim carries “rejects” of “Position”. Remove the choice and clear it from that claim?',
  );
  await ask.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByTestId('merge-undo')).toContainText('Removed “rejects” and cleared it from 1 claim.');
  expect(await items()).toEqual(itemsBefore?.filter((id) => id !== 'rejects'));
  expect((await valuesByQuote(hashiya, doc.id)).map(([, v]) => v)).toEqual([{}, { position: 'proposes' }]);
  await dialog.getByTestId('merge-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('merge-undo')).toHaveCount(0);
  expect(await items()).toEqual(itemsBefore);
  expect(await valuesByQuote(hashiya, doc.id)).toEqual(before);
});

test('reordering two choices in the Fields tab keeps every claim’s value, in the claims and in the CSV', async ({
  page,
  hashiya,
}) => {
  const doc = await claimOnSample(hashiya, [
    ['فائز السراج', { position: 'proposes' }],
    ['غسان سلامه', { position: 'rejects' }],
    ['مجلس الأمن', { position: 'supports' }],
  ]);
  const before = await valuesByQuote(hashiya, doc.id);
  const order = async () =>
    (await hashiya.ok<{ fields: Field[] }>('codebook.get')).fields
      .find((f) => f.key === 'position')
      ?.choices.map((c) => c.id)
      .slice(0, 3);
  expect(await order()).toEqual(['proposes', 'supports', 'rejects']);
  await hashiya.open(page);
  const dialog = await openCodebook(page, 'Fields');
  const position = dialog.locator('li[data-field="position"]');
  // with the mouse: “rejects” one place up; with the keyboard: Alt+↓ on “proposes”
  await position.getByRole('button', { name: 'Move up: rejects' }).click();
  await position.getByRole('textbox', { name: 'Choice 1 of Position: English name' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(position.locator('li[data-choice]').first()).toHaveAttribute('data-choice', 'rejects');
  await expect(position.getByRole('textbox', { name: 'Choice 2 of Position: English name' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Save the fields' }).click();
  await expect.poll(order).toEqual(['rejects', 'proposes', 'supports']);
  expect(await valuesByQuote(hashiya, doc.id)).toEqual(before);
  // the CSV names each claim's choice as before, with its number
  const { csv } = await hashiya.ok<{ csv: string }>('export.csv', { rowPer: 'annotation' });
  for (const [quote, cells] of [
    ['فائز السراج', ',proposes,1,'],
    ['غسان سلامه', ',rejects,-1,'],
    ['مجلس الأمن', ',supports,1,'],
  ] as const)
    expect(csv.split('\r\n').find((line) => line.includes(quote))).toContain(cells);
});

test('the type lists of actors are edited in the Actors tab, a type in use is refused with its count, and an actor takes a colour', async ({
  page,
  hashiya,
}) => {
  const sarraj = await hashiya.actor('فائز السراج');
  await hashiya.ok('registry.update', { id: sarraj, patch: { type: 'person' } });
  // a colour that is not #rrggbb is refused with a sentence
  const bad = await hashiya.call<{ error: { message: string } }>('registry.update', {
    id: sarraj,
    patch: { color: 'blue' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/#RRGGBB/);
  await hashiya.open(page);
  const dialog = await openCodebook(page, 'Actors');
  await dialog.getByRole('button', { name: 'Types…' }).click();
  const actors = dialog.locator('fieldset[data-kind="actor"]');
  await actors.locator('li[data-type="media"] input[dir="ltr"]').fill('News outlet');
  await actors.getByRole('button', { name: 'Move up: News outlet' }).click();
  await actors.getByRole('button', { name: 'Add a type (Types of actors)' }).click();
  await actors.locator('li').last().locator('input[dir="ltr"]').fill('Militia');
  await actors.locator('li').last().locator('input[lang="ar"]').fill('ميليشيا');
  await actors.getByRole('button', { name: 'Delete: Person' }).click();
  await expect(actors.getByRole('alert')).toHaveText(
    '“Person” is the type of 1 actor, so it is not deleted: give it another type first.',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await actors.getByRole('button', { name: 'Save the list (Types of actors)' }).click();
  await expect
    .poll(async () =>
      (await hashiya.ok<Registry>('registry.get')).types.filter((t) => t.kind === 'actor').map((t) => t.id),
    )
    .toEqual([
      'person',
      'government',
      'armed-group',
      'state',
      'international-organisation',
      'media',
      'party',
      'militia',
    ]);
  const types = (await hashiya.ok<Registry>('registry.get')).types;
  expect(types.find((t) => t.id === 'media')).toMatchObject({ name: 'News outlet', nameAr: 'وسيلة إعلام' });
  expect(types.find((t) => t.id === 'militia')).toMatchObject({ kind: 'actor', name: 'Militia', nameAr: 'ميليشيا' });
  // places keep their own list
  expect(types.filter((t) => t.kind === 'place').map((t) => t.id)).toEqual(['country', 'city', 'region', 'site']);

  // a colour from the presets, saved as #rrggbb
  await dialog
    .getByRole('row', { name: /فائز السراج/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  await dialog.getByRole('button', { name: 'Blue', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Blue', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(async () => (await hashiya.ok<Registry>('registry.get')).entities.find((e) => e.id === sarraj)?.color)
    .toBe('#2471a3');
  await expect(dialog.getByRole('img', { name: 'Colour: #2471a3' })).toBeVisible();
});

test('a W3C export imported into a fresh project restores every field value, actors matched; the bundle has fields.json', async ({
  hashiya,
}) => {
  const haftar = await hashiya.actor('خليفة حفتر');
  await hashiya.ok('registry.update', { id: haftar, patch: { nameLatin: 'Khalifa Haftar' } });
  const macron = await hashiya.actor('إيمانويل ماكرون');
  const doc = await claimOnSample(hashiya, [
    [
      'فائز السراج',
      {
        claimant: haftar,
        addressee: macron,
        position: 'rejects',
        form: 'statement',
        certainty: 'reported',
        claim_date: '2019-05-22',
        justification: ['security', 'sovereignty'],
        note: 'شرط الانسحاب',
      },
    ],
    ['غسان سلامه', { claimant: macron, position: 'proposes' }],
  ]);
  const fields = (await hashiya.ok<{ fields: Field[] }>('codebook.get')).fields;

  // the bundle: fields.json holds the codebook's fields as they are
  const bundle = await hashiya.ok<{ data: string }>('export.bundle', {});
  const zipFile = path.join(hashiya.dataDir, 'bundle.zip');
  writeFileSync(zipFile, Buffer.from(bundle.data, 'base64'));
  const inZip = JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("fields.json").decode("utf-8"))', zipFile],
      { encoding: 'utf8' },
    ),
  ) as { format: string; fields: Field[] };
  expect(inZip).toEqual({ format: 'hashiya-fields', version: 1, fields });

  const named = async () => {
    const registry = await hashiya.ok<Registry>('registry.get');
    const name = (id: unknown) => {
      const e = registry.entities.find((x) => x.id === id);
      return e ? e.nameAr : id;
    };
    const list = await hashiya.ok<Annotation[]>('annotations.list', {
      documentId: (await hashiya.ok<{ id: string }[]>('documents.list'))[0]?.id,
    });
    return list
      .map((a) => [a.quote, { ...a.values, claimant: name(a.values.claimant), addressee: name(a.values.addressee) }])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  };
  const before = await named();
  const { json } = await hashiya.ok<{ json: string }>('export.annotations', { documentIds: [doc.id] });

  // a fresh project in a folder of its own, with the same article and an actor spelled another way
  await hashiya.ok('project.create', { path: path.join(hashiya.dataDir, 'fresh'), name: 'Fresh' });
  expect(await hashiya.ok<unknown[]>('documents.list')).toEqual([]);
  await hashiya.ok('documents.importText', { text: doc.text, title: doc.title });
  const known = (
    await hashiya.ok<{ entity: { id: string } }>('registry.add', {
      entity: { kind: 'actor', nameAr: 'خليفه حفتر', nameLatin: 'Khalifa Haftar' },
    })
  ).entity.id;
  const result = await hashiya.ok<{ imported: number; orphans: unknown[] }>('import.annotations', { json });
  expect(result.orphans).toEqual([]);
  expect(result.imported).toBe(2);
  // حفتر is the actor the fresh project had (matched by name), ماكرون came with the file
  const registry = await hashiya.ok<Registry>('registry.get');
  expect(registry.entities.map((e) => e.nameAr).sort()).toEqual(['إيمانويل ماكرون', 'خليفه حفتر']);
  const after = await named();
  // every value as it was, the claimant now the fresh project's own spelling of حفتر
  const spelling = (name: unknown) => (name === 'خليفة حفتر' ? 'خليفه حفتر' : name);
  expect(after).toEqual(
    before.map(([q, v]) => [
      q,
      { ...(v as Record<string, unknown>), claimant: spelling((v as Record<string, unknown>).claimant) },
    ]),
  );
  const list = await hashiya.ok<Annotation[]>('annotations.list', {
    documentId: (await hashiya.ok<{ id: string }[]>('documents.list'))[0]?.id,
  });
  expect(list.some((a) => a.values.claimant === known)).toBe(true);
});
