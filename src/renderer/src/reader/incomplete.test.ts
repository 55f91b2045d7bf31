import { describe, expect, it } from 'vitest';
import { ClaimField } from '@shared/claims/fields';
import { politicalClaimsTemplate } from '@shared/claims/template';
import type { Annotation } from '@shared/model';
import { filterAnnotations } from './AnnotationPanel';
import { isIncomplete } from './incomplete';

const at = '2026-01-01T00:00:00.000Z';
const annotation = (id: string, codes: string[], values: Annotation['values']): Annotation => ({
  ...{ id, documentId: 'd', start: 0, end: 4, quote: 'نص', prefix: '', suffix: '', codes, values },
  ...{ annotator: 'Salma', createdAt: at, updatedAt: at },
});
// the template (claimant required) and a fatalities number required on casualty claims only
const FIELDS = [
  ...politicalClaimsTemplate(),
  ClaimField.parse({ key: 'fatalities', label: 'Fatalities', type: 'number', required: true, codes: ['casualties'] }),
];

describe('incomplete claims', () => {
  it('is a claim a required field that applies to its codes is empty on', () => {
    expect(isIncomplete(annotation('a', ['ceasefire'], {}), FIELDS)).toBe(true);
    expect(isIncomplete(annotation('b', ['ceasefire'], { claimant: 'macron' }), FIELDS)).toBe(false);
    // the fatalities field is required on casualty claims only
    expect(isIncomplete(annotation('c', ['casualties'], { claimant: 'macron' }), FIELDS)).toBe(true);
    expect(isIncomplete(annotation('d', ['casualties'], { claimant: 'macron', fatalities: 3 }), FIELDS)).toBe(false);
    // empty values count as empty
    expect(isIncomplete(annotation('e', ['ceasefire'], { claimant: '' }), FIELDS)).toBe(true);
    // a codebook with nothing required has no incomplete claims
    expect(isIncomplete(annotation('f', ['ceasefire'], {}), [])).toBe(false);
  });

  it('answers again when the codebook’s fields change', () => {
    const a = annotation('g', ['ceasefire'], {});
    expect(isIncomplete(a, FIELDS)).toBe(true);
    const optional = FIELDS.map((f) => ({ ...f, required: false }));
    expect(isIncomplete(a, optional)).toBe(false);
  });

  it('the panel’s “incomplete only” filter keeps only them, with the other filters', () => {
    const list = [
      annotation('x1', ['ceasefire'], {}),
      annotation('x2', ['ceasefire'], { claimant: 'haftar' }),
      annotation('x3', ['casualties'], { claimant: 'haftar' }),
      { ...annotation('x4', ['ceasefire'], {}), annotator: 'Omar' },
    ];
    const ids = (f: Parameters<typeof filterAnnotations>[1]) => filterAnnotations(list, f, FIELDS).map((a) => a.id);
    expect(ids({ code: '', coder: '' })).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(ids({ code: '', coder: '', incompleteOnly: true })).toEqual(['x1', 'x3', 'x4']);
    expect(ids({ code: '', coder: 'Salma', incompleteOnly: true })).toEqual(['x1', 'x3']);
    expect(ids({ code: 'casualties', coder: '', incompleteOnly: true })).toEqual(['x3']);
  });
});
