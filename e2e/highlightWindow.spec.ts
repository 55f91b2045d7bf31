/**
 * A long article paints only the highlights near the screen (Chromium re-validates every
 * registered range on any change in the page), yet every highlight shows wherever the researcher
 * scrolls, a new tag shows at once, and a deleted one never comes back.
 */
import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { cp, dragSelect } from './helpers/selection';

const PARAGRAPHS = 400;
const TEXT = Array.from(
  { length: PARAGRAPHS },
  (_, i) => `البند ${i}: أعلن المتحدث باسم الحكومة أن وقف إطلاق النار سيبدأ غدا في المدينة وأن المفاوضات مستمرة.`,
).join('\n');

/** The text under every registered code highlight. */
const painted = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('hx-c'))
      .flatMap(([, h]) =>
        [...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      ),
  );

/** The long article, every paragraph's «البند N» tagged, open in the reader. */
async function openTaggedArticle(page: Page, hashiya: Hashiya): Promise<{ id: string; title: string }> {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const { document } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
    text: TEXT,
    title: 'Long article',
  });
  // every paragraph's «البند N» tagged
  const drafts = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const u = TEXT.indexOf(`البند ${i}:`);
    return {
      documentId: document.id,
      start: cp(TEXT, u),
      end: cp(TEXT, u + `البند ${i}`.length),
      codes: ['ceasefire-proposal'],
    };
  });
  await hashiya.ok('annotations.createMany', { documentId: document.id, drafts });
  await hashiya.open(page);
  await hashiya.openDocument(page, document.title);
  return document;
}

const scrollTo = (page: Page, para: number) =>
  page.locator(`[data-testid="article"] p[data-para="${para}"]`).evaluate((p) => p.scrollIntoView({ block: 'center' }));

test('a long article: highlights show wherever the reader scrolls, a tag at once, a deleted one never again', async ({
  page,
  hashiya,
}) => {
  const document = await openTaggedArticle(page, hashiya);

  // the top of the article is painted; the far end is not registered until it comes near
  await expect.poll(async () => (await painted(page)).includes('البند 0')).toBe(true);
  const atTop = await painted(page);
  expect(atTop).not.toContain(`البند ${PARAGRAPHS - 1}`);
  expect(atTop.length).toBeLessThan(PARAGRAPHS / 2);

  // scrolled to the end: its highlights show, each exactly over its words
  await scrollTo(page, PARAGRAPHS - 1);
  await expect.poll(async () => (await painted(page)).includes(`البند ${PARAGRAPHS - 1}`)).toBe(true);
  for (const text of await painted(page)) expect(text).toMatch(/^البند \d+$/);

  // a tag down here shows at once, and is saved
  await dragSelect(page, 'سيبدأ غدا', PARAGRAPHS - 2);
  await page.keyboard.press('1');
  await expect.poll(async () => (await painted(page)).includes('سيبدأ غدا')).toBe(true);
  await expect
    .poll(
      async () =>
        (await hashiya.ok<Annotation[]>('annotations.list', { documentId: document.id })).filter(
          (a) => a.quote === 'سيبدأ غدا',
        ).length,
    )
    .toBe(1);

  // deleted: gone at once, and still gone after scrolling away and back
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await painted(page)).includes('سيبدأ غدا')).toBe(false);
  await scrollTo(page, 0);
  await expect.poll(async () => (await painted(page)).includes('البند 0')).toBe(true);
  await scrollTo(page, PARAGRAPHS - 2);
  await expect.poll(async () => (await painted(page)).includes(`البند ${PARAGRAPHS - 2}`)).toBe(true);
  expect(await painted(page)).not.toContain('سيبدأ غدا');
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: document.id })).length)
    .toBe(PARAGRAPHS);
});

test('scrolling a long article: its scroll events measure nothing, and the highlights still follow', async ({
  page,
  hashiya,
}) => {
  await openTaggedArticle(page, hashiya);
  await expect.poll(async () => (await painted(page)).includes('البند 0')).toBe(true);

  // every layout read made while a scroll event is being handled (a handler that measures makes
  // the browser lay the page out in the middle of the scroll, the frame comes late: a stutter)
  await page.evaluate(() => {
    const w = window as unknown as { __readsInScroll: string[] };
    w.__readsInScroll = [];
    const watch = (proto: object, name: string) => {
      const own = Object.getOwnPropertyDescriptor(proto, name);
      if (!own) return;
      const wrap = (f: (...args: unknown[]) => unknown) =>
        function (this: unknown, ...args: unknown[]) {
          if (window.event?.type === 'scroll') w.__readsInScroll.push(name);
          return f.apply(this, args);
        };
      if (own.value) Object.defineProperty(proto, name, { ...own, value: wrap(own.value) });
      else if (own.get) Object.defineProperty(proto, name, { ...own, get: wrap(own.get) });
    };
    for (const name of ['getBoundingClientRect', 'getClientRects']) {
      watch(Element.prototype, name);
      watch(Range.prototype, name);
    }
    for (const name of ['offsetTop', 'offsetHeight', 'clientHeight', 'scrollTop']) watch(HTMLElement.prototype, name);
    watch(Element.prototype, 'clientHeight');
    watch(Element.prototype, 'scrollTop');
  });
  // with the pointer resting on the text, as a reader's does
  const box = await page.getByTestId('article').boundingBox();
  if (!box) throw new Error('no article');
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  const scroller = page.locator('.reader-scroll');
  for (let i = 1; i <= 12; i++) {
    await scroller.evaluate((el, y) => {
      el.scrollTop = y;
    }, i * 700);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await scrollTo(page, PARAGRAPHS - 1);
  await expect.poll(async () => (await painted(page)).includes(`البند ${PARAGRAPHS - 1}`)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __readsInScroll: string[] }).__readsInScroll)).toEqual([]);
});
