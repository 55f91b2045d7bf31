import { describe, expect, it } from 'vitest';
import type { AgreementReport } from '@shared/api/agreement';
import { codeRows, fieldRows, formatNumber, reportCsv } from './reportRows';
import { useAgreementStrings } from './strings';

const family = (alpha: number | null) => ({ alpha, observed: 0, expected: 0 });
const report = {
  coders: ['Amal', 'Badr'],
  names: ['Amal', 'Badr'],
  documentCount: 1,
  length: 100,
  overlap: 0.5,
  unitizing: {
    alpha: 0.123456,
    observed: 0,
    expected: 0,
    units: 4,
    boundary: family(0.5),
    codingGivenUnits: family(null),
    codes: [
      {
        codeId: 'c1',
        name: 'c1',
        alpha: 0.75,
        observed: 0,
        expected: 0,
        units: 4,
        boundary: family(0.8),
        codingGivenUnits: family(null),
        flags: [{ kind: 'fewUnits', units: 4, least: 10 }],
        warnings: [],
      },
    ],
  },
  claims: {
    matched: 2,
    unmatched: 0,
    perCoder: [],
    fields: [
      {
        field: 'position',
        metric: 'nominal',
        units: 2,
        alpha: { alpha: 0.3333333, units: 2, values: 4, observed: 0, expected: 0 },
        interval: {
          low: -0.5,
          high: 1,
          replicates: 1000,
          defined: 1000,
          seed: 1,
          method: 'percentile bootstrap over units',
        },
        cohenKappa: { kappa: 0.25, units: 2, observedAgreement: 0, expectedAgreement: 0 },
        fleissKappa: null,
        percentAgreement: { agreement: 0.5, units: 2 },
        flags: [{ kind: 'dominant', value: '=1+2', share: 0.95 }],
        warnings: [],
      },
    ],
  },
  disagreements: [],
  disagreementCount: 0,
  notes: [],
  warnings: [],
} satisfies AgreementReport;

describe('the rows of the agreement report', () => {
  it('writes the rows shown as a CSV: BOM, CRLF, numbers to four decimals, text guarded against formulas', () => {
    const w = useAgreementStrings.for('en');
    const csv = reportCsv(
      codeRows(report, () => '=HYPERLINK("x")', 'en', w),
      fieldRows(report, (key) => (key === 'position' ? 'Position' : key), 'en', w),
    );
    expect(csv.startsWith('\uFEFFrow,code_id,name,alpha_u,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('code,,All chosen codes,0.1235,0.5,,4,,,,,,,,,');
    expect(lines[2]).toBe(
      `code,c1,"'=HYPERLINK(""x"")",0.75,0.8,,4,,,,,,,,,"αU of “=HYPERLINK(""x"")” rests on 4 units; a figure on fewer than 10 is not reliable."`,
    );
    expect(lines[3]).toBe(
      'field,position,Position,,,,,nominal,0.3333,-0.5,1,0.25,,0.5,2,"α of Position: one value, “=1+2”, holds 95% of the values; coefficients are unstable when one category dominates."',
    );
    expect(lines[4]).toBe('');
  });

  it('formats numbers for the interface language, and says undefined in words', () => {
    const ar = useAgreementStrings.for('ar');
    expect(formatNumber(0.5, 'en', useAgreementStrings.for('en'))).toBe('0.500');
    expect(formatNumber(0.5, 'ar', ar)).toBe(new Intl.NumberFormat('ar', { minimumFractionDigits: 3 }).format(0.5));
    expect(formatNumber(null, 'ar', ar)).toBe('غير معرّف');
    expect(fieldRows(report, () => 'الموقف', 'ar', ar)[0]?.warnings[0]).toMatch(
      /^α لحقل «الموقف»: قيمة واحدة، «=1\+2»/,
    );
  });
});
