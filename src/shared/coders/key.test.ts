import { describe, expect, it } from 'vitest';
import { coderKey, isAdjudicated } from './key';

describe('coderKey', () => {
  it('is the coder id when there is one, else the annotator name', () => {
    expect(coderKey({ coderId: 'c_1', annotator: 'Salma' })).toBe('c_1');
    expect(coderKey({ annotator: 'Salma' })).toBe('Salma');
  });
  it('tells the adjudicated layer from the coders’ layers', () => {
    expect(isAdjudicated({})).toBe(false);
    expect(
      isAdjudicated({
        adjudication: { by: 'A', byId: 'c_1', at: '2026-01-01T00:00:00.000Z', decision: 'accept-a', from: [] },
      }),
    ).toBe(true);
  });
});
