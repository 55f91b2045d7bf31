/**
 * agreement.differences, adjudication.decide and adjudication.undo (rules in
 * src/shared/api/adjudication.ts). The adjudicated layer lives in the document files beside the
 * coders' layers: annotations carrying `adjudication`, and the units settled as "no claim here"
 * (`noClaims`). Undo keeps, per open project, what each decision's unit held before it.
 */
import type { Handlers } from '@shared/api';
import { DEFAULT_OVERLAP, type DifferenceUnit, type Settled } from '@shared/api/adjudication';
import type { AdjudicationDecision } from '@shared/coders/model';
import { coderKey, isAdjudicated } from '@shared/coders/key';
import type { NoClaim } from '@shared/coders/noClaim';
import { AppError } from '@shared/errors';
import type { Annotation } from '@shared/model';
import { listDifferences, unitKey } from '@shared/reliability/differences';
import type { DocumentFile } from '../store/schema';
import { checkCodes, checkedAnchor, checkValues } from './annotations';
import type { OpenProject, ServiceContext } from './context';

/** What a unit held before a decision: put back by undo. */
interface Before {
  documentId: string;
  unit: string;
  annotations: Annotation[];
  noClaims: NoClaim[];
}

const MAX_UNDO = 200;
const journals = new WeakMap<OpenProject, Before[]>();
function journalOf(project: OpenProject): Before[] {
  let journal = journals.get(project);
  if (!journal) journals.set(project, (journal = []));
  return journal;
}

const settles = (unit: string) => (x: { adjudication?: { from: string[] } | undefined }) =>
  x.adjudication !== undefined && unitKey(x.adjudication.from) === unit;
const noClaimSettles = (unit: string) => (x: NoClaim) => unitKey(x.from) === unit;

function settledOf(file: DocumentFile, unit: string): Settled | null {
  const annotation = file.annotations.find(settles(unit));
  if (annotation) return { kind: 'annotation', annotation };
  const noClaim = file.noClaims?.find(noClaimSettles(unit));
  return noClaim ? { kind: 'noClaim', noClaim } : null;
}

/** Replace what a document's adjudicated layer holds for one unit. */
function setUnit(file: DocumentFile, unit: string, annotations: readonly Annotation[], noClaims: readonly NoClaim[]) {
  const isMine = settles(unit);
  file.annotations = file.annotations.filter((a) => !isMine(a));
  file.annotations.push(...annotations);
  file.annotations.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));
  const rest = (file.noClaims ?? []).filter((x) => !noClaimSettles(unit)(x));
  const next = [...rest, ...noClaims];
  if (next.length > 0) file.noClaims = next;
  else delete file.noClaims;
}

