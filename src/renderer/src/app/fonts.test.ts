import { describe, expect, it, vi } from 'vitest';
import { bundledFontsReady } from './fonts';

describe('bundledFontsReady', () => {
  it('asks for every bundled face, and waits until they have loaded', async () => {
    let finish: () => void = () => undefined;
    const pending = new Promise<FontFace[]>((done) => (finish = () => done([])));
    const load = vi.fn(() => pending);
    let ready = false;
    const waiting = bundledFontsReady({ load }).then(() => (ready = true));
    await Promise.resolve();
    expect(load.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      '400 1em "Noto Naskh Arabic"',
      '700 1em "Noto Naskh Arabic"',
      '400 1em "Noto Sans"',
      '600 1em "Noto Sans"',
      '400 1em "Noto Sans Arabic"',
      '600 1em "Noto Sans Arabic"',
    ]);
    expect(ready).toBe(false);
    finish();
    await waiting;
    expect(ready).toBe(true);
  });

  it('starts the app all the same when a face cannot load, or never answers', async () => {
    await expect(bundledFontsReady({ load: () => Promise.reject(new Error('no such face')) })).resolves.toBeUndefined();
    vi.useFakeTimers();
    try {
      const never = bundledFontsReady({ load: () => new Promise<FontFace[]>(() => undefined) }, 50);
      vi.advanceTimersByTime(50);
      await expect(never).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
