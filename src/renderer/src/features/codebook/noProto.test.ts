import { describe, expect, it } from 'vitest';
import { noProto } from './noProto';

describe('noProto', () => {
  it('finds nothing for names that are members of every plain object', () => {
    const usage = noProto<number>(JSON.parse('{"ceasefire":2}') as Record<string, number>);
    expect(usage['constructor'] ?? 0).toBe(0);
    expect(usage['toString'] ?? 0).toBe(0);
    expect(usage['ceasefire']).toBe(2);
  });
  it('keeps a count or draft named __proto__ as an ordinary entry', () => {
    const usage = noProto<number>(JSON.parse('{"__proto__":3}') as Record<string, number>);
    expect(usage['__proto__']).toBe(3);
    const drafts = noProto<string>(noProto<string>({}), { ['__proto__']: 'new name' }, { constructor: 'x' });
    expect(Object.keys(drafts).sort()).toEqual(['__proto__', 'constructor']);
    expect(drafts['__proto__']).toBe('new name');
  });
});
