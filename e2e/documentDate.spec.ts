/**
 * The Details dialog's publication date: what the researcher types (Arabic-Indic digits, day
 * first, Arabic month names) is shown as the date it will be saved as, saved as an ISO date, and
 * refused with a sentence when it is not a date.
 */
import { expect, test } from './fixtures';

test('Details reads a typed date, shows it before saving, stores it as ISO, and refuses what is not a date', async ({
  page,
  hashiya,
}) => {
  const { document } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
    text: 'أعلنت البعثة الأممية هدنة في طرابلس.',
    title: 'Date test article',
  });
  await hashiya.open(page);
  await page.getByRole('button', { name: 'Details: Date test article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Details' });
  const date = dialog.getByLabel('Published');
  const readAs = dialog.getByTestId('published-read-as');

  await date.fill('١٢/٠٥/٢٠١٩');
  await expect(readAs).toHaveText('Saved as 12 May 2019 (2019-05-12)');
  await date.fill('الأربعاء 22 أيار/مايو 2019');
  await expect(readAs).toHaveText('Saved as 22 May 2019 (2019-05-22)');

  await date.fill('2019-13-45');
  await expect(readAs).toContainText('Not a date Hashiya can read');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The date was not saved');
  const unchanged = await hashiya.ok<{ publishedAt: string | null }>('documents.get', { id: document.id });
  expect(unchanged.publishedAt).toBeNull();

  await date.fill('١٥ مايو ٢٠١٩');
  await expect(readAs).toHaveText('Saved as 15 May 2019 (2019-05-15)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const saved = await hashiya.ok<{ publishedAt: string | null }>('documents.get', { id: document.id });
  expect(saved.publishedAt).toBe('2019-05-15');
});
