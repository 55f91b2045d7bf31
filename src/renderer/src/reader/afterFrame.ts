/**
 * Work that must not stand between a key press and the frame showing its result (the panel, the
 * counts, the editor, the status line): run it in a task after the next frame has rendered, as a
 * React transition (rendered in slices). The frame after a tag then holds only the highlight,
 * painted in the key's own task (ReaderView). A window that is not painting (hidden, minimised)
 * runs no frames: the work then runs after 100 ms all the same.
 */
import { startTransition } from 'react';

export function afterNextFrame(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    startTransition(work);
  };
  // a message posted from the frame's callback arrives once that frame has rendered
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(0);
  });
  const timer = setTimeout(run, 100);
}
