import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/main/exchange/csvRows';
import { ClaimField, ClaimFields, fieldColumns, RESERVED_COLUMNS } from '@shared/claims/fields';
import { checkClaimValues, missingRequired, parseNumber, valueOf, type ValueContext } from '@shared/claims/values';
import { politicalClaimsTemplate, addTemplateFields } from '@shared/claims/template';
import { Codebook as CodebookV3 } from '@shared/model';
import { defaultCodebook } from '@shared/defaultCodebook';

const field = (f: Record<string, unknown>) => ClaimField.parse({ label: 'Field', ...f });
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message ?? '';

describe('claim fields', () => {
  it('reserves exactly the CSV export’s own columns (the claim columns follow them, one set per field)', () => {
    expect([...RESERVED_COLUMNS].sort()).toEqual([...CSV_COLUMNS].sort());
    expect(CSV_COLUMNS).not.toContain('claimant');
  });

  it('takes a key only when it is a safe identifier that no column of the export has', () => {
    for (const key of ['fatalities', 'object_actor', 'a1'])
      expect(ClaimField.safeParse({ key, label: 'x', type: 'text' }).success).toBe(true);
    for (const [key, says] of [
      ['Claimant', 'lower-case'],
      ['1st', 'starting with a letter'],
      ['a-b', 'lower-case'],
      ['x'.repeat(41), '1 to 40'],
      ['quote', 'already has'],
      ['document_id', 'already has'],
      ['constructor', 'cannot be a field key'],
      ['__proto__', 'lower-case'],
      ['مدعي', 'lower-case'],
    ]) {
      const r = ClaimField.safeParse({ key, label: 'x', type: 'text' });
      expect(r.success, key).toBe(false);
      expect(firstMessage(r)).toContain(says);
    }
  });

  it('refuses two fields that would fill the same CSV column, and duplicate keys', () => {
    const a = { key: 'claimant', label: 'Claimant', type: 'actor' };
    const twice = ClaimFields.safeParse([a, a]);
    expect(firstMessage(twice)).toBe('Two fields have the key “claimant”.');
    const clash = ClaimFields.safeParse([a, { key: 'claimant_id', label: 'Id', type: 'text' }]);
    expect(firstMessage(clash)).toContain('would both fill the CSV column “claimant_id”');
    expect(fieldColumns({ key: 'claimant', type: 'actor' })).toEqual([
      'claimant',
      'claimant_id',
      'claimant_type',
      'claimant_affiliation',
    ]);
  });

  it('refuses choices on a type without a list, duplicate choice ids, labels of control characters', () => {
    expect(
      firstMessage(ClaimField.safeParse({ key: 'n', label: 'N', type: 'number', choices: [{ id: 'a', name: 'a' }] })),
    ).toContain('has no choice list');
    const dup = ClaimField.safeParse({
      key: 'c',
      label: 'C',
      type: 'choice',
      choices: [
        { id: 'a', name: 'one' },
        { id: 'a', name: 'two' },
      ],
    });
    expect(firstMessage(dup)).toContain('have the id “a”');
    expect(firstMessage(ClaimField.safeParse({ key: 'c', label: '\u0007\u0008', type: 'text' }))).toContain(
      'control characters',
    );
    expect(firstMessage(ClaimField.safeParse({ key: 'c', label: 'C', type: 'colour' }))).toContain('type is one of');
  });

  it('the political-claims template is a valid field list in both languages, positions carrying −1/0/+1', () => {
    const fields = ClaimFields.parse(politicalClaimsTemplate());
    expect(fields.map((f) => [f.key, f.type])).toEqual([
      ['claimant', 'actor'],
      ['addressee', 'actor'],
      ['object_actor', 'actor'],
      ['form', 'choice'],
      ['position', 'choice'],
      ['certainty', 'choice'],
      ['claim_date', 'date'],
      ['place', 'place'],
      ['justification', 'choices'],
      ['note', 'longText'],
    ]);
    for (const f of fields) {
      expect(f.label, f.key).not.toBe('');
      expect(f.labelAr, f.key).toMatch(/\p{Script=Arabic}/u);
      for (const c of f.choices) expect(c.nameAr, c.id).toMatch(/\p{Script=Arabic}/u);
    }
    const position = fields.find((f) => f.key === 'position');
    expect(Object.fromEntries(position!.choices.map((c) => [c.name, c.value]))).toEqual({
      proposes: 1,
      supports: 1,
      rejects: -1,
      denies: -1,
      conditions: 0,
      reports: 0,
    });
    expect(fields.find((f) => f.key === 'form')!.choices.map((c) => c.id)).toContain('statement');
    expect(fields.find((f) => f.key === 'justification')!.choices.length).toBeGreaterThan(3);
  });

  it('offers the template to an existing field list without touching its fields', () => {
    const own = field({ key: 'fatalities', type: 'number', codes: ['casualties-displacement'] });
    const claimant = field({ key: 'claimant', label: 'Speaker', type: 'actor' });
    const out = addTemplateFields([own, claimant]);
    expect(out[0]).toBe(own);
    expect(out[1]).toBe(claimant);
    expect(out.filter((f) => f.key === 'claimant')).toHaveLength(1);
    expect(out).toHaveLength(11);
  });
});

