/**
 * analysis.claims, analysis.network, analysis.timeline and analysis.export (issue 16): the claims of the chosen
 * documents as claim records (src/shared/analysis/records.ts), through the one claims filter,
 * into DNA's networks, the timeline, or an export file. Each document's records are made once and
 * kept until a change event forgets them (claimRecordCache.ts).
 */
import type { Handlers } from '@shared/api';
import { MAX_WINDOWS, type NetworkSpec } from '@shared/api/analysis';
import { dayNumber } from '@shared/analysis/dates';
import { claimDateOf, claimPredicate, codeScope, type ClaimFilter } from '@shared/analysis/filter';
import { toGexf } from '@shared/analysis/gexf';
import { toGraphml } from '@shared/analysis/graphml';
import {
  buildNetwork,
  buildNetworkSeries,
  ONE_MODE_TYPES,
  type Network,
  type NetworkOptions,
} from '@shared/analysis/network';
import { claimContext, recordFromAnnotation, type ClaimContext, type ClaimRecord } from '@shared/analysis/records';
import { edgesCsv, eventsCsv, nodesCsv, windowEdgesCsv } from '@shared/analysis/tables';
import { buildTimeline, type TimelineOptions } from '@shared/analysis/timeline';
import { AppError } from '@shared/errors';
import type { DocumentSummary } from '@shared/model';
import { selectDocuments } from '../exchange/documentSource';
import { exportFileName } from '../exchange/fileNames';
import { claimIndexOf, type ClaimIndex, type Selection } from './claimIndex';
import { claimRecordCache } from './claimRecordCache';
import { claimRow, sortClaimRows } from './claimRows';
import { networkAnswerCache } from './networkAnswerCache';
import type { ServiceContext } from './context';
import { visibleAnnotations } from './visibleAnnotations';

/**
 * The one place the claims view reads claims: a document's annotations as claim records, kept in
 * the server cache (claimRecordCache.ts) until a change event forgets them. A rule that hides
 * some annotations from this view (blind coding) belongs here, in what is kept per document; a
 * change of settings (project.changed) clears the cache, so such a rule is applied afresh.
 */
async function documentRecords(
  ctx: ServiceContext,
  summary: DocumentSummary,
  claims: () => ClaimContext,
): Promise<readonly ClaimRecord[]> {
  return claimRecordCache(ctx.store).records(summary, async () => {
    const file = await ctx.store.peekDocument(summary.id);
    // while blind, only this coder's own claims (visibleAnnotations.ts); turning blind coding on or
    // off sends the change events that clear the cache
    return visibleAnnotations(ctx.store, file.annotations).map((a) => recordFromAnnotation(a, file.document, claims()));
  });
}

/** A filter naming a code the codebook lacks is refused (it would silently match nothing). */
function checkCodes(ctx: ServiceContext, filter: ClaimFilter): void {
  if (!filter.codes) return;
  const known = new Set(ctx.store.data.codebook.codes.map((c) => c.id));
  const unknown = [...new Set(filter.codes)].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError('not_found', `The codebook has no code ${unknown.map((id) => `“${id}”`).join(', ')}.`);
}

async function filteredRecords(ctx: ServiceContext, filter: ClaimFilter): Promise<ClaimRecord[]> {
  const codebook = ctx.store.data.codebook.codes;
  checkCodes(ctx, filter);
  const keep = claimPredicate(filter, codebook, ctx.store.data.coders);
  const records: ClaimRecord[] = [];
  let context: ClaimContext | null = null;
  const claims = () => (context ??= claimContext(ctx.store.data));
  const cache = claimRecordCache(ctx.store);
  for (const summary of selectDocuments(ctx.store, filter.documentIds)) {
    // most documents are kept: read them without a promise each
    const list = cache.kept(summary) ?? (await documentRecords(ctx, summary, claims));
    for (const r of list) if (keep(r)) records.push(r);
  }
  return records;
}

