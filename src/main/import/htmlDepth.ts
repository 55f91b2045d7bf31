/**
 * Old news sites (and HTML saved from Word) often open <div> and <font> tags without closing
 * them, so the parsed page nests thousands of levels deep. Readability's scoring walks ancestors
 * for every node and takes minutes on such a page, and recursive walks run out of stack. Below a
 * depth no real article needs, the markup is flattened: the elements are unwrapped, and a block
 * element leaves a <br> on each side so its paragraphs stay apart; hidden elements are dropped as
 * the text reader would drop them.
 *
 * It runs on detached nodes only: jsdom's insertions and removals walk every ancestor, so moving
 * nodes about inside a deep tree is itself quadratic. Each element at the depth limit has its
 * whole content taken out at once, flattened into a fragment, and put back in one insertion.
 */
import { BLOCK_ELEMENTS, isHidden } from './htmlText';

/** Deeper than any real article's markup (site chrome included). */
export const MAX_HTML_DEPTH = 48;

const ELEMENT_NODE = 1;

/** Flatten everything below `maxDepth`; answers how many elements were unwrapped. */
export function flattenDeepNesting(root: Element, maxDepth = MAX_HTML_DEPTH): number {
  const boundary: Element[] = [];
  const stack: Array<{ el: Element; depth: number }> = [{ el: root, depth: 0 }];
  while (stack.length > 0) {
    const { el, depth } = stack.pop() as { el: Element; depth: number };
    if (depth === maxDepth) {
      if (el.firstElementChild) boundary.push(el);
      continue;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      stack.push({ el: child, depth: depth + 1 });
  }
  let unwrapped = 0;
  for (const el of boundary) unwrapped += flattenContent(el);
  return unwrapped;
}

function flattenContent(container: Element): number {
  const doc = container.ownerDocument;
  const out = doc.createDocumentFragment();
  const BREAK = Symbol('break');
  const work: Array<Node | typeof BREAK> = [...container.childNodes].reverse();
  container.replaceChildren(); // detached from here on: every move below is shallow
  let unwrapped = 0;
  while (work.length > 0) {
    const node = work.pop() as Node | typeof BREAK;
    if (node === BREAK) {
      out.append(doc.createElement('br'));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || (node as Element).localName === 'br') {
      out.append(node);
      continue;
    }
    const el = node as Element;
    unwrapped++;
    if (isHidden(el)) continue;
    const block = BLOCK_ELEMENTS.has(el.localName);
    const children = [...el.childNodes];
    el.replaceChildren();
    if (block) {
      out.append(doc.createElement('br'));
      work.push(BREAK);
    }
    for (let i = children.length - 1; i >= 0; i--) work.push(children[i] as Node);
  }
  container.append(out);
  return unwrapped;
}
