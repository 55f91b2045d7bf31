/**
 * agreement.report: intercoder agreement over chosen documents, coders and codes, computed with
 * the statistics of src/shared/reliability (the rules are documented in src/shared/api/agreement.ts).
 * Documents are read one at a time as an export reads them; coders are coder keys (the coder id,
 * else the annotator name: coderKeyIn in coders.ts), kept in Maps and arrays only, so any name
 * (`__proto__` too) is a coder. Refused while blind coding is on.
 */
import type { Handlers } from '@shared/api';
import {
  AGREEMENT_FIELD_TYPES,
  DEFAULT_OVERLAP,
  type AgreementField,
  type AgreementInput,
  type AgreementReport,
  type CodeAgreement,
  type FieldAgreement,
  type Flag,
  type ReportNote,
} from '@shared/api/agreement';
import { AppError } from '@shared/errors';
import { registryLookup } from '@shared/claims/claimCsv';
import type { ClaimField } from '@shared/claims/fields';
import type { CoderNaming } from '@shared/coders/naming';
import type { Code, DocumentSummary } from '@shared/model';
import type { Metric, Value } from '@shared/reliability/codingAlpha';
import { fieldFigures, twoCoderFieldFigures, type FieldFigures } from '@shared/reliability/fieldFigures';
import { boundaryOfTable, codingGivenUnitsOfTable, heldSquares } from '@shared/reliability/sectionTable';
import { CODE_SEPARATOR, codeOrOtherOfSet, type FamilyResult } from '@shared/reliability/unitizingFamily';
import { codeSetTable } from '@shared/reliability/codeSetTable';
import { unitizingAlphaOfTable } from '@shared/reliability/unitizingTable';
import { reliabilityFlags, flagSentence } from '@shared/reliability/warnings';
import { coderOfTally } from '../codebook/usageIndex';
import { selectDocuments } from '../exchange/documentSource';
import { fieldMetric, listDisagreements, type MatchedSets } from './agreementDisagreements';
import type { ServiceContext } from './context';
import { coderKeyIn, sortByName } from './coders';
import { assertNotBlind } from './visibleAnnotations';
import { gatherAnnotations, readRecords, type ReadRecords } from './agreementRead';
import { matchedSets } from './agreementMatches';
import { valueDescriber } from './agreementDescribe';
import { coderCounts, comparedAnnotations, comparedOfWho, doubledSets, fieldRows, usedCodes } from './agreementPasses';
import { unitsOf } from './agreementUnits';

const sentences = (flags: readonly Flag[], what: string) => flags.map((f) => flagSentence(f, what));

export function agreementHandlers(ctx: ServiceContext): Pick<Handlers, 'agreement.report' | 'agreement.coders'> {
  return {
    'agreement.coders': async (input) => {
      assertNotBlind(ctx.store, 'the list of coders and their counts');
      const { keyOf, nameOf } = coderKeyIn(ctx.store.data.coders);
      const chosen = selectDocuments(ctx.store, input.documentIds);
      // from the usage index's per-document tallies (the coders' layers only), not by reading every
      // document on every call: seconds at 10,000 documents, and the claims view asks on each change
      const perDocument = await ctx.project.usage.perDocument();
      const counts = new Map<string, number>();
      for (const summary of chosen)
        for (const [tally, n] of perDocument.get(summary.id)?.coders ?? []) {
          const key = keyOf(coderOfTally(tally));
          if (key !== '') counts.set(key, (counts.get(key) ?? 0) + n);
        }
      return sortByName([...counts.keys()], nameOf).map((coder) => ({
        coder,
        name: nameOf(coder),
        annotations: counts.get(coder) as number,
      }));
    },
    'agreement.report': async (input) => {
      assertNotBlind(ctx.store, 'the agreement report');
      const { keyOf, nameOf } = coderKeyIn(ctx.store.data.coders);
      const summaries = selectDocuments(ctx.store, input.documentIds);
      const codebook = ctx.store.data.codebook.codes;
      const codeNames = new Map(codebook.map((c) => [c.id, c.name]));
      const chosenCodes = input.codes ? new Set(input.codes) : null;
      if (chosenCodes) {
        const unknown = [...chosenCodes].filter((id) => !codeNames.has(id));
        if (unknown.length > 0)
          throw new AppError('not_found', `The codebook has no code ${unknown.map((id) => `“${id}”`).join(', ')}.`);
      }
      const overlap = input.overlap ?? DEFAULT_OVERLAP;
      const comparable = ctx.store.data.codebook.fields.filter((f) =>
        (AGREEMENT_FIELD_TYPES as readonly string[]).includes(f.type),
      );
      if (input.fields) {
        const unknown = input.fields.filter((k) => !comparable.some((f) => f.key === k));
        if (unknown.length > 0)
          throw new AppError(
            'not_found',
            `The codebook has no field ${unknown.map((k) => `“${k}”`).join(', ')} agreement can compare (${AGREEMENT_FIELD_TYPES.join(', ')}).`,
          );
      }
      const fields: ClaimField[] = input.fields
        ? [...new Set(input.fields)].map((k) => comparable.find((f) => f.key === k) as ClaimField)
        : comparable;
      // the rest is synchronous (composeReport: its arrays are scratch reused by the next report,
      // scratch.ts), and a function of its own, optimised as one: the loops of an asynchronous
      // handler this long ran as on-stack replacements taken back on every call (measured)
      const recordsRead = await readRecords(ctx, summaries);
      return composeReport(
        ctx,
        input,
        { keyOf, nameOf, summaries, codebook, codeNames, chosenCodes, overlap, fields },
        recordsRead,
      );
    },
  };
}

