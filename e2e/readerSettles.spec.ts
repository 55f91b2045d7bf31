/**
 * The article stays where it is first painted: a drag measured on one frame must select the same
 * words on the next. The bundled fonts are delayed here (a cold, loaded machine) because a face
 * that arrived after the first paint used to swap in and re-wrap the text.
 */
import { expect, test } from './fixtures';
import { seedAnnotations } from './helpers/seed';

test('the reader’s first paragraph does not move after its first painted frame, even when the fonts are slow', async ({
  page,
  hashiya,
}) => {
  const doc = await seedAnnotations(hashiya);
  await page.route(/\.woff2?(\?|$)/, async (route) => {
    await new Promise((done) => setTimeout(done, 2000));
    await route.continue();
  });
  await page.addInitScript(() => {
    // every frame: where the first paragraph is, from the first frame it is painted on
    const boxes: string[] = [];
    (window as unknown as { __boxes: string[] }).__boxes = boxes;
    const frame = () => {
      const p = document.querySelector('[data-testid="article"] p');
      if (p) {
        const r = p.getBoundingClientRect();
        const box = `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        if (boxes[boxes.length - 1] !== box) boxes.push(box);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await expect(page.getByTestId('annotation-list').locator('.annotation-item').first()).toBeVisible();
  // every face has arrived, and two more frames were painted with them
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  const boxes = await page.evaluate(() => (window as unknown as { __boxes: string[] }).__boxes);
  expect(boxes, 'the first paragraph’s box on each frame it changed').toHaveLength(1);
});
