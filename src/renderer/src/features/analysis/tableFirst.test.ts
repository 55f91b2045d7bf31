import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterTable, tableKey, tableShown } from './tableFirst';

describe('the network asks after the table', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the table to show the same filter, then for a frame, and not for another filter', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const a = tableKey({ codes: ['a'] }, 1);
    const b = tableKey({ codes: ['b'] }, 1);
    void afterTable(a).then(() => seen.push('a'));
    void afterTable(b).then(() => seen.push('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([]);
    tableShown(a);
    await Promise.resolve();
    expect(seen).toEqual([]); // not before the frame
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['a']);
    // the other filter's network is not held for ever by a table that never shows it
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['a', 'b']);
  });

  it('holds a network that asks after the table rendered the filter but before its frame', async () => {
    // the table's effect and the network's run in the same commit: the network asks a moment later
    vi.useFakeTimers();
    const k = tableKey({ codes: ['d'] }, 3);
    tableShown(k);
    let done = false;
    void afterTable(k, 60_000).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('asks at once when the table already shows the filter (a change of the network options only)', async () => {
    vi.useFakeTimers();
    const k = tableKey({ codes: ['c'] }, 2);
    tableShown(k);
    await vi.advanceTimersByTimeAsync(1);
    let done = false;
    void afterTable(k, 60_000).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
