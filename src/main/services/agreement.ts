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
  type AgreementReport,
  type CodeAgreement,
  type FieldAgreement,
  type Flag,
  type ReportNote,
} from '@shared/api/agreement';
import { AppError } from '@shared/errors';
import { isAdjudicated } from '@shared/coders/key';
import { claimCells, registryLookup } from '@shared/claims/claimCsv';
import type { ClaimField } from '@shared/claims/fields';
import { bootstrapPrepared } from '@shared/reliability/bootstrap';
import { alphaOfPrepared, prepareData, type Value } from '@shared/reliability/codingAlpha';
import { cohenKappa, fleissKappa, percentAgreement } from '@shared/reliability/kappa';
import { matchClaims } from '@shared/reliability/matchClaims';
import { unitizingAlpha, type Unit } from '@shared/reliability/unitizingAlpha';
import { boundaryOfTable, codingGivenUnitsOfTable, sectionTable } from '@shared/reliability/sectionTable';
import {
  CODE_SEPARATOR,
  codeOrOtherOfSet,
  codeSet,
  sectionsOf,
  type FamilyResult,
} from '@shared/reliability/unitizingFamily';
import { reliabilityFlags, flagSentence } from '@shared/reliability/warnings';
import { cpLength } from '@shared/text/codepoints';
import { forEachDocument, selectDocuments } from '../exchange/documentSource';
import { codeKeyOf, fieldMetric, fieldValue, listDisagreements, type Coded } from './agreementDisagreements';
import type { ServiceContext } from './context';
import { coderKeyIn, sortByName } from './coders';
import { assertNotBlind } from './visibleAnnotations';

const sentences = (flags: readonly Flag[], what: string) => flags.map((f) => flagSentence(f, what));

