/**
 * The codebook service: the codebook itself, the operations that change annotations with it
 * (merge, delete), exchange files, and usage counts. A code, a claim field or a choice that
 * annotations use is never dropped silently: codebook.save refuses it,
 * and the editor's delete asks the caller to reassign or remove first.
 */
import type { Handlers } from '@shared/api';
import { AppError } from '@shared/errors';
import { Codebook, MAX_CODES, type Annotation } from '@shared/model';
import { deleteCode, mergeCodes, remapCodes, removedCodeIds, type CodeMapping } from '@shared/codebook/ops';
import { codePath, findCode } from '@shared/codebook/tree';
import { validateCodebook } from '@shared/codebook/validate';
import { mergeCodebooks, type IncomingCodebook } from '@shared/codebook/importMerge';
import { undoRegistryChange } from '@shared/claims/registryOps';
import { displayName } from '@shared/claims/registry';
import { readCodebookJson, writeCodebookJson } from '@shared/codebook/jsonFormat';
import { defaultCodebook } from '@shared/defaultCodebook';
import { countOf, valueKey, type DocStats } from '../codebook/usageIndex';
import { buildQdc, readQdc } from '../codebook/qdc';
import type { ServiceContext } from './context';
import { byDocument, type FieldChange } from './mergeJournal';
import { rewriteAnnotations } from './rewriteAnnotations';
import { visibleTotals } from './visibleAnnotations';
import { fieldCounts } from './fieldStats';

export { validateCodebook } from '@shared/codebook/validate';

type CodebookHandlers = Pick<
  Handlers,
  | 'codebook.get'
  | 'codebook.save'
  | 'codebook.usage'
  | 'codebook.mergeCodes'
  | 'codebook.undoMerge'
  | 'codebook.deleteCode'
  | 'codebook.export'
  | 'codebook.import'
  | 'stats.summary'
>;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Refuse a codebook that drops a code, stance or certainty still in use, naming it and the count. */
export function checkNothingInUseDropped(before: Codebook, after: Codebook, usage: DocStats): void {
  for (const id of removedCodeIds(before, after)) {
    const n = countOf(usage.codes, id);
    if (n > 0) {
      const name = findCode(before, id)?.name ?? id;
      throw new AppError(
        'conflict',
        `“${name}” is used by ${plural(n, 'annotation')}, so it cannot simply be removed. Delete it in the codebook editor, which asks whether to reassign those annotations to another code or remove the code from them.`,
        { codeId: id, count: n },
      );
    }
  }
  const kept = new Map(after.fields.map((f) => [f.key, f]));
  for (const field of before.fields) {
    const n = countOf(usage.fields, field.key);
    const next = kept.get(field.key);
    if (!next && n > 0)
      throw new AppError(
        'conflict',
        `The field “${field.label}” is filled in ${plural(n, 'claim')}, so it cannot simply be removed. Empty it in those claims first, or keep the field.`,
        { field: field.key, count: n },
      );
    if (!next) continue;
    const items = new Set(next.choices.map((c) => c.id));
    for (const item of field.choices) {
      const used = countOf(usage.values, valueKey(field.key, item.id));
      if (!items.has(item.id) && used > 0)
        throw new AppError(
          'conflict',
          `The choice “${item.name}” of “${field.label}” is used by ${plural(used, 'claim')}; rename it instead of removing it.`,
          { field: field.key, choice: item.id, count: used },
        );
    }
    if (next.type !== field.type && n > 0)
      throw new AppError(
        'conflict',
        `The field “${field.label}” is filled in ${plural(n, 'claim')}; its type cannot change from ${field.type} to ${next.type}.`,
        { field: field.key, count: n },
      );
  }
}

/**
 * Each code's count plus the counts of every code below it: each used code adds its count to
 * itself and to each of its ancestors (a cycle, which validation refuses, is cut).
 */
export function totalsWithSubcodes(codebook: Codebook, counts: ReadonlyMap<string, number>): Map<string, number> {
  const parentOf = new Map(codebook.codes.map((c) => [c.id, c.parentId]));
  const totals = new Map<string, number>();
  for (const [id, n] of counts) {
    if (!parentOf.has(id)) continue;
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at && parentOf.has(at) && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      totals.set(at, (totals.get(at) ?? 0) + n);
    }
  }
  return totals;
}

