import { describe, expect, it, vi } from 'vitest';
import { prime, sendEarly, take } from './earlyRequests';

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
});
