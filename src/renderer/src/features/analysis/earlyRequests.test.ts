import { afterEach, describe, expect, it, vi } from 'vitest';
import { prime, registerPrimer, sendEarly, settled, take } from './earlyRequests';

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
    prime({ codes: ['x'] }, { claims: vi.fn(), timeline: vi.fn(), view: vi.fn() });
    await expect(take('old', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });

  it('passes a failure on to the take', async () => {
    sendEarly('k', () => Promise.reject(new Error('refused')));
    await expect(take('k', () => Promise.resolve('fresh'))).rejects.toThrow('refused');
  });

  describe('the requests of one filter change', () => {
    const off: Array<() => void> = [];
    afterEach(() => off.splice(0).forEach((f) => f()));
    const rows = { total: 1, rows: [] };
    const bars = {
      claims: 1,
      interval: 'day' as const,
      stackBy: 'none' as const,
      dateField: 'document' as const,
      series: [],
      bins: [],
      undated: 0,
    };
    /** the calls prime makes, recorded; each answers when the test says so */
    function calls() {
      const made: string[] = [];
      let answer!: (v: { claims: typeof rows; timeline: typeof bars }) => void;
      let fail!: (e: Error) => void;
      const app = {
        claims: vi.fn(async () => (made.push('claims'), rows)),
        timeline: vi.fn(async () => (made.push('timeline'), bars)),
        view: vi.fn(
          (input: unknown) =>
            new Promise<{ claims: typeof rows; timeline: typeof bars }>((resolve, reject) => {
              made.push(`view ${JSON.stringify(input)}`);
              answer = resolve;
              fail = reject;
            }),
        ),
      };
      return { app, made, answer: (v: Parameters<typeof answer>[0]) => answer(v), fail: (e: Error) => fail(e) };
    }
    const table = (filter: object) =>
      ({
        key: `table ${JSON.stringify(filter)}`,
        method: 'analysis.claims',
        input: { filter, offset: 0, limit: 50 },
      }) as const;
    const timeline = (filter: object) =>
      ({ key: `timeline ${JSON.stringify(filter)}`, method: 'analysis.timeline', input: { filter } }) as const;

    it('go out as one call, and each part takes its half, both in the same turn', async () => {
      off.push(registerPrimer(1, timeline), registerPrimer(0, table));
      const c = calls();
      prime({ codes: ['c'] }, c.app);
      expect(c.made).toEqual([
        `view ${JSON.stringify({ claims: table({ codes: ['c'] }).input, timeline: timeline({ codes: ['c'] }).input })}`,
      ]);
      const seen: unknown[] = [];
      const a = take('table {"codes":["c"]}', async () => 'again').then((v) => seen.push(v));
      const b = take('timeline {"codes":["c"]}', async () => 'again').then((v) => seen.push(v));
      await new Promise((r) => setTimeout(r, 5));
      expect(seen).toEqual([]);
      c.answer({ claims: rows, timeline: bars });
      await Promise.all([a, b]);
      expect(seen).toEqual([rows, bars]);
      expect(c.app.claims).not.toHaveBeenCalled();
      expect(c.app.timeline).not.toHaveBeenCalled();
    });

    it('a refusal reaches both parts', async () => {
      off.push(registerPrimer(0, table), registerPrimer(1, timeline));
      const c = calls();
      prime({ codes: ['d'] }, c.app);
      const a = take('table {"codes":["d"]}', async () => 'again');
      const b = take('timeline {"codes":["d"]}', async () => 'again');
      c.fail(new Error('refused'));
      await expect(a).rejects.toThrow('refused');
      await expect(b).rejects.toThrow('refused');
    });

    it('one part alone asks its own method', async () => {
      off.push(registerPrimer(0, table));
      const c = calls();
      prime({ codes: ['e'] }, c.app);
      expect(c.made).toEqual(['claims']);
      await expect(take('table {"codes":["e"]}', async () => 'again')).resolves.toBe(rows);
    });
    it('settles once every answer has come, each then readable at once (and still taken once)', async () => {
      off.push(registerPrimer(0, table), registerPrimer(1, timeline));
      const c = calls();
      let done = false;
      const all = prime({ codes: ['f'] }, c.app).then(() => (done = true));
      await new Promise((r) => setTimeout(r, 5));
      expect(done).toBe(false);
      expect(settled('table {"codes":["f"]}')).toBeUndefined();
      c.answer({ claims: rows, timeline: bars });
      await all;
      expect(settled('table {"codes":["f"]}')).toEqual({ value: rows });
      expect(settled('timeline {"codes":["f"]}')).toEqual({ value: bars });
      // another key's answer is not this one's
      expect(settled('table {"codes":["g"]}')).toBeUndefined();
      await expect(take('table {"codes":["f"]}', async () => 'again')).resolves.toBe(rows);
      // taken: neither readable nor given again
      expect(settled('table {"codes":["f"]}')).toBeUndefined();
      await expect(take('table {"codes":["f"]}', async () => 'again')).resolves.toBe('again');
    });

    it('settles on a refusal too, with nothing readable, and a new filter drops the last one’s answers', async () => {
      off.push(registerPrimer(0, table), registerPrimer(1, timeline));
      const c = calls();
      const all = prime({ codes: ['h'] }, c.app);
      c.fail(new Error('refused'));
      await expect(all).resolves.toBeUndefined();
      expect(settled('table {"codes":["h"]}')).toBeUndefined();
      const d = calls();
      const next = prime({ codes: ['i'] }, d.app);
      d.answer({ claims: rows, timeline: bars });
      await next;
      expect(settled('timeline {"codes":["i"]}')).toEqual({ value: bars });
      prime({ codes: ['j'] }, calls().app);
      expect(settled('timeline {"codes":["i"]}')).toBeUndefined();
    });

    it('settles at once when no part asks anything', async () => {
      await expect(prime({ codes: ['k'] }, calls().app)).resolves.toBeUndefined();
    });
  });
});
