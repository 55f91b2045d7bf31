/**
 * Before the app closes, the pages send what they still hold: a tag whose request waits for the
 * frame that shows it, an edit queued behind a save that has not answered. The host emits
 * page.settle { drain }; each page sends its queued changes, waits for their answers and calls
 * page.settled { drain } (queued behind them on the services' queue, so an answer means they are
 * in). Closing waits for as many answers as there are pages, or for `timeoutMs` when a page does
 * not answer (hung, gone without closing its event stream).
 *
 * Each drain has its own id, and only answers carrying it count: a late answer to an earlier
 * drain (a window's close, then the quit) or a stray call cannot end this one before its pages
 * are done. The answers cannot say which page sent them (the services hear a method and its
 * input, not the window or tab behind it), so a page answering one drain twice counts twice; the
 * app's pages answer each drain once (heldChanges.ts).
 */
import type { EventHub } from '../events';

export const PAGE_SETTLE_MS = 3000;

export class PageDrain {
  private lastId = 0;
  /** the drains waiting for answers, by id: what an answer to each does */
  private readonly waiting = new Map<number, () => void>();

  /** A page answered the page.settle of drain `drain` (any other id is ignored). */
  settled(drain: number): void {
    this.waiting.get(drain)?.();
  }

  /**
   * Ask the pages listening to `events` (`pages` of them) to send what they hold; resolves true
   * once each has answered, false when the time ran out first. With no page, at once.
   */
  async drain(events: EventHub, pages: number, timeoutMs = PAGE_SETTLE_MS): Promise<boolean> {
    if (pages <= 0) return true;
    const id = ++this.lastId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = new Promise<boolean>((resolve) => {
      let answers = 0;
      this.waiting.set(id, () => {
        answers += 1;
        if (answers >= pages) resolve(true);
      });
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    events.emit('page.settle', { drain: id });
    try {
      return await answered;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(id);
    }
  }
}
