import { describe, expect, it } from 'vitest';
import { byteScratch, floatScratch, intScratch, SLOT } from './scratch';

describe('scratch arrays reused from call to call', () => {
  it('gives views of one buffer per slot, grown when short, each slot its own', () => {
    const a = intScratch(SLOT.heap, 10);
    a.fill(7);
    const again = intScratch(SLOT.heap, 5);
    expect(again.length).toBe(5);
    // the same memory: what the last use left
    expect([...again]).toEqual([7, 7, 7, 7, 7]);
    again[0] = 1;
    expect(a[0]).toBe(1);
    // another slot is other memory
    const other = intScratch(SLOT.byCoder, 10);
    other.fill(3);
    expect(a[1]).toBe(7);
    // grown: a new buffer, at least as long as asked
    const long = intScratch(SLOT.heap, 1000);
    expect(long.length).toBe(1000);
    long[0] = 9;
    expect(a[0]).toBe(1);
    expect(intScratch(SLOT.heap, 3)[0]).toBe(9);
    const f = floatScratch(SLOT.unitLengths, 4);
    f[3] = 0.5;
    expect(floatScratch(SLOT.unitLengths, 4)[3]).toBe(0.5);
    expect(byteScratch(SLOT.sectionUnit, 0).length).toBe(0);
  });
});
