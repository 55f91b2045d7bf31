import { afterEach, describe, expect, it, vi } from 'vitest';
import { prime, registerPrimer, sendEarly, take, TOGETHER_MS } from './earlyRequests';

describe('requests sent in the filter change’s task', () => {
  it('gives the request sent early to the first take of its key, and sends again after that', async () => {
    const load = vi.fn((n: number) => Promise.resolve(n));
    sendEarly('a', () => load(1));
    expect(load).toHaveBeenCalledTimes(1);
    await expect(take('a', () => load(2))).resolves.toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(take('a', () => load(3))).resolves.toBe(3);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not give one key’s answer to another', async () => {
    sendEarly('codes a', () => Promise.resolve('rows of a'));
    await expect(take('codes b', () => Promise.resolve('rows of b'))).resolves.toBe('rows of b');
  });

  it('drops what an earlier filter sent and no one took, and a failure no one takes is not thrown', async () => {
    sendEarly('old', () => Promise.reject(new Error('gone')));
    prime({ codes: ['x'] });
    await expect(take('old', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });

  it('passes a failure on to the take', async () => {
    sendEarly('k', () => Promise.reject(new Error('refused')));
    await expect(take('k', () => Promise.resolve('fresh'))).rejects.toThrow('refused');
  });

  describe('the answers of one filter change', () => {
    const off: Array<() => void> = [];
    afterEach(() => {
      off.splice(0).forEach((f) => f());
      vi.useRealTimers();
    });
    /** two parts whose requests answer when the test says so */
    function twoParts() {
      const answer: Record<string, (v: string) => void> = {};
      const fail: Record<string, (e: Error) => void> = {};
      for (const [order, part] of [
        [0, 'table'],
        [1, 'timeline'],
      ] as const)
        off.push(
          registerPrimer(order, (filter) =>
            sendEarly(
              `${part} ${JSON.stringify(filter)}`,
              () =>
                new Promise<string>((resolve, reject) => {
                  answer[part] = resolve;
                  fail[part] = reject;
                }),
            ),
          ),
        );
      return { answer, fail };
    }

    it('come to their parts together, when the last has come', async () => {
      const { answer } = twoParts();
      prime({ codes: ['c'] });
      const seen: string[] = [];
      const table = take('table {"codes":["c"]}', () => Promise.resolve('again')).then((v) => seen.push(v));
      const timeline = take('timeline {"codes":["c"]}', () => Promise.resolve('again')).then((v) => seen.push(v));
      answer.table!('rows');
      await new Promise((r) => setTimeout(r, 5));
      expect(seen).toEqual([]); // the table's rows wait for the timeline's bars
      answer.timeline!('bars');
      await Promise.all([table, timeline]);
      expect(seen).toEqual(['rows', 'bars']);
    });

    it('do not wait for a late one longer than TOGETHER_MS, and a failure waits as an answer does', async () => {
      vi.useFakeTimers();
      const { answer, fail } = twoParts();
      prime({ codes: ['d'] });
      let rows: string | null = null;
      void take('table {"codes":["d"]}', () => Promise.resolve('again')).then((v) => (rows = v));
      const timeline = take('timeline {"codes":["d"]}', () => Promise.resolve('again'));
      answer.table!('rows');
      await vi.advanceTimersByTimeAsync(TOGETHER_MS - 1);
      expect(rows).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(rows).toBe('rows');
      fail.timeline!(new Error('refused'));
      await expect(timeline).rejects.toThrow('refused');
    });
  });
});
