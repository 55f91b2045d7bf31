import { describe, expect, it, vi } from 'vitest';
import { missingDocuments } from './missingDocuments';

describe('missingDocuments', () => {
  it('gives the ids the project does not answer for, asking in batches the API accepts', async () => {
    const held = new Set(['a', 'c', 'd', 'f']);
    const titles = vi.fn(async (ids: string[]) => ids.filter((id) => held.has(id)).map((id) => ({ id })));
    const missing = await missingDocuments(['a', 'b', 'c', 'd', 'e', 'f', 'g'], titles, 3);
    expect([...missing].sort()).toEqual(['b', 'e', 'g']);
    expect(titles.mock.calls.map(([ids]) => ids)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });
  it('asks nothing for no ids', async () => {
    const titles = vi.fn(async () => []);
    expect((await missingDocuments([], titles, 10)).size).toBe(0);
    expect(titles).not.toHaveBeenCalled();
  });
});