export function agreementHandlers(ctx: ServiceContext): Pick<Handlers, 'agreement.report' | 'agreement.coders'> {
  return {
    'agreement.coders': async (input) => {
      assertNotBlind(ctx.store, 'the list of coders and their counts');
      const { keyOf, nameOf } = coderKeyIn(ctx.store.data.coders);
      const counts = new Map<string, number>();
      await forEachDocument(ctx.store, selectDocuments(ctx.store, input.documentIds), (file) => {
        for (const a of file.annotations) {
          // the coders' layers only: the adjudicated layer is no coder's
          if (isAdjudicated(a)) continue;
          const key = keyOf(a);
          if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      });
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
      const warnings: string[] = [];
      const notes: ReportNote[] = [];

      // read the annotations, each document placed on the continuum after the earlier ones
      const coded: Coded[] = [];
      let length = 0;
      let unnamed = 0;
      let document = 0;
      await forEachDocument(ctx.store, summaries, (file) => {
        const offset = length;
        for (const a of file.annotations) {
          // the coders' layers only: the adjudicated layer is no coder's
          if (isAdjudicated(a)) continue;
          const codes = chosenCodes ? a.codes.filter((c) => chosenCodes.has(c)) : a.codes;
          if (chosenCodes && codes.length === 0) continue;
          const coder = keyOf(a);
          if (coder === '') {
            unnamed++;
            continue;
          }
          coded.push({
            index: coded.length,
            id: a.id,
            document,
            documentId: file.document.id,
            documentTitle: file.document.title,
            offset,
            quote: a.quote,
            start: a.start,
            end: a.end,
            codes,
            coder,
            coderName: nameOf(coder),
            values: a.values,
            compared: fields.map((f) => fieldValue(a.values, f)),
            codeKey: codeKeyOf(codes),
          });
        }
        length += cpLength(file.document.text);
        document++;
      });
      if (unnamed > 0) notes.push({ kind: 'unnamed', count: unnamed });
      if (unnamed > 0)
        warnings.push(
          `${unnamed} annotation${unnamed === 1 ? ' has' : 's have'} no coder name and ${unnamed === 1 ? 'is' : 'are'} left out.`,
        );

      const present = new Map<string, number>();
      for (const a of coded) present.set(a.coder, (present.get(a.coder) ?? 0) + 1);
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
      const coderIndex = new Map(coders.map((c, i) => [c, i]));
      const mine = coded.filter((a) => coderIndex.has(a.coder));

      // unitizing: one unit per code of each annotation, on the continuum
      const used = new Set(mine.flatMap((a) => a.codes));
      const codeIds = codebook.map((c) => c.id).filter((id) => (chosenCodes ? chosenCodes.has(id) : used.has(id)));
      const units: Unit[] = mine.flatMap((a) =>
        a.codes.map((category) => ({ coder: a.coder, category, start: a.offset + a.start, end: a.offset + a.end })),
      );
      const study = { begin: 0, length, coders, units };
      const unitizing = unitizingAlpha(study, codeIds);
      const family = ({ alpha, observed, expected }: FamilyResult) => ({ alpha, observed, expected });
      // each coder's continuum cut once by the set of codes at each code point; |uα and cuα of one
      // code revalue those sections (unitizingFamily.ts: the same as valuing the units anew)
      // (sectionTable.ts: the coincidences of the code sets taken once, each code's summed from them)
      const bySet = sectionsOf(study, codeSet);
      const table = sectionTable(bySet);
      const holds = (code: string) => (set: string) => (set.split(CODE_SEPARATOR).includes(code) ? code : null);
      const codes: CodeAgreement[] = unitizing.categories.map((r) => {
        const name = codeNames.get(r.category) ?? r.category;
        const flags = reliabilityFlags(r.units, [], r.alpha);
        return {
          codeId: r.category,
          name,
          alpha: r.alpha,
          observed: r.observed,
          expected: r.expected,
          units: r.units,
          boundary: family(boundaryOfTable(table, holds(r.category))),
          codingGivenUnits: family(codingGivenUnitsOfTable(table, codeOrOtherOfSet(r.category))),
          flags,
          warnings: sentences(flags, `αU of the code “${name}”`),
        };
      });
      const defined = unitizing.categories.filter((r) => r.expected > 0);
      const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
      const totalUnits = codes.reduce((s, c) => s + c.units, 0);

      // claims: matched sets per document, each one unit of the reliability data
      const sets: Coded[][][] = []; // per set, per coder, that coder's annotations in reading order
      // whether each annotation of `coded` is in a set (by its index there: no hashing per lookup)
      const matched = new Uint8Array(coded.length);
      let matchedCount = 0;
      let doubled = 0;
      const byDocument = new Map<number, Coded[]>();
      for (const a of mine) {
        let list = byDocument.get(a.document);
        if (!list) byDocument.set(a.document, (list = []));
        list.push(a);
      }
      for (const list of byDocument.values()) {
        const claims = list.sort((a, b) => a.start - b.start || a.end - b.end);
        for (const group of matchClaims(
          claims.map((a) => ({ coder: coderIndex.get(a.coder) as number, start: a.start, end: a.end })),
          coders.length,
          overlap,
        )) {
          const perCoder: Coded[][] = coders.map(() => []);
          for (const i of group) {
            const a = claims[i] as Coded;
            if (matched[a.index] === 0) matchedCount++;
            matched[a.index] = 1;
            perCoder[coderIndex.get(a.coder) as number]?.push(a);
          }
          if (perCoder.some((list) => list.length > 1)) doubled++;
          sets.push(perCoder);
        }
      }
      if (doubled > 0) notes.push({ kind: 'doubled', count: doubled });
      if (doubled > 0)
        warnings.push(
          `${doubled} matched claim${doubled === 1 ? ' holds' : 's hold'} two annotations of one coder (through a chain of matches over three or more coders); the first of them in reading order gave that coder’s values.`,
        );
      const perCoder = coders.map((coder) => {
        const all = mine.filter((a) => a.coder === coder);
        const m = all.filter((a) => matched[a.index] === 1).length;
        return { coder, name: nameOf(coder), annotations: all.length, matched: m, unmatched: all.length - m };
      });

      const fieldReports: FieldAgreement[] = fields.map((f, fi) => {
        const field: AgreementField = f.key;
        const metric = fieldMetric(f);
        const data = coders.map((_, c) =>
          sets.map((set) => {
            const first = set[c]?.[0];
            return first ? (first.compared[fi] ?? null) : null;
          }),
        );
        const prepared = prepareData(data, metric);
        const alpha = alphaOfPrepared(prepared);
        const given = data.flatMap((row) => row.filter((v): v is Value => v !== null));
        const flags = reliabilityFlags(alpha.units, given, alpha.alpha);
        return {
          field,
          metric,
          units: sets.length,
          alpha,
          interval: bootstrapPrepared(prepared),
          cohenKappa: coders.length === 2 ? cohenKappa(data[0] ?? [], data[1] ?? []) : null,
          fleissKappa: coders.length > 2 ? fleissKappa(data) : null,
          percentAgreement: percentAgreement(data),
          flags,
          warnings: sentences(flags, `α of ${field}`),
        };
      });

      // a disagreement names actors, places and choices as the CSV export does
      const lookup = registryLookup(ctx.store.data.registry);
      const describe = (f: ClaimField, a: Coded) => String(claimCells([f], a.values, lookup)[0] ?? '');
      const report: AgreementReport = {
        coders,
        names: coders.map(nameOf),
        documentCount: summaries.length,
        length,
        overlap,
        unitizing: {
          alpha: unitizing.alpha,
          observed: mean(defined.map((r) => r.observed)),
          expected: mean(defined.map((r) => r.expected)),
          units: totalUnits,
          boundary: family(boundaryOfTable(table, () => 'unit')),
          codingGivenUnits: family(codingGivenUnitsOfTable(table, (set) => set)),
          codes,
        },
        claims: { matched: sets.length, unmatched: mine.length - matchedCount, perCoder, fields: fieldReports },
        ...listDisagreements(
          coders,
          sets,
          mine.filter((a) => matched[a.index] === 0),
          fields,
          describe,
        ),
        notes,
        warnings: [...warnings, ...codes.flatMap((c) => c.warnings), ...fieldReports.flatMap((f) => f.warnings)],
      };
      return report;
    },
  };
}
