/**
 * The claims view's coder filter (issue 17): by coder key (the coder id, else the annotator
 * name), named by the coder's current name, with filters saved by name still working and the
 * adjudicated layer as an entry of its own.
 */
import { describe, expect, it } from 'vitest';
import { Annotation } from '../model';
import { emptyRegistry } from '../claims/registry';
import { ADJUDICATED_LAYER, applyFilter, ClaimFilter } from './filter';
import { claimContext, recordFromAnnotation } from './records';

const doc = { id: 'd1', title: 'Haftar in Paris', source: 'Al-Wasat', publishedAt: '2019-05-22' };
let next = 0;
const annotation = (fields: Partial<Annotation>) =>
  Annotation.parse({
    id: `a${++next}`,
    documentId: 'd1',
    start: 3,
    end: 9,
    quote: 'وقف إطلاق النار',
    prefix: '',
    suffix: '',
    codes: ['ceasefire'],
    createdAt: '2019-05-22T10:00:00Z',
    updatedAt: '2019-05-22T10:00:00Z',
    ...fields,
  });

// Amal coded first as “Amal”, was renamed “Amal Haddad”; Basim has no coder id (an old project);
// Carla adjudicated one claim.
const coders = [
  { id: 'c_amal', name: 'Amal Haddad' },
  { id: 'c_carla', name: 'Carla' },
];
const annotations = [
  annotation({ id: 'old', annotator: 'Amal', coderId: 'c_amal' }),
  annotation({ id: 'new', annotator: 'Amal Haddad', coderId: 'c_amal' }),
  annotation({ id: 'basim', annotator: 'Basim' }),
  annotation({ id: 'carla', annotator: 'Carla', coderId: 'c_carla' }),
  annotation({
    id: 'settled',
    annotator: 'Carla',
    coderId: 'c_carla',
    adjudication: { by: 'Carla', byId: 'c_carla', at: '2019-06-01T10:00:00Z', decision: 'accept-a', from: ['old'] },
  }),
];
const ctx = claimContext({ codebook: { fields: [] }, registry: emptyRegistry(), coders });
const records = annotations.map((a) => recordFromAnnotation(a, doc, ctx));
const ids = (coderValues: string[]) =>
  applyFilter(records, ClaimFilter.parse({ coders: coderValues }), [], coders).map((r) => r.annotationId);

describe('the coder filter of the claims view', () => {
  it('names every claim by its coder’s current name and keys it by coder id', () => {
    expect(records.map((r) => [r.annotationId, r.coder, r.coderKey, r.adjudicated])).toEqual([
      ['old', 'Amal Haddad', 'c_amal', false],
      ['new', 'Amal Haddad', 'c_amal', false],
      ['basim', 'Basim', 'Basim', false],
      ['carla', 'Carla', 'c_carla', false],
      ['settled', 'Carla', 'c_carla', true],
    ]);
  });
  it('a coder id finds all of that coder’s claims, under any name they carried, and no adjudicated one', () => {
    expect(ids(['c_amal'])).toEqual(['old', 'new']);
    expect(ids(['c_carla'])).toEqual(['carla']);
  });
  it('a name from a filter saved before coder ids still finds that coder’s claims', () => {
    expect(ids(['Amal Haddad'])).toEqual(['old', 'new']);
    expect(ids(['Amal'])).toEqual(['old']);
    expect(ids(['Basim'])).toEqual(['basim']);
  });
  it('the adjudicated layer is its own entry', () => {
    expect(ids([ADJUDICATED_LAYER])).toEqual(['settled']);
    expect(ids([ADJUDICATED_LAYER, 'Basim'])).toEqual(['basim', 'settled']);
  });
  it('an old annotation without a coder id belongs to the one coder bearing its name', () => {
    const r = recordFromAnnotation(annotation({ annotator: 'Carla' }), doc, ctx);
    expect([r.coderKey, r.coder]).toEqual(['c_carla', 'Carla']);
  });
});
