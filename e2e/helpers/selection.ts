/**
 * Real mouse selections in the reader: press at the logical start edge of a phrase's first
 * character and release at the logical end edge of its last, wherever bidi placed them.
 */
import type { Page } from '@playwright/test';

export interface CharBox {
  x: number;
  y: number;
  width: number;
  height: number;
  rtl: boolean;
}

/** Screen boxes of the first and last character of the n-th occurrence of `phrase` in the article. */
export async function phraseEdges(
  page: Page,
  phrase: string,
  occurrence = 0,
): Promise<{ first: CharBox; last: CharBox }> {
  return page.evaluate(
    ({ phrase, occurrence }) => {
      const paras = [...document.querySelectorAll('[data-testid="article"] p')];
      let seen = 0;
      for (const p of paras) {
        const text = p.textContent ?? '';
        let at = text.indexOf(phrase);
        while (at !== -1 && seen < occurrence) {
          seen++;
          at = text.indexOf(phrase, at + 1);
        }
        if (at === -1) continue;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const locate = (offset: number): [Node, number] => {
          let left = offset;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const len = (n as Text).length;
            if (left < len) return [n, left];
            left -= len;
          }
          throw new Error('offset outside paragraph');
        };
        const box = (offset: number, length: number) => {
          walker.currentNode = p;
          const [node, o] = locate(offset);
          const r = document.createRange();
          r.setStart(node, o);
          r.setEnd(node, o + length);
          const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
          const ch = text.slice(offset, offset + length);
          const rtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(ch);
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, rtl };
        };
        const firstLen = text.codePointAt(at)! > 0xffff ? 2 : 1;
        const end = at + phrase.length;
        const lastLen = end >= 2 && text.charCodeAt(end - 1) >= 0xdc00 && text.charCodeAt(end - 1) <= 0xdfff ? 2 : 1;
        return { first: box(at, firstLen), last: box(end - lastLen, lastLen) };
      }
      throw new Error(`phrase not in the article: ${phrase}`);
    },
    { phrase, occurrence },
  );
}

/** Drag with the real mouse from the phrase's first character to its last. */
/** The phrase's edges once the page has stopped moving it (two frames alike), as a person sees it before pressing. */
async function settledEdges(page: Page, phrase: string, occurrence: number): ReturnType<typeof phraseEdges> {
  let edges = await phraseEdges(page, phrase, occurrence);
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const again = await phraseEdges(page, phrase, occurrence);
    const same = (a: typeof edges.first, b: typeof edges.first) => a.x === b.x && a.y === b.y && a.width === b.width;
    if (same(again.first, edges.first) && same(again.last, edges.last)) return again;
    edges = again;
  }
  return edges;
}

export async function dragSelect(page: Page, phrase: string, occurrence = 0): Promise<void> {
  let edges = await settledEdges(page, phrase, occurrence);
  // a person scrolls the phrase into sight first (a press below the window selects nothing in
  // the article, which is a caret host)
  const height = page.viewportSize()?.height ?? 0;
  if (edges.first.y < 0 || edges.last.y + edges.last.height > height) {
    await page.locator('.reader-scroll').evaluate((el, dy) => el.scrollBy(0, dy), edges.first.y - height / 3);
    edges = await settledEdges(page, phrase, occurrence);
  }
  const { first, last } = edges;
  // a quarter into the character: on its start or end half, never on a bidi run boundary
  const startX = first.rtl ? first.x + first.width * 0.75 : first.x + first.width * 0.25;
  const endX = last.rtl ? last.x + last.width * 0.25 : last.x + last.width * 0.75;
  await page.mouse.move(startX, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move((startX + endX) / 2, (first.y + last.y) / 2 + first.height / 2, { steps: 4 });
  await page.mouse.move(endX, last.y + last.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** Code-point offset of a UTF-16 offset (what Python's text[start:end] counts). */
export function cp(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}
