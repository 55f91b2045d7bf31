import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serialQueue';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SerialQueue', () => {
  it('runs operations one at a time in the order asked, even when the first answers last', async () => {
    const q = new SerialQueue();
    const first = deferred<string>();
    const order: string[] = [];
    const a = q.run(async () => {
      order.push('a starts');
      const v = await first.promise;
      order.push('a ends');
      return v;
    });
    const b = q.run(() => {
      order.push('b runs');
      return 'b';
    });
    await Promise.resolve();
    expect(order).toEqual(['a starts']);
    first.resolve('a');
    expect(await a).toBe('a');
    expect(await b).toBe('b');
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('a failure rejects its own caller and does not stop the next operation', async () => {
    const q = new SerialQueue();
    const failed = q.run(() => {
      throw new Error('disk full');
    });
    const next = q.run(() => 42);
    await expect(failed).rejects.toThrow('disk full');
    expect(await next).toBe(42);
  });

  it('idle() waits for work queued while it waits', async () => {
    const q = new SerialQueue();
    const gate = deferred<void>();
    let late = false;
    void q.run(async () => {
      await gate.promise;
      void q.run(() => {
        late = true;
      });
    });
    const idle = q.idle();
    expect(q.size).toBe(1);
    gate.resolve();
    await idle;
    expect(late).toBe(true);
    expect(q.size).toBe(0);
  });
});
