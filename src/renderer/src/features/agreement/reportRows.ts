/**
 * The report's rows as the view shows them and the CSV holds them: one per code (the chosen codes
 * together first), one per claim field, each with its warnings in the interface language.
 * Numbers are formatted for the interface language on screen (Intl: Arabic digits and the Arabic
 * decimal separator ٫ in Arabic) and written bare, to four decimals, in the CSV.
 */
import type { AgreementField, AgreementReport, Flag, ReportNote } from '@shared/api/agreement';
import { csvDocument, type CsvValue } from '@shared/csv';
import type { Lang } from '../../i18n';
import type { useAgreementStrings } from './strings';

export type Words = ReturnType<typeof useAgreementStrings>;

export interface CodeRow {
  codeId: string | null;
  name: string;
  alphaU: number | null;
  boundary: number | null;
  codingGivenUnits: number | null;
  units: number;
  warnings: string[];
}

export interface FieldRow {
  field: AgreementField;
  name: string;
  metric: 'nominal' | 'interval';
  alpha: number | null;
  low: number | null;
  high: number | null;
  cohen: number | null;
  fleiss: number | null;
  percent: number | null;
  n: number;
  warnings: string[];
}

export function formatNumber(x: number | null, lang: Lang, w: Words): string {
  if (x === null) return w.undefinedValue;
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x);
}

export function formatShare(x: number | null, lang: Lang, w: Words): string {
  if (x === null) return w.undefinedValue;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

export function flagWords(flag: Flag, what: string, lang: Lang, w: Words): string {
  switch (flag.kind) {
    case 'noUnits':
      return w.noUnits(what);
    case 'fewUnits':
      return w.fewUnits(what, flag.units, flag.least);
    case 'dominant':
      return w.dominant(what, flag.value, formatShare(flag.share, lang, w));
    case 'undefined':
      return w.undefinedFlag(what);
  }
}

/** `nameOf` names a coder by key (the report's `names`). */
export function noteWords(note: ReportNote, w: Words, nameOf: (coder: string) => string = (c) => c): string {
  switch (note.kind) {
    case 'unnamed':
      return w.unnamed(note.count);
    case 'coderWithout':
      return w.coderWithout(nameOf(note.coder));
    case 'doubled':
      return w.doubled(note.count);
  }
}

export function codeRows(report: AgreementReport, nameOf: (codeId: string) => string, lang: Lang, w: Words): CodeRow[] {
  const u = report.unitizing;
  return [
    {
      codeId: null,
      name: w.allCodes,
      alphaU: u.alpha,
      boundary: u.boundary.alpha,
      codingGivenUnits: u.codingGivenUnits.alpha,
      units: u.units,
      warnings: [],
    },
    ...u.codes.map((c) => {
      const name = nameOf(c.codeId);
      return {
        codeId: c.codeId,
        name,
        alphaU: c.alpha,
        boundary: c.boundary.alpha,
        codingGivenUnits: c.codingGivenUnits.alpha,
        units: c.units,
        warnings: c.flags.map((f) => flagWords(f, w.alphaUOf(name), lang, w)),
      };
    }),
  ];
}

export function fieldRows(
  report: AgreementReport,
  nameOfField: (key: string) => string,
  lang: Lang,
  w: Words,
): FieldRow[] {
  return report.claims.fields.map((f) => {
    const name = nameOfField(f.field);
    return {
      field: f.field,
      name,
      metric: f.metric,
      alpha: f.alpha.alpha,
      low: f.interval.low,
      high: f.interval.high,
      cohen: f.cohenKappa?.kappa ?? null,
      fleiss: f.fleissKappa?.kappa ?? null,
      percent: f.percentAgreement.agreement,
      n: f.alpha.units,
      warnings: f.flags.map((flag) => flagWords(flag, w.alphaOf(name), lang, w)),
    };
  });
}

export const CSV_HEADER = [
  'row',
  'code_id',
  'name',
  'alpha_u',
  'boundary_alpha',
  'cu_alpha',
  'units',
  'metric',
  'alpha',
  'alpha_ci_low',
  'alpha_ci_high',
  'cohen_kappa',
  'fleiss_kappa',
  'percent_agreement',
  'n',
  'warnings',
] as const;

const num = (x: number | null): CsvValue => (x === null ? '' : Math.round(x * 1e4) / 1e4);

/** The CSV of the rows shown (UTF-8 BOM, CRLF, text cells guarded against formulas). */
export function reportCsv(codes: readonly CodeRow[], fields: readonly FieldRow[]): string {
  const rows: CsvValue[][] = [
    ...codes.map((r): CsvValue[] => [
      'code',
      r.codeId ?? '',
      r.name,
      num(r.alphaU),
      num(r.boundary),
      num(r.codingGivenUnits),
      r.units,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      r.warnings.join(' '),
    ]),
    ...fields.map((r): CsvValue[] => [
      'field',
      r.field,
      r.name,
      '',
      '',
      '',
      '',
      r.metric,
      num(r.alpha),
      num(r.low),
      num(r.high),
      num(r.cohen),
      num(r.fleiss),
      num(r.percent),
      r.n,
      r.warnings.join(' '),
    ]),
  ];
  return csvDocument(CSV_HEADER, rows);
}
