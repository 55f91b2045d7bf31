/**
 * Changes the page still holds: a tag whose request waits for the frame that shows it, an edit
 * queued behind a save that has not answered. Nothing the researcher did may be lost because the
 * app closed at that moment:
 *  - the app closing (a quit, the window closing, browser mode stopping) sends page.settle: every
 *    holder sends what it holds at once and waits for the answers, then the page calls
 *    page.settled with the drain's id, queued behind them (src/main/host/pageDrain.ts);
 *  - the page unloading on its own (a tab closed or reloaded in browser mode): what is held is
 *    sent at once (surviving the unload, client.ts's keepalive) and, while anything is still on its
 *    way, the browser asks the researcher whether to leave.
 */
import { api, sendingWhileUnloading } from '../api/client';
import { onAppEvent } from './appEvents';

export interface ChangeHolder {
  /** something is queued or on its way */
  busy(): boolean;
  /** send it now (no waiting for a frame) and resolve once every answer is in */
  settle(): Promise<void>;
}

const holders = new Set<ChangeHolder>();

/** Register a holder (the reader's annotation session); the answer unregisters it. */
export function holdChanges(holder: ChangeHolder): () => void {
  holders.add(holder);
  return () => {
    holders.delete(holder);
  };
}

export function holdingChanges(): boolean {
  for (const h of holders) if (h.busy()) return true;
  return false;
}

/** Every holder sends what it holds; resolves once all of it is answered. */
export async function settleHeldChanges(): Promise<void> {
  await Promise.all([...holders].map((h) => h.settle().catch(() => undefined)));
}

function beforeUnload(event: BeforeUnloadEvent): void {
  if (!holdingChanges()) return;
  sendingWhileUnloading();
  void settleHeldChanges();
  // still on its way: the browser asks whether to leave (the answers arrive meanwhile)
  event.preventDefault();
  event.returnValue = '';
}

/** Answer page.settle and guard the unload, for the page's lifetime (App mounts it once). */
export function guardHeldChanges(): () => void {
  const off = onAppEvent('page.settle', ({ drain }, source) => {
    if (source !== 'main') return;
    // the answer names the drain it answers: the host counts only the one it waits for
    void settleHeldChanges().then(() => api['page.settled']({ drain }).catch(() => undefined));
  });
  window.addEventListener('beforeunload', beforeUnload);
  return () => {
    off();
    window.removeEventListener('beforeunload', beforeUnload);
  };
}
