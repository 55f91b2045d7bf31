/**
 * Coders and blind coding (issue 17): naming the annotator gives this copy a coder id; a coding
 * plan made in the Coders dialog shows each coder's documents and marks mine in the library;
 * blind coding hides an annotation another coder made (seeded through the API) from the reader,
 * its panel count, the library and the summary's statistics, until the coder reveals.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { openTool } from './helpers/tools';
import { cp, dragSelect } from './helpers/selection';

interface Annotation {
  id: string;
  quote: string;
  annotator: string;
  coderId?: string;
}

const list = (hashiya: Hashiya, documentId: string) => hashiya.ok<Annotation[]>('annotations.list', { documentId });

/** Badr's annotation of `phrase`, as a merge of his layer would bring it (his own coder id). */
async function seedBadr(hashiya: Hashiya, doc: { id: string; text: string }, phrase: string) {
  const at = doc.text.indexOf(phrase);
  const start = cp(doc.text, at);
  const now = new Date().toISOString();
  await hashiya.ok('annotations.restore', {
    documentId: doc.id,
    annotations: [
      {
        id: 'badr-1',
        documentId: doc.id,
        start,
        end: start + cp(phrase, phrase.length),
        quote: phrase,
        prefix: '',
        suffix: '',
        codes: ['ceasefire-proposal'],
        values: {},
        annotator: 'Badr',
        coderId: 'c_badr',
        createdAt: now,
        updatedAt: now,
      },
    ],
  });
}

async function openCoders(page: Page) {
  await openTool(page, 'coders');
  const dialog = page.getByRole('dialog', { name: 'Coders' });
  await expect(dialog.getByTestId('coders-list')).toBeVisible();
  return dialog;
}

async function summaryTotal(page: Page): Promise<string | null> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await dialog.getByRole('tab', { name: 'Summary' }).click();
  const total = dialog.getByTestId('summary-total');
  await expect(total).toBeVisible();
  const text = await total.textContent();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return text;
}

test('a coder id, a plan, and blind coding that hides another coder’s annotation until revealed', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  await hashiya.ok('documents.importText', { text: 'نص قصير ثان للخطة.', title: 'Second' });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);

  // the first tag asks for the name: the project gets a coder id, and the annotation carries it
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('1');
  const name = page.getByRole('dialog', { name: 'Your name' });
  await name.getByRole('textbox').fill('Layla');
  await name.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.annotator)).toEqual(['Layla']);
  const info = await hashiya.ok<{ settings: { coderId: string } }>('project.info');
  expect(info.settings.coderId).toMatch(/^c_[0-9a-f]{16}$/);
  expect((await list(hashiya, doc.id))[0]?.coderId).toBe(info.settings.coderId);

  // Badr's annotation arrives (as a merge brings it); the reader hears of it
  await seedBadr(hashiya, doc, 'غسان سلامه');
  await page.getByTestId('annotation-editor').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText('2');

  // the dialog shows my id and both coders; a plan gives each coder documents, half to both
  let dialog = await openCoders(page);
  await expect(dialog.getByTestId('my-coder-id')).toContainText(info.settings.coderId);
  await expect(dialog.getByTestId('coders-list').getByRole('listitem')).toHaveCount(2);
  await dialog.getByLabel('Share (%)').fill('50');
  await dialog.getByLabel(/^Seed/).fill('3');
  await dialog.getByRole('button', { name: 'Make the plan' }).click();
  await expect(dialog.getByTestId('plan-double')).toContainText('Double-coded (1)');
  const plan = await hashiya.ok<{ assignments: { documentId: string; coderIds: string[] }[]; doubleCoded: string[] }>(
    'coders.plan.get',
  );
  expect(plan.doubleCoded).toHaveLength(1);
  expect(plan.assignments.map((a) => a.coderIds[0])).toEqual([info.settings.coderId, 'c_badr']);
  await expect(dialog.getByTestId('plan-view').locator(`[data-coder-id="c_badr"] summary`)).toContainText(
    `Badr · ${plan.assignments.filter((a) => a.coderIds.includes('c_badr')).length} document`,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // blind: the reader, its panel count and the summary show only my annotation
  await dialog.getByRole('button', { name: 'Code blind' }).click();
  await expect(dialog.getByTestId('coders-blind-state')).toContainText('Blind coding is on');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('blind-badge')).toBeVisible();
  await expect(page.getByTestId('annotation-count')).toHaveText('1');
  const items = page.getByTestId('annotation-list').locator('.annotation-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('فائز السراج');
  expect(await summaryTotal(page)).toBe('1');

  // the library: the sample (mine, or both of ours) is marked, and counts only mine
  await page.getByRole('button', { name: 'Library' }).click();
  const row = page.locator('.doc-row', { hasText: doc.title });
  await expect(row.locator('.c-annotationCount')).toHaveText('1');
  await expect(row.getByTestId('assigned-mark')).toBeVisible();
  await page.getByLabel('Only documents assigned to me').check();
  const mine = plan.assignments.filter((a) => a.coderIds.includes(info.settings.coderId)).length;
  await expect(page.locator('.doc-row')).toHaveCount(mine);

  // reveal, after a confirm: Badr's annotation is back
  await hashiya.openDocument(page, doc.title);
  dialog = await openCoders(page);
  await dialog.getByRole('button', { name: 'Reveal…' }).click();
  await dialog.getByRole('button', { name: 'Reveal the other coders’ work' }).click();
  await expect(dialog.getByTestId('coders-blind-state')).toContainText('Blind coding is off');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('blind-badge')).toHaveCount(0);
  await expect(page.getByTestId('annotation-count')).toHaveText('2');
  expect(await summaryTotal(page)).toBe('2');
});

test('the Coders dialog in Arabic, blind, passes axe-core with no serious or critical violations', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'ليلى', uiLanguage: 'ar' });
  await hashiya.ok('coders.blind', { on: true });
  await hashiya.open(page);
  await openTool(page, 'coders');
  const dialog = page.getByRole('dialog', { name: 'المرمّزون' });
  await expect(dialog.getByTestId('coders-blind-state')).toContainText('الترميز الأعمى مفعّل');
  await dialog.getByRole('button', { name: 'اكشف…' }).click();
  await expect(dialog.getByRole('button', { name: 'اكشف عمل المرمّزين الآخرين' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  // the agreement report waits until the reveal, and says why
  const refused = await hashiya.call('agreement.report', {});
  expect(refused.status).toBe(403);
});