/**
 * The claims index (claimIndex.ts) once every document's records are kept (those not yet kept are
 * read first), or null: a change heard meanwhile, or a document filter on a cache not yet full
 * (the general path reads only the chosen documents). The table and the timeline answer from it.
 */
async function claimIndex(ctx: ServiceContext, filter: ClaimFilter): Promise<ClaimIndex | null> {
  const cache = claimRecordCache(ctx.store);
  const summaries = ctx.store.summaries();
  const kept = claimIndexOf(cache, summaries);
  if (kept || filter.documentIds) return kept;
  let context: ClaimContext | null = null;
  const claims = () => (context ??= claimContext(ctx.store.data));
  for (const summary of summaries) if (!cache.kept(summary)) await documentRecords(ctx, summary, claims);
  return claimIndexOf(cache, summaries);
}

/** The filter as the index applies it, refusing what the general path refuses. */
function selection(ctx: ServiceContext, filter: ClaimFilter): Selection {
  checkCodes(ctx, filter);
  const codebook = ctx.store.data.codebook.codes;
  // a document the project lacks is refused here too
  if (filter.documentIds) selectDocuments(ctx.store, filter.documentIds);
  return {
    scope: codeScope(filter, codebook),
    keep: claimPredicate(filter, codebook, ctx.store.data.coders),
    scopeOnly: codesOnly(filter),
  };
}

/**
 * The filter fields that choose by code alone (the date field only says which date a range
 * reads): the kept two-mode sums answer for them, and the index keeps every claim of the scope.
 */
const TOTALS_FILTER: ReadonlySet<string> = new Set(['codes', 'includeChildren', 'dateField']);

const codesOnly = (filter: ClaimFilter): boolean =>
  Object.entries(filter).every(([key, value]) => value === undefined || TOTALS_FILTER.has(key));

/**
 * The two-mode and the one-mode networks (congruence, conflict, subtract, every normalisation) of
 * every document from the sums the cache keeps (networkAggregate.ts), without a pass over the
 * claims: only when the filter chooses nothing but codes and the network has no time window; null
 * otherwise (or when the sums cannot stand for the records), and the
 * caller builds from the records. The same network either way (networkAggregate.test.ts).
 */
async function networkFromTotals(
  ctx: ServiceContext,
  filter: ClaimFilter,
  spec: NetworkSpec,
): Promise<{ claims: number; network: Network } | null> {
  const oneMode = ONE_MODE_TYPES.includes(spec.type);
  if ((spec.type !== 'twoMode' && !oneMode) || spec.from || spec.to || spec.window) return null;
  if (!codesOnly(filter)) return null;
  checkCodes(ctx, filter);
  const cache = claimRecordCache(ctx.store);
  // whether every document's records are kept (so the sums are theirs): looked at once per change
  const covered = await networkAnswerCache(ctx.store).coverage(async () => {
    const summaries = ctx.store.summaries();
    let context: ClaimContext | null = null;
    const claims = () => (context ??= claimContext(ctx.store.data));
    let read = false;
    for (const summary of summaries)
      if (!cache.kept(summary)) {
        read = true;
        await documentRecords(ctx, summary, claims);
      }
    // every summary kept without a wait: no change could come between, and as many kept as there
    // are summaries is exactly these; after a wait, a change heard meanwhile is looked for again
    // (then the records are built from instead)
    return read ? cache.holdsExactly(summaries) : cache.size === summaries.length;
  });
  if (!covered || !cache.totals.exact) return null;
  const codebook = ctx.store.data.codebook.codes;
  const scope = codeScope(filter, codebook);
  if (oneMode) {
    const normalization = spec.normalization ?? 'none';
    return {
      claims: cache.totals.claims(scope),
      network: {
        type: spec.type,
        directed: false,
        normalization,
        aggregation: null,
        from: null,
        to: null,
        ...cache.totals.oneMode(spec.type, normalization, scope),
      },
    };
  }
  const aggregation = spec.aggregation ?? 'ignore';
  return {
    claims: cache.totals.claims(scope),
    network: {
      type: 'twoMode',
      directed: false,
      normalization: 'none',
      aggregation,
      from: null,
      to: null,
      ...cache.totals.build(aggregation, scope, codebook),
    },
  };
}

