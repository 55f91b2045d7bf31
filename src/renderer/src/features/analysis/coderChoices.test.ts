import { describe, expect, it } from 'vitest';
import { ADJUDICATED_LAYER } from '@shared/analysis/filter';
import { coderChoices } from './coderChoices';

const labels = { adjudicated: 'Adjudicated layer', lang: 'en' };

describe('the coder choices of the claims filter', () => {
  it('one entry per coder, by id, with the current name; the adjudicated layer last', () => {
    const choices = coderChoices(
      [
        { coder: 'c_amal', name: 'Amal Haddad' },
        { coder: 'Basim', name: 'Basim' },
      ],
      [
        { id: 'c_amal', name: 'Amal Haddad' },
        { id: 'c_zaid', name: 'Zaid' },
      ],
      undefined,
      labels,
    );
    expect(choices).toEqual([
      { value: 'c_amal', label: 'Amal Haddad' },
      { value: 'Basim', label: 'Basim' },
      { value: 'c_zaid', label: 'Zaid' },
      { value: ADJUDICATED_LAYER, label: 'Adjudicated layer' },
    ]);
  });
  it('tells two coders of one name apart by id, and keeps a name still chosen', () => {
    const choices = coderChoices(
      [
        { coder: 'c_1', name: 'Amal' },
        { coder: 'c_2', name: 'Amal' },
      ],
      [],
      ['Old name', ADJUDICATED_LAYER],
      labels,
    );
    expect(choices.map((c) => [c.value, c.label, c.hint])).toEqual([
      ['c_1', 'Amal', 'c_1'],
      ['c_2', 'Amal', 'c_2'],
      ['Old name', 'Old name', undefined],
      [ADJUDICATED_LAYER, 'Adjudicated layer', undefined],
    ]);
  });
});
