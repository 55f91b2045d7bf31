import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importFile } from '.';
import { flattenDeepNesting } from './htmlDepth';
import { htmlParagraphs } from './htmlText';

const sentence = (i: number) =>
  `الفقرة ${i}: قال المتحدث باسم الحكومة إن المفاوضات مستمرة وإن وقف إطلاق النار صامد حتى الآن.`;

/** An old site's page: every paragraph opens a <div> and a <font> and never closes them. */
function unclosedPage(paragraphs: number): Uint8Array {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<div class="txt"><font face="Simplified Arabic">${sentence(i + 1)}\n`,
  ).join('');
  return new TextEncoder().encode(
    `<html><head><meta charset="utf-8"><title>مقال قديم</title></head><body>${body}</body></html>`,
  );
}

describe('pages nested thousands of levels deep', () => {
  it('unwraps what lies deeper than the limit, keeping every paragraph apart and in order', () => {
    const doc = new JSDOM('<body><div id="top"></div></body>').window.document;
    let at = doc.getElementById('top') as Element;
    for (let i = 0; i < 300; i++) {
      const div = doc.createElement('div');
      div.append(`p${i}`);
      const span = doc.createElement('span');
      span.append(` s${i}`);
      div.append(span);
      at.append(div);
      at = div;
    }
    const before = htmlParagraphs(doc.body);
    const unwrapped = flattenDeepNesting(doc.body, 20);
    expect(unwrapped).toBeGreaterThan(500);
    expect(htmlParagraphs(doc.body)).toEqual(before);
    let depth = 0;
    for (const el of doc.body.querySelectorAll('*')) {
      let d = 0;
      for (let p: Element | null = el; p && p !== doc.body; p = p.parentElement) d++;
      depth = Math.max(depth, d);
    }
    expect(depth).toBeLessThanOrEqual(21);
  });

  it(
    'imports a page of 1,000 unclosed <div><font> paragraphs (2,000 levels) with every paragraph',
    { timeout: 60_000 },
    async () => {
      const imported = await importFile('legacy.html', unclosedPage(1000));
      const paragraphs = imported.text.split('\n');
      expect(paragraphs).toHaveLength(1000);
      expect(paragraphs[0]).toBe(sentence(1));
      expect(paragraphs[999]).toBe(sentence(1000));
      expect(imported.title).toBe('مقال قديم');
    },
  );
});
