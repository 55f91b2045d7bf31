// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hostReadOnlyCaret, revertMutations } from './readOnlyHost';

function article(): HTMLElement {
  const el = document.createElement('article');
  el.innerHTML = '<p data-para="0">اقترح الرئيس</p><p data-para="1">دون <span>شرط</span></p>';
  document.body.append(el);
  return el;
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the article as a read-only caret host', () => {
  it('is editable for the caret but refuses every input event', () => {
    const el = article();
    const undo = hostReadOnlyCaret(el);
    expect(el.contentEditable).toBe('true');
    expect(el.spellcheck).toBe(false);
    for (const type of ['beforeinput', 'paste', 'cut', 'drop', 'dragstart']) {
      const e = new Event(type, { cancelable: true, bubbles: true });
      el.firstElementChild?.dispatchEvent(e);
      expect(e.defaultPrevented, type).toBe(true);
    }
    undo();
    expect(el.hasAttribute('contenteditable')).toBe(false);
    el.remove();
  });

  it('puts back any change that slips through (typed text, a deleted node, a new node)', async () => {
    const el = article();
    const before = el.innerHTML;
    const nodes = [...el.querySelectorAll('p')].map((p) => p.firstChild);
    const undo = hostReadOnlyCaret(el);
    (el.querySelector('p')?.firstChild as Text).data = 'كتب';
    el.querySelector('span')?.remove();
    el.append(document.createElement('br'));
    el.querySelector('p')?.insertBefore(document.createTextNode('x'), el.querySelector('p')?.firstChild ?? null);
    await settle();
    expect(el.innerHTML).toBe(before);
    // the same text nodes, so offsets and painted ranges stay valid
    expect([...el.querySelectorAll('p')].map((p) => p.firstChild)).toEqual(nodes);
    undo();
    el.remove();
  });

  it('revertMutations undoes records newest first', async () => {
    const el = article();
    const before = el.innerHTML;
    const records: MutationRecord[] = [];
    const o = new MutationObserver((r) => records.push(...r));
    o.observe(el, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
    const t = el.querySelector('p')?.firstChild as Text;
    t.data = 'a';
    t.data = 'b';
    el.querySelectorAll('p')[1]?.remove();
    await settle();
    o.disconnect();
    revertMutations(records);
    expect(el.innerHTML).toBe(before);
    el.remove();
  });
});
