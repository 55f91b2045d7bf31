/**
 * The page's answer to page.settle (heldChanges.ts): what it holds is sent first, and the answer
 * names the drain it answers, so the host counts it for that drain only.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => [] as Array<{ name: string; input: unknown }>);
vi.mock('../api/client', () => ({
  api: new Proxy({}, { get: (_t, name: string) => async (input: unknown) => void calls.push({ name, input }) }),
  sendingWhileUnloading: () => undefined,
}));

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let stop: () => void = () => undefined;
beforeEach(() => {
  calls.length = 0;
  vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
});
afterEach(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('answering page.settle', () => {
  it('sends what is held, then answers page.settled with the drain it was asked for', async () => {
    const { guardHeldChanges, holdChanges } = await import('./heldChanges');
    const { deliverMainEvent, emitAppEvent } = await import('./appEvents');
    stop = guardHeldChanges();
    let sent: () => void = () => undefined;
    const release = holdChanges({ busy: () => true, settle: () => new Promise((resolve) => (sent = resolve)) });
    deliverMainEvent({ name: 'page.settle', data: { drain: 7 } });
    await settle();
    expect(calls).toEqual([]); // the held tag is still on its way
    sent();
    await settle();
    expect(calls).toEqual([{ name: 'page.settled', input: { drain: 7 } }]);
    release();
    // the page's own echo of the event is no request from main
    emitAppEvent('page.settle', { drain: 8 });
    deliverMainEvent({ name: 'page.settle', data: { drain: 9 } });
    await settle();
    expect(calls.map((c) => c.input)).toEqual([{ drain: 7 }, { drain: 9 }]);
  });
});
