import { describe, expect, it, vi } from 'vitest';
import { EventHub } from './events';

describe('EventHub', () => {
  it('delivers each event to every subscriber until it unsubscribes', () => {
    const hub = new EventHub();
    const a = vi.fn();
    const b = vi.fn();
    const stopA = hub.subscribe(a);
    hub.subscribe(b);
    hub.emit('annotations.changed', { documentIds: ['d1'] });
    stopA();
    hub.emit('documents.changed', { documentIds: null });
    expect(a.mock.calls).toEqual([[{ name: 'annotations.changed', data: { documentIds: ['d1'] } }]]);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('a subscriber that throws does not keep the others from the event', () => {
    const hub = new EventHub();
    const after = vi.fn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    hub.subscribe(() => {
      throw new Error('window closed');
    });
    hub.subscribe(after);
    hub.emit('menu.command', { command: 'find' });
    expect(after).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});
