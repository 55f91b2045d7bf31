import { describe, expect, it } from 'vitest';
import { CsvBuilder, csvRow } from '@shared/csv';
import { claimCells, claimColumns, registryLookup, writeClaimCells } from '@shared/claims/claimCsv';
import { emptyRegistry } from '@shared/claims/registry';
import { addEntity } from '@shared/claims/registryOps';
import { politicalClaimsTemplate } from '@shared/claims/template';
import { ClaimField } from '@shared/claims/fields';
import type { ClaimValues } from '@shared/claims/values';

describe('claim values in CSV columns', () => {
  let registry = emptyRegistry();
  registry = addEntity(registry, { kind: 'actor', nameAr: 'الجيش الوطني الليبي', type: 'armed-group' }, 'lna').registry;
  registry = addEntity(
    registry,
    { kind: 'actor', nameAr: 'خليفة حفتر', type: 'person', affiliation: 'lna' },
    'haftar',
  ).registry;
  registry = addEntity(
    registry,
    { kind: 'actor', nameAr: '=ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' },
    'macron',
  ).registry;
  const fields = [
    ...politicalClaimsTemplate(),
    ClaimField.parse({ key: 'fatalities', label: 'Fatalities', type: 'number' }),
    ClaimField.parse({ key: 'confirmed', label: 'Confirmed', type: 'boolean' }),
  ];

  it('names the columns by key, actors with _id, _type, _affiliation, choices with _value', () => {
    expect(claimColumns(fields)).toEqual([
      'claimant',
      'claimant_id',
      'claimant_type',
      'claimant_affiliation',
      'addressee',
      'addressee_id',
      'addressee_type',
      'addressee_affiliation',
      'object_actor',
      'object_actor_id',
      'object_actor_type',
      'object_actor_affiliation',
      'form',
      'form_value',
      'position',
      'position_value',
      'certainty',
      'certainty_value',
      'claim_date',
      'place',
      'place_id',
      'place_type',
      'place_affiliation',
      'justification',
      'note',
      'fatalities',
      'confirmed',
    ]);
  });

  it('writes names, ids, types, affiliations, choice values and several choices joined with " | "', () => {
    const cells = claimCells(
      fields,
      {
        claimant: 'macron',
        addressee: 'haftar',
        form: 'statement',
        position: 'proposes',
        claim_date: '2019-05-22',
        justification: ['stability', 'security'],
        note: 'سطر',
        fatalities: 510,
        confirmed: false,
      },
      registryLookup(registry),
    );
    expect(cells.length).toBe(claimColumns(fields).length);
    expect(csvRow(cells)).toBe(
      "'=ماكرون,macron,Person,,خليفة حفتر,haftar,Person,الجيش الوطني الليبي,,,,,statement,,proposes,1,,,2019-05-22,,,,,security | stability,سطر,510,false\r\n",
    );
  });

  it('writes the same cells straight into the export as it lists them, empty fields and all', () => {
    const lookup = registryLookup(registry);
    const claims: ClaimValues[] = [
      {},
      { claimant: 'haftar', justification: [], fatalities: 0, confirmed: true },
      { place: 'macron', position: 'no such choice', note: ' "quoted", with a comma\r\nand a line ' },
      { form: 'statement', certainty: 'asserted', justification: ['security'], fatalities: 2.5 },
    ];
    for (const values of claims) {
      const out = new CsvBuilder();
      out.text('row');
      writeClaimCells(out, fields, values, lookup);
      out.endRow();
      expect(out.toString()).toBe(csvRow(['row', ...claimCells(fields, values, lookup)]));
    }
  });
});
