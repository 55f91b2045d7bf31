import { describe, expect, it } from 'vitest';
import { coderNaming } from '@shared/coders/naming';
import type { Annotation } from '@shared/model';
import { filterAnnotations } from './AnnotationPanel';
import { ADJUDICATED_LAYER, coderOptions } from './panelCoders';

const at = (n: number) => `2019-05-2${n}T10:00:00Z`;
const annotation = (id: string, extra: Partial<Annotation>): Annotation => ({
  id,
  documentId: 'd1',
  start: 0,
  end: 5,
  quote: 'quote',
  prefix: '',
  suffix: '',
  codes: ['ceasefire'],
  values: {},
  annotator: '',
  createdAt: at(1),
  updatedAt: at(1),
  ...extra,
});

// Amal coded as “Amal”, then was renamed “Amal Haddad”; one of her annotations predates coder ids
const list = [
  annotation('old', { annotator: 'Amal', coderId: 'c_amal', updatedAt: at(1) }),
  annotation('new', { annotator: 'Amal Haddad', coderId: 'c_amal', updatedAt: at(2) }),
  annotation('legacy', { annotator: 'Amal Haddad' }),
  annotation('basim', { annotator: 'Basim', coderId: 'c_basim' }),
  annotation('settled', {
    annotator: 'Basim',
    coderId: 'c_basim',
    adjudication: { by: 'Basim', byId: 'c_basim', at: at(3), decision: 'accept-a', from: ['old'] },
  }),
];
const naming = coderNaming([
  { id: 'c_amal', name: 'Amal Haddad' },
  { id: 'c_basim', name: 'Basim' },
]);

describe('the reader panel’s coder filter', () => {
  it('lists a renamed coder once, under the current name, and the adjudicated layer apart', () => {
    expect(coderOptions(list, naming, 'Adjudicated layer')).toEqual([
      { value: 'c_amal', label: 'Amal Haddad', count: 3 },
      { value: 'c_basim', label: 'Basim', count: 1 },
      { value: ADJUDICATED_LAYER, label: 'Adjudicated layer', count: 1 },
    ]);
  });
  it('without the coder list yet, a coder takes the name of their latest annotation', () => {
    const options = coderOptions(list, coderNaming([]), 'Adjudicated layer');
    expect(options.find((o) => o.value === 'c_amal')).toEqual({ value: 'c_amal', label: 'Amal Haddad', count: 2 });
  });
  it('shows the chosen coder’s annotations under every name they carried, or the adjudicated layer only', () => {
    const ids = (coder: string) => filterAnnotations(list, { code: '', coder }, [], naming).map((a) => a.id);
    expect(ids('c_amal')).toEqual(['old', 'new', 'legacy']);
    expect(ids('c_basim')).toEqual(['basim']);
    expect(ids(ADJUDICATED_LAYER)).toEqual(['settled']);
    expect(ids('')).toHaveLength(5);
  });
});
