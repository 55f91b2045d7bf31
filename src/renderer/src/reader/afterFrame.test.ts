import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, runDeferredNow } from './afterFrame';

let frames: (() => void)[] = [];
/** The browser renders a frame: its requestAnimationFrame callbacks run. */
const frame = () => {
  const now = frames;
  frames = [];
  for (const f of now) f();
};
/** The tasks posted meanwhile (the callbacks' MessageChannel messages) arrive. */
const tasks = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('afterNextFrame', () => {
  it('runs the work asked for before a frame once that frame has rendered, in order, from one frame callback', async () => {
    const ran: string[] = [];
    afterNextFrame(() => ran.push('view'));
    afterNextFrame(() => ran.push('status'));
    expect(frames).toHaveLength(1);
    await tasks();
    expect(ran).toEqual([]);
    frame();
    await tasks();
    expect(ran).toEqual(['view', 'status']);
  });

  it('work asked for after a frame began waits for the next frame, not the message of the one that began', async () => {
    const ran: string[] = [];
    afterNextFrame(() => ran.push('first'));
    frame();
    // a key pressed between that frame's callback and its message: its work waits for its own frame
    afterNextFrame(() => ran.push('tag'));
    await tasks();
    expect(ran).toEqual(['first']);
    frame();
    await tasks();
    expect(ran).toEqual(['first', 'tag']);
  });

  it('runs after 100 ms when no frame comes (a hidden window)', async () => {
    const ran: string[] = [];
    afterNextFrame(() => ran.push('late'));
    await new Promise((r) => setTimeout(r, 60));
    expect(ran).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(ran).toEqual(['late']);
  });

  it('runDeferredNow runs every waiting batch at once, once (the app is closing), whether its frame began or not', async () => {
    const ran: string[] = [];
    afterNextFrame(() => ran.push('began'));
    frame(); // its frame began; its message has not arrived
    afterNextFrame(() => ran.push('save'));
    runDeferredNow();
    expect(ran).toEqual(['began', 'save']);
    frame();
    await tasks();
    await new Promise((resolve) => setTimeout(resolve, 120)); // past the 100 ms fallback timer
    expect(ran).toEqual(['began', 'save']);
  });
});