export function codebookHandlers(ctx: ServiceContext): CodebookHandlers {
  const usage = () => ctx.project.usage;
  // the last merges of the open project (another project's cannot be undone here)
  const journal = () => ctx.project.merges;

  const rewrite = (
    documentIds: readonly string[],
    change: (a: Annotation) => Annotation | null,
    changed?: (documentId: string, before: Annotation, after: Annotation) => void,
  ) => rewriteAnnotations(ctx, documentIds, change, changed);

  const remapEverywhere = async (mapping: CodeMapping, changes?: FieldChange<string[]>[]) => {
    const ids = [...mapping.keys()];
    const docs = await usage().documentsWhere((s) => ids.some((id) => countOf(s.codes, id) > 0));
    return rewrite(
      docs,
      (a) => {
        const codes = remapCodes(a.codes, mapping);
        return codes === a.codes ? null : { ...a, codes: [...codes] };
      },
      changes &&
        ((documentId, before, after) =>
          changes.push({ documentId, id: before.id, before: [...before.codes], after: [...after.codes] })),
    );
  };

  /**
   * Refuse, with nothing changed, when an annotation a merge changed has changed again since or
   * is gone: undoing the merge then would overwrite later work.
   */
  const checkUnchanged = async <T>(changes: readonly FieldChange<T>[], field: (a: Annotation) => T) => {
    let moved = 0;
    for (const [documentId, inDoc] of byDocument(changes)) {
      let annotations: readonly Annotation[] = [];
      try {
        annotations = (await ctx.store.document(documentId)).data.annotations;
      } catch {
        // a deleted document: its annotations count as changed
      }
      const now = new Map(annotations.map((a) => [a.id, a]));
      for (const c of inDoc.values()) {
        const a = now.get(c.id);
        if (!a || JSON.stringify(field(a)) !== JSON.stringify(c.after)) moved++;
      }
    }
    if (moved > 0) {
      throw new AppError(
        'conflict',
        `${plural(moved, 'annotation')} of this merge ${moved === 1 ? 'was' : 'were'} changed or deleted since, so undoing it would overwrite that work. Nothing was changed.`,
        { count: moved },
      );
    }
  };

  /** Give every annotation a merge changed the value it had before. */
  const putBack = <T>(changes: readonly FieldChange<T>[], put: (a: Annotation, value: T) => Annotation) => {
    const grouped = byDocument(changes);
    return rewrite([...grouped.keys()], (a) => {
      const c = grouped.get(a.documentId)?.get(a.id);
      return c ? put(a, c.before) : null;
    });
  };

  /** Save a new codebook (annotations were already brought in line with it). */
  const commit = async (codebook: Codebook) => {
    validateCodebook(codebook);
    // the last guard: never save a codebook project.json could not be read back with
    const stored = Codebook.safeParse(codebook);
    if (!stored.success) {
      const issue = stored.error.issues[0];
      throw new AppError(
        'invalid_input',
        `The codebook cannot be saved: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    await ctx.store.updateProject((data) => {
      data.codebook = codebook;
    });
    return codebook;
  };

  return {
    'codebook.get': async () => ctx.store.data.codebook,

    'codebook.save': async (input) => {
      const codebook = input;
      validateCodebook(codebook);
      checkNothingInUseDropped(ctx.store.data.codebook, codebook, await usage().totals());
      return commit(codebook);
    },

    'codebook.usage': async () => {
      const t = await usage().totals();
      // Object.fromEntries defines own properties, so even a "__proto__" count crosses intact
      return {
        codes: Object.fromEntries(t.codes),
        fields: Object.fromEntries(t.fields),
        choices: Object.fromEntries(
          ctx.store.data.codebook.fields.map((f) => [
            f.key,
            Object.fromEntries(f.choices.map((c) => [c.id, countOf(t.values, valueKey(f.key, c.id))])),
          ]),
        ),
        annotations: t.annotations,
      };
    },

    'codebook.mergeCodes': async ({ sourceId, targetId }) => {
      const codebookBefore = ctx.store.data.codebook;
      const { codebook, mapping } = mergeCodes(codebookBefore, sourceId, targetId);
      // annotations first: if anything fails between the two writes, the old code still exists
      const changes: FieldChange<string[]>[] = [];
      const changed = await remapEverywhere(mapping, changes);
      const codebookAfter = await commit(codebook);
      const undoId = journal().add(ctx.newId(), {
        kind: 'codes',
        codebookBefore,
        codebookAfter,
        changes,
      });
      return { codebook: codebookAfter, ...changed, undoId };
    },

    'codebook.undoMerge': async ({ undoId }) => {
      const record = journal().get(undoId);
      if (!record) {
        throw new AppError(
          'not_found',
          'This merge can no longer be undone: Hashiya remembers the last 20 merges of the open project until it is closed.',
        );
      }
      if (record.kind === 'entities') {
        if (JSON.stringify(ctx.store.data.registry) !== JSON.stringify(record.registryAfter))
          throw new AppError(
            'conflict',
            'The actors have changed since this merge, so it cannot be undone. Nothing was changed.',
          );
        const registry = undoRegistryChange(ctx.store.data.registry, record.undo);
        await checkUnchanged(record.changes, (a) => a.values);
        // the registry first: it holds every merged actor again, so no claim names a missing one
        await ctx.store.updateProject((data) => {
          data.registry = registry;
        });
        const changed = await putBack(record.changes, (a, values) => ({ ...a, values }));
        journal().delete(undoId);
        return { codebook: ctx.store.data.codebook, ...changed };
      }
      if (record.kind === 'values') {
        // the field (and its items) must be back in the codebook before its values are
        const field = ctx.store.data.codebook.fields.find((f) => f.key === record.key);
        const missing = record.choiceIds?.find((id) => !field?.choices.some((c) => c.id === id));
        if (!field || missing !== undefined)
          throw new AppError(
            'conflict',
            `The codebook no longer has the field “${record.key}”${missing !== undefined ? ' or the choices cleared from it' : ''}; put it back first. Nothing was changed.`,
          );
        await checkUnchanged(record.changes, (a) => a.values);
        const changed = await putBack(record.changes, (a, values) => ({ ...a, values: { ...values } }));
        journal().delete(undoId);
        return { codebook: ctx.store.data.codebook, ...changed };
      }
      if (JSON.stringify(ctx.store.data.codebook) !== JSON.stringify(record.codebookAfter)) {
        throw new AppError(
          'conflict',
          'The codebook has changed since this merge, so it cannot be undone. Nothing was changed.',
        );
      }
      await checkUnchanged(record.changes, (a) => a.codes);
      // the codebook first: it holds every code the merged one does, so no annotation ever names a missing code
      const codebook = await commit(record.codebookBefore);
      const changed = await putBack(record.changes, (a, codes) => ({ ...a, codes: [...codes] }));
      journal().delete(undoId);
      return { codebook, ...changed };
    },

    'codebook.deleteCode': async ({ id, mode, reassignTo, children }) => {
      const current = ctx.store.data.codebook;
      if (mode === 'reassign' && !reassignTo) {
        throw new AppError('invalid_input', 'Choose the code that should receive the annotations.');
      }
      const result = deleteCode(current, id, {
        children: children ?? 'moveUp',
        reassignTo: mode === 'reassign' ? (reassignTo ?? null) : null,
      });
      const totals = await usage().totals();
      const inUse = result.removed.reduce((n, r) => n + countOf(totals.codes, r), 0);
      if (inUse > 0 && !mode) {
        const name = findCode(current, id)?.name ?? id;
        throw new AppError(
          'conflict',
          `“${name}”${result.removed.length > 1 ? ' and its sub-codes are' : ' is'} used by ${plural(inUse, 'annotation')}. Choose whether to reassign them to another code or remove the code from them.`,
          { count: inUse },
        );
      }
      const changed = inUse > 0 ? await remapEverywhere(result.mapping) : { affected: 0, documents: 0 };
      return { codebook: await commit(result.codebook), removed: result.removed, ...changed };
    },

    'codebook.export': async ({ format }) => {
      const base =
        (ctx.store.data.name || 'hashiya').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'hashiya';
      const codebook = ctx.store.data.codebook;
      if (format === 'json') {
        return {
          fileName: `${base}-codebook.json`,
          mimeType: 'application/json',
          content: writeCodebookJson(codebook, ctx.now(), ctx.store.data.name),
        };
      }
      return { fileName: `${base}-codebook.qdc`, mimeType: 'application/xml', content: buildQdc(codebook.codes) };
    },

    'codebook.import': async ({ fileName, content, prefer, dryRun }) => {
      const current = ctx.store.data.codebook;
      const trimmed = content.replace(/^\uFEFF/, '').trimStart();
      const isXml = /\.(qdc|xml)$/i.test(fileName) || trimmed.startsWith('<');
      let incoming: IncomingCodebook;
      if (isXml) {
        const known = [...current.codes.map((c) => c.id), ...defaultCodebook().codes.map((c) => c.id)];
        incoming = { codes: readQdc(trimmed, known, ctx.newId) };
      } else if (/\.json$/i.test(fileName) || trimmed.startsWith('{')) {
        incoming = readCodebookJson(trimmed);
      } else {
        throw new AppError(
          'unsupported',
          `“${fileName}” is neither a Hashiya codebook (.json) nor a REFI-QDA codebook (.qdc).`,
        );
      }
      if (incoming.codes.length === 0) throw new AppError('unprocessable', 'The file holds no codes.');
      if (incoming.codes.length > MAX_CODES) {
        throw new AppError(
          'too_large',
          `The file holds ${incoming.codes.length.toLocaleString('en')} codes; a codebook holds at most ${MAX_CODES.toLocaleString('en')}. Nothing was imported.`,
          { what: 'codes', count: incoming.codes.length, limit: MAX_CODES },
        );
      }
      const result = mergeCodebooks(current, incoming, { prefer: prefer ?? 'current', newId: ctx.newId });
      // merging never removes codes, but check anyway: this is the promise the app makes
      checkNothingInUseDropped(current, result.codebook, await usage().totals());
      if (!dryRun) await commit(result.codebook);
      return { ...result, applied: !dryRun };
    },

    'stats.summary': async ({ documentId, field }) => {
      if (documentId !== undefined) ctx.store.summary(documentId);
      const t = (await visibleTotals(ctx.store, documentId)) ?? (await usage().totals(documentId));
      const codebook = ctx.store.data.codebook;
      const totals = totalsWithSubcodes(codebook, t.codes);
      const codes = codebook.codes.map((c) => ({
        id: c.id,
        name: c.name,
        nameAr: c.nameAr,
        path: codePath(codebook, c.id),
        color: c.color,
        count: countOf(t.codes, c.id),
        total: countOf(totals, c.id),
      }));
      // counts for ids that are not (or no longer) in the codebook are shown rather than hidden
      for (const [id, count] of t.codes) {
        if (!findCode(codebook, id))
          codes.push({ id, name: id, nameAr: '', path: id, color: '#999999', count, total: count });
      }
      // per actor: the claims that name it in any of their fields
      const actors = ctx.store.data.registry.entities
        .filter((e) => e.kind === 'actor')
        .map((e) => ({ id: e.id, name: displayName(e), count: countOf(t.ids, e.id) }))
        .filter((a) => a.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      const claimant = codebook.fields.find((f) => f.key === 'claimant' && f.type === 'actor');
      const codedRows = codes.reduce((n, c) => n + c.count, 0);
      return {
        annotations: t.annotations,
        uncoded: t.uncoded,
        codedRows,
        csvRows: codedRows + t.uncoded,
        codes,
        actors,
        noClaimant: claimant ? t.annotations - countOf(t.fields, claimant.key) : t.annotations,
        fields: fieldCounts(codebook, ctx.store.data.registry, t, field),
      };
    },
  };
}
