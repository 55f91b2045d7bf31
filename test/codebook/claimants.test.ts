import { describe, expect, it } from 'vitest';
import { spellingGroups } from '@shared/codebook/claimants';

describe('claimants spelled in more than one way', () => {
  it('groups spellings that differ by taa marbuta, diacritics, tatweel or spaces, keeping the most used', () => {
    const groups = spellingGroups([
      { name: 'خليفه حفتر', count: 2 },
      { name: 'خليفة حفتر', count: 5 },
      { name: 'خليــفة  حَفتر', count: 1 },
      { name: 'فائز السراج', count: 3 },
      { name: 'غسان سلامه', count: 1 },
      { name: 'غسان سلامة', count: 1 },
    ]);
    expect(groups).toEqual([
      {
        keep: { name: 'خليفة حفتر', count: 5 },
        others: [
          { name: 'خليفه حفتر', count: 2 },
          { name: 'خليــفة  حَفتر', count: 1 },
        ],
      },
      { keep: { name: 'غسان سلامة', count: 1 }, others: [{ name: 'غسان سلامه', count: 1 }] },
    ]);
  });

  it('leaves distinct actors alone', () => {
    expect(
      spellingGroups([
        { name: 'ماكرون', count: 1 },
        { name: 'السراج', count: 1 },
      ]),
    ).toEqual([]);
  });
});