function networkOptions(spec: NetworkSpec, filter: ClaimFilter, scope: ReadonlySet<string> | null): NetworkOptions {
  return {
    type: spec.type,
    normalization: spec.normalization,
    aggregation: spec.aggregation,
    from: spec.from,
    to: spec.to,
    dateField: filter.dateField,
    codes: scope,
  };
}

/** Refuse a sliding window that would make more than MAX_WINDOWS networks, before building any. */
function checkWindowCount(records: readonly ClaimRecord[], options: NetworkOptions, step: number): void {
  let first = options.from ?? null;
  let last = options.to ?? null;
  for (const r of records) {
    const d = claimDateOf(r, options.dateField);
    if (d === null) continue;
    if (!options.from && (first === null || d < first)) first = d;
    if (!options.to && (last === null || d > last)) last = d;
  }
  if (first === null || last === null) return;
  const count = Math.floor((dayNumber(last) - dayNumber(first)) / step) + 1;
  if (count > MAX_WINDOWS)
    throw new AppError(
      'invalid_input',
      `These windows would make ${count} networks; choose a longer step or a shorter time span (at most ${MAX_WINDOWS}).`,
    );
}

/**
 * `index: false` answers the table and the timeline by the general path only (a filter over every
 * record, then a sort): the fast path's tests compare the two.
 */