describe('claim values', () => {
  const fields = [
    ...politicalClaimsTemplate(),
    field({ key: 'fatalities', label: 'Fatalities', type: 'number', codes: ['casualties-displacement'] }),
    field({ key: 'confirmed', label: 'Confirmed', type: 'boolean' }),
    field({ key: 'headline', label: 'Headline', type: 'text' }),
  ];
  const ctx: ValueContext = {
    codes: ['ceasefire-proposal'],
    hasEntity: (kind, id) => (kind === 'actor' ? ['macron', 'haftar'] : ['tripoli']).includes(id),
  };

  it('answers the stored values for good input, leaving empty ones out', () => {
    const r = checkClaimValues(
      fields,
      {
        claimant: 'macron',
        addressee: 'haftar',
        position: 'proposes',
        form: 'statement',
        claim_date: '2019-05-22',
        place: 'tripoli',
        justification: ['humanitarian', 'security'],
        note: 'سطر\nوسطر',
        confirmed: false,
        headline: '',
        object_actor: null,
      },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      values: {
        claimant: 'macron',
        addressee: 'haftar',
        position: 'proposes',
        form: 'statement',
        claim_date: '2019-05-22',
        place: 'tripoli',
        // in the list's order, whatever order they were sent in
        justification: ['security', 'humanitarian'],
        note: 'سطر\nوسطر',
        confirmed: false,
      },
    });
  });

  it('accepts Arabic-Indic digits in numbers and dates and stores plain ones', () => {
    const r = checkClaimValues(
      fields,
      { fatalities: '٥١٠', claim_date: '٢٠١٩-٠٥-٢٢' },
      { ...ctx, codes: ['casualties-displacement'] },
    );
    expect(r).toEqual({ ok: true, values: { fatalities: 510, claim_date: '2019-05-22' } });
    expect(parseNumber('٢٫٥')).toBe(2.5);
    expect(parseNumber('2,467')).toBe(2467);
    expect(parseNumber('−3')).toBe(-3);
    expect(checkClaimValues(fields, { claim_date: '22 أيار/مايو ٢٠١٩' }, ctx)).toEqual({
      ok: true,
      values: { claim_date: '2019-05-22' },
    });
  });

  it('refuses every bad value with a sentence, and gives back no values at all', () => {
    const r = checkClaimValues(
      fields,
      {
        position: 'hesitates',
        claim_date: '2019-13-45',
        claimant: 'nobody',
        place: 'macron',
        confirmed: 'yes',
        headline: 'one\ntwo',
        form: 'statement',
      },
      ctx,
    );
    expect(r.ok).toBe(false);
    const problems = r.ok ? {} : Object.fromEntries(r.problems.map((p) => [p.key, p.message]));
    expect(problems).toEqual({
      position: expect.stringContaining('“Position” has no choice “hesitates”; choose one of “proposes”'),
      claim_date: '“Claim date” takes a real day written YYYY-MM-DD, such as 2019-05-22; “2019-13-45” is not one.',
      claimant: '“Claimant”: there is no actor with the id “nobody” in the registry.',
      place: '“Place”: there is no place with the id “macron” in the registry.',
      confirmed: '“Confirmed” is yes or no.',
      headline: '“Headline” is one line of text.',
    });
    expect('values' in r).toBe(false);
  });

  it('refuses numbers that are not finite, unknown keys and fields of other codes', () => {
    const casualty = { ...ctx, codes: ['casualties-displacement'] };
    for (const bad of [Infinity, NaN, '1e999', '12abc', ''] as const) {
      const r = checkClaimValues(fields, { fatalities: bad }, casualty);
      if (bad === '') expect(r).toEqual({ ok: true, values: {} });
      else expect(r.ok, String(bad)).toBe(false);
    }
    expect(checkClaimValues(fields, { fatalities: 3 }, ctx)).toEqual({
      ok: false,
      problems: [{ key: 'fatalities', message: '“Fatalities” is not a field of claims with these codes.' }],
    });
    expect(checkClaimValues(fields, { constructor: 'x' }, ctx)).toEqual({
      ok: false,
      problems: [{ key: 'constructor', message: 'There is no claim field with the key “constructor”.' }],
    });
  });

  it('flags a claim whose required field is empty, and never reads inherited properties', () => {
    expect(missingRequired(fields, {}, ['ceasefire-proposal']).map((f) => f.key)).toEqual(['claimant']);
    expect(missingRequired(fields, { claimant: 'macron' }, [])).toEqual([]);
    expect(valueOf({}, 'constructor')).toBeUndefined();
    expect(valueOf({}, 'tostring')).toBeUndefined();
  });
});

describe('a format-3 codebook', () => {
  it('refuses a field limited to a code it does not have', () => {
    const codes = defaultCodebook().codes;
    const fatalities = { key: 'fatalities', label: 'Fatalities', type: 'number', codes: ['casualties-displacement'] };
    expect(CodebookV3.safeParse({ codes, fields: [...politicalClaimsTemplate(), fatalities] }).success).toBe(true);
    const r = CodebookV3.safeParse({ codes, fields: [{ ...fatalities, codes: ['no-such-code'] }] });
    expect(r.error?.issues[0]?.message).toBe(
      'The field “Fatalities” is limited to the code “no-such-code”, which the codebook does not have.',
    );
  });
});
