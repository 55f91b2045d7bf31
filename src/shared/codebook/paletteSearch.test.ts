import { describe, expect, it } from 'vitest';
import { defaultCodebook } from '../defaultCodebook';
import type { Code } from '../model';
import { rankCodes } from './paletteSearch';

const code = (c: Partial<Code> & Pick<Code, 'id' | 'name'>): Code => ({
  nameAr: '',
  color: '#999999',
  description: '',
  example: '',
  key: null,
  parentId: null,
  ...c,
});

const withDemand = (): Code[] => [
  ...defaultCodebook().codes,
  code({ id: 'withdrawal-demand', name: 'Withdrawal demand', nameAr: 'المطالبة بالانسحاب' }),
  code({ id: 'demands', name: 'Demands of the parties', nameAr: 'مطالب الأطراف' }),
  code({ id: 'undemanding', name: 'Undemanding statement' }),
];
const ids = (codes: Code[], q: string) => rankCodes(codes, q).map((c) => c.id);

describe('code palette ranking', () => {
  it('puts a name match before a code whose definition mentions the word', () => {
    const order = ids(withDemand(), 'demand');
    // name prefix, then a name word, then another name substring, then definitions
    expect(order.slice(0, 3)).toEqual(['demands', 'withdrawal-demand', 'undemanding']);
    expect(order).toContain('ceasefire-proposal'); // its definition says “demands”
    expect(order.indexOf('ceasefire-proposal')).toBeGreaterThan(2);
  });

  it('keeps codebook order within one rank and lists everything for an empty query', () => {
    const codes = defaultCodebook().codes;
    expect(ids(codes, '')).toEqual(codes.map((c) => c.id));
    expect(ids(codes, 'embargo').slice(0, 3)).toEqual([
      'arms-embargo',
      'arms-embargo-violation',
      'embargo-enforcement-call',
    ]);
    expect(ids(codes, 'cease').slice(0, 3)).toEqual(['ceasefire', 'ceasefire-proposal', 'ceasefire-condition']);
  });

  it('matches Arabic names whatever their hamza, harakat or article', () => {
    const codes = defaultCodebook().codes;
    // «اطلاق» without hamza finds «إطلاق»; a word after «ال» counts as a word start
    expect(ids(codes, 'وقف اطلاق')[0]).toBe('ceasefire');
    expect(ids(codes, 'سلاح').slice(0, 2)).toEqual(['arms-embargo', 'arms-embargo-violation']);
    expect(ids(codes, 'حَظْر')[0]).toBe('arms-embargo');
  });

  it('puts the code whose key was typed first and leaves out codes that match nowhere', () => {
    const codes = defaultCodebook().codes;
    expect(ids(codes, '3')[0]).toBe('arms-embargo-violation');
    expect(ids(codes, 'zzzz')).toEqual([]);
  });
});
