/**
 * Before the app closes, the pages send what they still hold: a tag whose request waits for the
 * frame that shows it, an edit queued behind a save that has not answered. The host emits
 * page.settle; each page sends its queued changes, waits for their answers and calls
 * page.settled (queued behind them on the services' queue, so an answer means they are in).
 * Closing waits for as many answers as pages listen, or for `timeoutMs` when a page does not
 * answer (hung, gone without closing its event stream).
 */
import type { EventHub } from '../events';

export const PAGE_SETTLE_MS = 3000;

export class PageDrain {
  private answers = 0;
  private heard: (() => void) | null = null;

  /** A page answered page.settle. */
  settled(): void {
    this.answers += 1;
    this.heard?.();
  }

  /**
   * Ask the pages listening to `events` (`pages` of them) to send what they hold; resolves true
   * once each has answered, false when the time ran out first. With no page, at once.
   */
  async drain(events: EventHub, pages: number, timeoutMs = PAGE_SETTLE_MS): Promise<boolean> {
    if (pages <= 0) return true;
    const start = this.answers;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = new Promise<boolean>((resolve) => {
      this.heard = () => {
        if (this.answers - start >= pages) resolve(true);
      };
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    events.emit('page.settle', {});
    try {
      return await answered;
    } finally {
      clearTimeout(timer);
      this.heard = null;
    }
  }
}
