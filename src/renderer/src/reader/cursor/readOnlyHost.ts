/**
 * The article as a caret host: `contenteditable` so the browser's own caret moves through it
 * (by character, word, line, in logical order with the visual direction respected, Shift
 * extending) and screen readers follow it — with every way of changing the text refused. Input
 * events are cancelled before they act; what cannot be cancelled (IME composition, an extension)
 * is put back by a MutationObserver, so the DOM always equals the canonical text.
 */

/** Undo DOM mutation records, newest first, so the tree is exactly as before them. */
export function revertMutations(records: readonly MutationRecord[]): void {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i] as MutationRecord;
    if (r.type === 'characterData') {
      r.target.nodeValue = r.oldValue;
    } else if (r.type === 'childList') {
      for (const n of r.addedNodes) n.parentNode?.removeChild(n);
      for (let j = r.removedNodes.length - 1; j >= 0; j--) {
        const n = r.removedNodes[j] as Node;
        const before = r.nextSibling && r.nextSibling.parentNode === r.target ? r.nextSibling : null;
        r.target.insertBefore(n, before);
      }
    }
  }
}

/** Every input type is refused: the article is read, never written. */
const REFUSED_EVENTS = ['beforeinput', 'paste', 'cut', 'drop', 'dragstart'] as const;

/**
 * Make `article` a read-only caret host; returns the function that undoes it. Install it after
 * the article's paragraphs are rendered (they are rendered once per document): any later change
 * of its text is put back.
 */
export function hostReadOnlyCaret(article: HTMLElement): () => void {
  article.contentEditable = 'true';
  article.spellcheck = false;
  article.setAttribute('autocorrect', 'off');
  article.setAttribute('autocapitalize', 'off');
  article.setAttribute('inputmode', 'none');
  article.dataset.readingCaret = '';
  const refuse = (e: Event) => {
    // a drop of files still reaches the window's import handler (only the text is refused)
    e.preventDefault();
  };
  for (const name of REFUSED_EVENTS) article.addEventListener(name, refuse);
  const observer = new MutationObserver((records) => {
    observer.disconnect();
    revertMutations(records);
    observe();
  });
  const observe = () =>
    observer.observe(article, { childList: true, characterData: true, characterDataOldValue: true, subtree: true });
  // the end of an IME composition (which cannot be cancelled) puts back what it wrote at once
  const composed = () => {
    const pending = observer.takeRecords();
    if (pending.length) {
      observer.disconnect();
      revertMutations(pending);
      observe();
    }
  };
  article.addEventListener('compositionend', composed);
  observe();
  return () => {
    observer.disconnect();
    for (const name of REFUSED_EVENTS) article.removeEventListener(name, refuse);
    article.removeEventListener('compositionend', composed);
    article.removeAttribute('contenteditable');
    delete article.dataset.readingCaret;
  };
}