/** What the report's input and the project give, checked before the documents are read. */
interface ReportSetup {
  keyOf: CoderNaming['keyOf'];
  nameOf: CoderNaming['nameOf'];
  summaries: readonly DocumentSummary[];
  codebook: readonly Code[];
  codeNames: ReadonlyMap<string, string>;
  chosenCodes: ReadonlySet<string> | null;
  overlap: number;
  fields: ClaimField[];
}

/** A field's figures from rows made of the matched sets' first annotations (fieldRows). */
function figuresOfRows(
  sets: MatchedSets,
  ids: Int32Array,
  m: number,
  rowLength: number,
  values: readonly Value[],
  metric: Metric,
): FieldFigures {
  // per coder, per matched claim: the value of that coder's first annotation in it (none
  // to look for in a field no compared claim has a value of, as most in a large codebook)
  const { rows, given } = fieldRows(sets, ids, m, rowLength);
  // a field no matched claim has a value of: every figure is that of no units at all, as
  // from rows of no units (nothing paired, agreed or counted), so they are not gone through
  return fieldFigures(given ? rows : rows.map(() => new Int32Array(0)), values, metric);
}

/** The report from the chosen documents' records (no await: see the handler). */
function composeReport(
  ctx: ServiceContext,
  input: AgreementInput,
  setup: ReportSetup,
  recordsRead: ReadRecords,
): AgreementReport {
  const { keyOf, nameOf, summaries, codebook, codeNames, chosenCodes, overlap, fields } = setup;
  const warnings: string[] = [];
  const notes: ReportNote[] = [];

  // the compared coders, when chosen (else every coder is compared)
  const chosenCoders = input.coders ? new Set(input.coders) : null;
  // the annotations read once into typed arrays (agreementRead.ts)
  const {
    read,
    offsets,
    length,
    slotOf,
    coderSlot,
    codeSlot,
    slotCode,
    fieldIds,
    givenOf,
    unnamed,
    records,
    local,
    whoSlot,
    whoFrom,
  } = gatherAnnotations(recordsRead, { chosenCodes, chosenCoders, fields, keyOf });
  if (unnamed > 0) notes.push({ kind: 'unnamed', count: unnamed });
  if (unnamed > 0)
    warnings.push(
      `${unnamed} annotation${unnamed === 1 ? ' has' : 's have'} no coder name and ${unnamed === 1 ? 'is' : 'are'} left out.`,
    );

  // the coders with annotations (numbered as first met)
  const present = coderSlot;
  const coders = input.coders ? [...new Set(input.coders)] : sortByName([...present.keys()], nameOf);
  const withAnnotations = coders.filter((c) => present.has(c));
  if (withAnnotations.length < 2) {
    throw new AppError(
      'invalid_input',
      withAnnotations.length === 0
        ? 'Agreement needs at least two coders with annotations in the chosen documents; there are none.'
        : `Agreement needs at least two coders with annotations in the chosen documents; only “${nameOf(withAnnotations[0] as string)}” has any.`,
    );
  }
  if (length === 0) throw new AppError('invalid_input', 'The chosen documents hold no text.');
  for (const c of coders)
    if (!present.has(c)) {
      notes.push({ kind: 'coderWithout', coder: c });
      warnings.push(`The coder “${nameOf(c)}” has no annotations in the chosen documents.`);
    }
  const m = coders.length;
  const names = coders.map(nameOf);
  const N = read.count;
  // the compared coders' annotations (`mine`, in reading order of the documents) and their coder index
  const comparedOfSlot = new Int32Array(present.size).fill(-1);
  coders.forEach((c, i) => {
    const slot = present.get(c);
    if (slot !== undefined) comparedOfSlot[slot] = i;
  });
  const { coderOf, mine } = comparedAnnotations(slotOf, comparedOfSlot, N);

  // unitizing: one unit per code of each annotation, on the continuum, laid out coder after coder
  // (agreementUnits.ts), which αU (unitizingTable.ts) and the cut by code sets both read
  const used = usedCodes(read, mine, slotCode.length);
  const codeIds = codebook
    .map((c) => c.id)
    .filter((id) => (chosenCodes ? chosenCodes.has(id) : used[codeSlot.get(id) ?? -1] === 1));
  const table = unitsOf(read, mine, coderOf, offsets, codeIds, slotCode, length, m);
  const unitizing = unitizingAlphaOfTable(table, codeIds.length);
  const family = ({ alpha, observed, expected }: FamilyResult) => ({ alpha, observed, expected });
  // each coder's continuum cut once by the set of codes at each code point; |uα and cuα of one
  // code revalue those sections (sectionTable.ts: the coincidences of the code sets taken once,
  // each code's summed from them)
  const sections = codeSetTable(table);
  const holds = (code: string) => (set: string) => (set.split(CODE_SEPARATOR).includes(code) ? code : null);
  // S of each code's |uα in one pass over the sections (heldSquares), the codes each set value
  // holds; and S of the overall |uα (every set of codes one unit, ∅ a gap) in the same pass, as
  // one more code (`any`) that every set but ∅ holds
  const any = unitizing.categories.length;
  const held = heldSquares(
    sections,
    sections.values.map((set) => {
      if (set === null) return [];
      const members = set.split(CODE_SEPARATOR);
      const these: number[] = [];
      unitizing.categories.forEach((r, k) => {
        if (members.includes(r.category)) these.push(k);
      });
      these.push(any);
      return these;
    }),
    any + 1,
  );
  const codes: CodeAgreement[] = unitizing.categories.map((r, k) => {
    const name = codeNames.get(r.category) ?? r.category;
    const flags = reliabilityFlags(r.units, [], r.alpha);
    return {
      codeId: r.category,
      name,
      alpha: r.alpha,
      observed: r.observed,
      expected: r.expected,
      units: r.units,
      boundary: family(boundaryOfTable(sections, holds(r.category), held?.[k])),
      codingGivenUnits: family(codingGivenUnitsOfTable(sections, codeOrOtherOfSet(r.category))),
      flags,
      warnings: sentences(flags, `αU of the code “${name}”`),
    };
  });
  const defined = unitizing.categories.filter((r) => r.expected > 0);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
  const totalUnits = codes.reduce((s, c) => s + c.units, 0);

  // claims: matched sets per document, each one unit of the reliability data
  const sets = matchedSets(
    read,
    records,
    { local, coderOf, whoCoder: comparedOfWho(whoSlot, comparedOfSlot), whoFrom },
    mine,
    m,
    overlap,
  );
  const S = sets.from.length - 1;
  const doubled = doubledSets(sets, coderOf, m);
  if (doubled > 0) notes.push({ kind: 'doubled', count: doubled });
  if (doubled > 0)
    warnings.push(
      `${doubled} matched claim${doubled === 1 ? ' holds' : 's hold'} two annotations of one coder (through a chain of matches over three or more coders); the first of them in reading order gave that coder’s values.`,
    );
  const { counted, matchedOf, unmatched } = coderCounts(sets, mine, coderOf, N, m);
  const perCoder = coders.map((coder, c) => ({
    coder,
    name: names[c] as string,
    annotations: counted[c] as number,
    matched: matchedOf[c] as number,
    unmatched: (counted[c] as number) - (matchedOf[c] as number),
  }));

  const fieldReports: FieldAgreement[] = fields.map((f, fi) => {
    const field: AgreementField = f.key;
    const metric = fieldMetric(f);
    const ids = fieldIds[fi] as Int32Array;
    const values = givenOf[fi] ?? [];
    // two coders: the values read from each set's first annotations where they lie
    // (twoCoderFieldFigures, null when no matched claim has a value of the field)
    const figures =
      (m === 2 && values.length > 0 ? twoCoderFieldFigures(sets.first, ids, S, values, metric) : null) ??
      figuresOfRows(sets, ids, m, values.length === 0 ? 0 : S, values, metric);
    return {
      field,
      metric,
      units: S,
      alpha: figures.alpha,
      interval: figures.interval,
      cohenKappa: figures.cohenKappa,
      fleissKappa: figures.fleissKappa,
      percentAgreement: figures.percentAgreement,
      flags: figures.flags,
      warnings: sentences(figures.flags, `α of ${field}`),
    };
  });

  // a disagreement names actors, places and choices as the CSV export does (each stored value
  // described once per field, the registry's look-up made when a value is first described)
  const describe = valueDescriber({
    fields,
    records,
    document: read.document,
    local,
    lookup: () => registryLookup(ctx.store.data.registry),
  });
  const report: AgreementReport = {
    coders,
    names,
    documentCount: summaries.length,
    length,
    overlap,
    unitizing: {
      alpha: unitizing.alpha,
      observed: mean(defined.map((r) => r.observed)),
      expected: mean(defined.map((r) => r.expected)),
      units: totalUnits,
      boundary: family(boundaryOfTable(sections, () => 'unit', held?.[any])),
      codingGivenUnits: family(codingGivenUnitsOfTable(sections, (set) => set)),
      codes,
    },
    claims: { matched: S, unmatched: mine.length - sets.members.length, perCoder, fields: fieldReports },
    ...listDisagreements({
      coders,
      names,
      read,
      coderOf,
      sets,
      unmatched,
      fields,
      fieldIds,
      // (a field no annotation read has a value of: −1 throughout, never a difference)
      valued: fields.flatMap((_, fi) => ((givenOf[fi] as Value[]).length > 0 ? [fi] : [])),
      describe,
    }),
    notes,
    warnings: [...warnings, ...codes.flatMap((c) => c.warnings), ...fieldReports.flatMap((f) => f.warnings)],
  };
  return report;
}
