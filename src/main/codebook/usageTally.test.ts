import { describe, expect, it } from 'vitest';
import { coderOfTally, statsOf, tallyKey } from './usageIndex';
import { coderNaming } from '@shared/coders/naming';

const a = (extra: Record<string, unknown>) => ({ codes: [], values: {}, annotator: '', ...extra });

describe('the usage index’s count of annotations per coder', () => {
  it('counts by coder id, else by annotator name, and leaves the adjudicated layer out', () => {
    const stats = statsOf([
      a({ coderId: 'c_1', annotator: 'Amal' }),
      a({ coderId: 'c_1', annotator: 'Amal (renamed)' }),
      a({ annotator: 'Amal' }),
      a({ annotator: '__proto__' }),
      a({ annotator: '' }),
      a({ coderId: 'c_2', adjudication: { decision: 'accept-a' } }),
    ]);
    expect([...stats.coders]).toEqual([
      [tallyKey({ coderId: 'c_1', annotator: '' }), 2],
      [tallyKey({ annotator: 'Amal' }), 1],
      [tallyKey({ annotator: '__proto__' }), 1],
      [tallyKey({ annotator: '' }), 1],
    ]);
    expect(stats.annotations).toBe(6);
  });

  it('gives back what the coder naming needs, for names holding the separator too', () => {
    for (const who of [{ coderId: 'c_1', annotator: '' }, { annotator: 'a\u001fb' }, { annotator: '' }])
      expect(coderOfTally(tallyKey(who))).toEqual(who);
    // an annotator name the coder list gives an id is that coder
    const naming = coderNaming([{ id: 'c_1', name: 'Amal' }]);
    expect(naming.keyOf(coderOfTally(tallyKey({ annotator: 'Amal' })))).toBe('c_1');
    expect(naming.keyOf(coderOfTally(tallyKey({ coderId: 'c_9', annotator: '' })))).toBe('c_9');
  });
});
