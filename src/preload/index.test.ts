import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/api';
import { EVENT_CHANNEL } from '@shared/api/events';

/** A fake of the part of Electron the preload uses: what it exposes and what it listens to. */
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: [] as Array<{ channel: string; fn: (event: unknown, ...args: unknown[]) => void }>,
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
  },
  ipcRenderer: {
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => fake.listeners.push({ channel, fn }),
    invoke: fake.invoke,
  },
}));

type Bridge = Record<string, (...args: unknown[]) => unknown> & {
  on(name: string, fn: (data: unknown) => void): () => void;
};
let bridge: Bridge;
/** main sending on the event channel, as webContents.send does */
const send = (envelope: unknown) => {
  for (const l of fake.listeners) if (l.channel === EVENT_CHANNEL) l.fn({ sender: 'main' }, envelope);
};

beforeAll(async () => {
  await import('./index');
  bridge = fake.exposed.get('hashiya') as Bridge;
});

describe('the preload bridge', () => {
  it('exposes one function per method, and on(), and nothing else (no ipcRenderer)', async () => {
    expect([...fake.exposed.keys()]).toEqual(['hashiya']);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    await expect(bridge['documents.list']?.({})).resolves.toEqual({
      ok: true,
      value: { channel: channelFor('documents.list'), input: {} },
    });
  });

  it('listens on the event channel once, however many subscribers there are', () => {
    const offs = [bridge.on('menu.command', () => undefined), bridge.on('annotations.changed', () => undefined)];
    expect(fake.listeners.map((l) => l.channel)).toEqual([EVENT_CHANNEL]);
    for (const off of offs) off();
  });

  it('delivers an event’s data to its subscribers only, until they unsubscribe', () => {
    const menu: unknown[] = [];
    const changed: unknown[] = [];
    const off = bridge.on('menu.command', (d) => menu.push(d));
    const offChanged = bridge.on('annotations.changed', (d) => changed.push(d));
    send({ name: 'menu.command', data: { command: 'undo' } });
    send({ name: 'annotations.changed', data: { documentIds: ['d1'] } });
    off();
    send({ name: 'menu.command', data: { command: 'redo' } });
    offChanged();
    expect(menu).toEqual([{ command: 'undo' }]);
    expect(changed).toEqual([{ documentIds: ['d1'] }]);
  });

  it('drops what is not an event of the contract before page code sees it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    const off = bridge.on('menu.command', (d) => seen.push(d));
    send({ name: 'menu.command', data: { command: 'format-disk' } });
    send({ name: 'menu.command', data: { command: 'undo', extra: 'x' } });
    send({ name: 'menu.command' });
    send({ name: '__proto__', data: {} });
    send('menu.command');
    send(null);
    off();
    expect(seen).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(6);
    warn.mockRestore();
  });

  it('refuses to subscribe to an event that does not exist', () => {
    expect(() => bridge.on('hashiya-menu', () => undefined)).toThrow(/no event “hashiya-menu”/);
    expect(() => bridge.on('toString', () => undefined)).toThrow(TypeError);
    expect(() => (bridge.on as (n: string, f: unknown) => void)('menu.command', 'alert(1)')).toThrow(TypeError);
  });

  it('one failing subscriber does not keep the event from the others', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    const offs = [
      bridge.on('documents.changed', () => {
        throw new Error('boom');
      }),
      bridge.on('documents.changed', (d) => seen.push(d)),
    ];
    send({ name: 'documents.changed', data: { documentIds: null } });
    for (const off of offs) off();
    expect(seen).toEqual([{ documentIds: null }]);
    error.mockRestore();
  });
});