export function adjudicationHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'agreement.differences' | 'adjudication.decide' | 'adjudication.undo'> {
  const fieldKeys = () => ctx.store.data.codebook.fields.map((f) => f.key);

  const unitsOf = (file: DocumentFile, coders: readonly [string, string], overlap: number | undefined) => {
    const differences = listDifferences(file.annotations, coders, fieldKeys(), overlap ?? DEFAULT_OVERLAP);
    const units = new Map<string, DifferenceUnit>();
    for (const d of differences) {
      let u = units.get(d.unit);
      if (!u)
        units.set(
          d.unit,
          (u = {
            unit: d.unit,
            from: d.from,
            a: d.a,
            b: d.b,
            start: d.start,
            end: d.end,
            differences: [],
            settled: settledOf(file, d.unit),
          }),
        );
      u.differences.push({ id: d.id, unit: d.unit, kind: d.kind, field: d.field });
    }
    return { differences, units: [...units.values()] };
  };

  const nameOf = (file: DocumentFile, key: string) =>
    ctx.store.data.coders.find((c) => c.id === key)?.name ??
    file.annotations.find((a) => !isAdjudicated(a) && coderKey(a) === key)?.annotator ??
    key;

  /** who decides: this project copy's annotator, who must be named */
  const adjudicator = () => {
    const { annotator, coderId } = ctx.store.data.settings;
    if (annotator === null || annotator.trim() === '')
      throw new AppError(
        'invalid_input',
        'Set your name as annotator before adjudicating: each decision records who made it.',
      );
    return { by: annotator, byId: coderId ?? '', coderId };
  };

  return {
    'agreement.differences': async ({ documentId, coders, overlap }) => {
      const file = (await ctx.store.document(documentId)).data;
      const { differences, units } = unitsOf(file, coders, overlap);
      return {
        documentId,
        coders: coders.map((key) => ({ key, name: nameOf(file, key) })),
        differences: differences.map((d) => ({ id: d.id, unit: d.unit, kind: d.kind, field: d.field })),
        units,
        decided: units.filter((u) => u.settled !== null).length,
      };
    },

    'adjudication.decide': async ({ documentId, coders, overlap, unit, decision, edit }) => {
      const who = adjudicator();
      const db = await ctx.store.document(documentId);
      const found = unitsOf(db.data, coders, overlap).units.find((u) => u.unit === unit);
      if (!found)
        throw new AppError(
          'not_found',
          'The coders do not differ there (any more): list the differences again and choose one of them.',
        );
      const at = ctx.now();
      const record = { by: who.by, byId: who.byId, at, decision, from: found.from };
      const source = decision === 'accept-a' ? found.a : decision === 'accept-b' ? found.b : null;
      let settled: Settled;
      if (decision !== 'edited' && source === null) {
        // the accepted coder marked nothing here
        settled = {
          kind: 'noClaim',
          noClaim: { ...record, decision: decision as Exclude<AdjudicationDecision, 'edited'> },
        };
      } else {
        const base = (source ?? found.a ?? found.b) as Annotation;
        const span = edit
          ? { start: edit.start, end: edit.end, ...checkedAnchor(db.data, edit.start, edit.end) }
          : null;
        const codes = edit ? checkCodes(ctx, edit.codes) : base.codes;
        const values = edit ? checkValues(ctx, edit.values ?? base.values, codes) : base.values;
        settled = {
          kind: 'annotation',
          annotation: {
            id: ctx.newId(),
            documentId,
            start: span?.start ?? base.start,
            end: span?.end ?? base.end,
            quote: span?.quote ?? base.quote,
            prefix: span?.prefix ?? base.prefix,
            suffix: span?.suffix ?? base.suffix,
            codes,
            values,
            annotator: who.by,
            ...(who.coderId ? { coderId: who.coderId } : {}),
            adjudication: record,
            createdAt: at,
            updatedAt: at,
          },
        };
      }
      const replaced = settledOf(db.data, unit);
      await ctx.store.updateDocument(documentId, (file) => {
        const journal = journalOf(ctx.project);
        journal.push({
          documentId,
          unit,
          annotations: file.annotations.filter(settles(unit)),
          noClaims: (file.noClaims ?? []).filter(noClaimSettles(unit)),
        });
        if (journal.length > MAX_UNDO) journal.shift();
        setUnit(
          file,
          unit,
          settled.kind === 'annotation' ? [settled.annotation] : [],
          settled.kind === 'noClaim' ? [settled.noClaim] : [],
        );
      });
      return { unit, settled, replaced };
    },

    'adjudication.undo': async ({ documentId }) => {
      const journal = journalOf(ctx.project);
      let i = journal.length - 1;
      while (i >= 0 && journal[i]?.documentId !== documentId) i--;
      const before = journal[i];
      if (!before) throw new AppError('not_found', 'There is no adjudication decision in this document to undo.');
      await ctx.store.updateDocument(documentId, (file) => {
        setUnit(file, before.unit, before.annotations, before.noClaims);
      });
      journal.splice(i, 1);
      return { unit: before.unit, settled: settledOf((await ctx.store.document(documentId)).data, before.unit) };
    },
  };
}
