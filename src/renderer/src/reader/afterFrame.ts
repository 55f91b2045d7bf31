/**
 * Work that must not stand between a key press and the frame showing its result (the panel, the
 * counts, the editor, the status line, a tag's request to the server): run it in a task after the
 * next frame has rendered, as a React transition (rendered in slices). The frame after a tag then
 * holds only the highlight, painted in the key's own task (ReaderView). A window that is not
 * painting (hidden, minimised) runs no frames: the work then runs after 100 ms all the same.
 *
 * Everything asked for before a frame shares one requestAnimationFrame callback and one timer (a
 * tag asks three times: the view, the status line, the save), run in the order asked.
 */
import { startTransition } from 'react';

interface Batch {
  work: (() => void)[];
  frame: number;
  timer: ReturnType<typeof setTimeout>;
  done: boolean;
}

/** The batch new work joins: its frame has not begun (work asked for later waits for the next one). */
let open: Batch | null = null;
/** Every batch not run yet (runDeferredNow). */
const waiting = new Set<Batch>();

function run(batch: Batch): void {
  if (batch.done) return; // run already (by the frame or by the timer)
  batch.done = true;
  waiting.delete(batch);
  if (open === batch) open = null;
  cancelAnimationFrame(batch.frame);
  clearTimeout(batch.timer);
  for (const work of batch.work) startTransition(work);
}

export function afterNextFrame(work: () => void): void {
  if (open) {
    open.work.push(work);
    return;
  }
  const batch: Batch = { work: [work], frame: 0, timer: setTimeout(() => run(batch), 100), done: false };
  // a message posted from the frame's callback arrives once that frame has rendered
  batch.frame = requestAnimationFrame(() => {
    if (open === batch) open = null;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => run(batch);
    channel.port2.postMessage(0);
  });
  open = batch;
  waiting.add(batch);
}

/** Run all deferred work now, without waiting for frames (the app is closing: heldChanges.ts). */
export function runDeferredNow(): void {
  for (const batch of [...waiting]) run(batch);
}

/** Resolves after the next frame has rendered (afterNextFrame). */
export function nextFrameRendered(): Promise<void> {
  return new Promise((resolve) => afterNextFrame(resolve));
}