export function analysisHandlers(
  ctx: ServiceContext,
  { index = true }: { index?: boolean } = {},
): Pick<Handlers, 'analysis.claims' | 'analysis.network' | 'analysis.timeline' | 'analysis.view' | 'analysis.export'> {
  const codebook = () => ctx.store.data.codebook.codes;
  const codeNames = () => {
    const names = new Map(codebook().map((c) => [c.id, c.name || c.nameAr]));
    return (id: string) => names.get(id) ?? id;
  };
  // the timeline: from the index when it holds every document, else from the filtered records
  const timeline = async (filter: ClaimFilter, options: TimelineOptions) => {
    const names = new Map(codebook().map((c) => [c.id, c.name]));
    const chosen = index ? selection(ctx, filter) : null;
    const found = chosen ? await claimIndex(ctx, filter) : null;
    if (chosen && found) return found.timeline(chosen, options, names);
    const records = await filteredRecords(ctx, filter);
    return { claims: records.length, ...buildTimeline(records, options, names) };
  };
  const network = async (filter: ClaimFilter, spec: NetworkSpec) => {
    const records = await filteredRecords(ctx, filter);
    const options = networkOptions(spec, filter, codeScope(filter, codebook()));
    return { records, options, network: buildNetwork(records, options, codebook()) };
  };
  const handlers: Pick<Handlers, 'analysis.claims' | 'analysis.network' | 'analysis.timeline' | 'analysis.export'> = {
    'analysis.claims': async (input) => {
      const filter = input.filter ?? {};
      const sort = input.sort ?? { column: 'documentDate' as const, dir: 'asc' as const };
      const chosen = index ? selection(ctx, filter) : null;
      const found = chosen ? await claimIndex(ctx, filter) : null;
      if (chosen && found) {
        const order = found.sorted(JSON.stringify([filter, sort]), chosen, sort, codeNames());
        return { total: order.length, rows: found.rows(order, input.offset, input.limit) };
      }
      // the table's next page (same filter, same sort, nothing changed) is a slice of the last answer
      const sorted = await claimRecordCache(ctx.store).derived(JSON.stringify(['claims', filter, sort]), async () => {
        const records = await filteredRecords(ctx, filter);
        return sortClaimRows(records.map(claimRow), sort, codeNames());
      });
      return { total: sorted.length, rows: sorted.slice(input.offset, input.offset + input.limit) };
    },
    'analysis.network': async (input) => {
      const filter = input.filter ?? {};
      // the same filter and options, nothing changed since: the answer already built (networkAnswerCache.ts)
      return networkAnswerCache(ctx.store).answer(JSON.stringify([filter, input.network]), async () => {
        const fast = await networkFromTotals(ctx, filter, input.network);
        if (fast) return { ...fast, windows: [] };
        const { records, options, network: whole } = await network(filter, input.network);
        let windows: Network[] = [];
        if (input.network.window) {
          checkWindowCount(records, options, input.network.window.step);
          windows = buildNetworkSeries(records, options, input.network.window, codebook());
        }
        return { claims: records.length, network: whole, windows };
      });
    },
    'analysis.timeline': async (input) => {
      const filter = input.filter ?? {};
      return timeline(filter, {
        interval: input.interval,
        stackBy: input.stackBy,
        dateField: input.dateField ?? filter.dateField,
        codes: codeScope(filter, codebook()),
      });
    },
    'analysis.export': async (input) => {
      const filter = input.filter ?? {};
      const name = (ext: string, what: string) =>
        exportFileName(ctx.store.data.name, ctx.now(), ext).replace(/^hashiya-/, `hashiya-${what}-`);
      if (input.format === 'eventsCsv') {
        const records = await filteredRecords(ctx, filter);
        const codes = new Map(codebook().map((c) => [c.id, c]));
        const text = eventsCsv(records, codes, {
          dateField: filter.dateField,
          codeScope: codeScope(filter, codebook()),
        });
        return { fileName: name('csv', 'events'), mediaType: 'text/csv; charset=utf-8', text, claims: records.length };
      }
      if (input.network?.window) {
        if (input.format !== 'edgesCsv')
          throw new AppError(
            'invalid_input',
            'A GraphML, GEXF or nodes file holds one network: leave out `window` and choose the time span with `from` and `to`, or export the edges of every window as one edges CSV.',
          );
        const { records, options } = await network(filter, input.network);
        checkWindowCount(records, options, input.network.window.step);
        const series = buildNetworkSeries(records, options, input.network.window, codebook());
        return {
          fileName: name('csv', `network-${input.network.type}-windows-edges`),
          mediaType: 'text/csv; charset=utf-8',
          text: windowEdgesCsv(series),
          claims: records.length,
        };
      }
      const spec = input.network ?? { type: 'twoMode' as const };
      const fast = await networkFromTotals(ctx, filter, spec);
      const { records, network: built } = fast
        ? { records: { length: fast.claims }, network: fast.network }
        : await network(filter, spec);
      const what = `network-${spec.type}`;
      switch (input.format) {
        case 'graphml':
          return {
            fileName: name('graphml', what),
            mediaType: 'application/graphml+xml',
            text: toGraphml(built),
            claims: records.length,
          };
        case 'gexf':
          return {
            fileName: name('gexf', what),
            mediaType: 'application/gexf+xml',
            text: toGexf(built),
            claims: records.length,
          };
        case 'nodesCsv':
          return {
            fileName: name('csv', `${what}-nodes`),
            mediaType: 'text/csv; charset=utf-8',
            text: nodesCsv(built),
            claims: records.length,
          };
        case 'edgesCsv':
          return {
            fileName: name('csv', `${what}-edges`),
            mediaType: 'text/csv; charset=utf-8',
            text: edgesCsv(built),
            claims: records.length,
          };
      }
    },
  };
  return {
    ...handlers,
    // the table's page and the timeline of one filter change, answered one after the other
    'analysis.view': async (input) => ({
      claims: await handlers['analysis.claims'](input.claims),
      timeline: await handlers['analysis.timeline'](input.timeline),
    }),
  };
}
