/**
 * coders.* (src/shared/api/coders.ts): this copy's coder id, the coder list, the coding plan and
 * blind mode. `ensureCoder` is how the id is made: once, when the annotator is first named (or,
 * for a project named before coder ids, at its first new annotation), and kept on a rename.
 */
import { joiningCoders } from '@shared/coders/join';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '@shared/api';
import type { CodersState, PlanMakeInput } from '@shared/api/coders';
import type { Coder, CodingPlan } from '@shared/coders/model';
import { coderNaming, type CoderNaming } from '@shared/coders/naming';
import { seededRandom } from '@shared/reliability/bootstrap';
import { AppError } from '@shared/errors';
import type { Annotation, ProjectFile, SettingsPatch } from '@shared/model';
import type { ProjectStore } from '../store/projectStore';
import type { ServiceContext } from './context';

type CoderHandlers = Pick<
  Handlers,
  | 'coders.list'
  | 'coders.rename'
  | 'coders.plan.get'
  | 'coders.plan.set'
  | 'coders.plan.make'
  | 'coders.blind'
  | 'coders.reveal'
>;

export const newCoderId = (): string => `c_${randomBytes(8).toString('hex')}`;

/**
 * In `data` (changed in place): give the named annotator a coder id when there is none, and keep
 * the coder list's entry for this copy's coder named as the annotator. True when anything changed.
 */
export function syncMe(data: ProjectFile, makeId: () => string = newCoderId): boolean {
  const name = data.settings.annotator?.trim() ?? '';
  if (name === '') return false;
  let changed = false;
  if (data.settings.coderId === null) {
    data.settings = { ...data.settings, coderId: makeId() };
    changed = true;
  }
  const id = data.settings.coderId as string;
  const entry = data.coders.find((c) => c.id === id);
  if (!entry) {
    data.coders.push({ id, name });
    changed = true;
  } else if (entry.name !== name) {
    entry.name = name;
    changed = true;
  }
  return changed;
}

/** This copy's coder id, made now (and saved) if the annotator is named and has none yet. */
export async function ensureCoder(store: ProjectStore): Promise<string | null> {
  const data = store.data;
  const name = data.settings.annotator?.trim() ?? '';
  const entry = data.settings.coderId === null ? undefined : data.coders.find((c) => c.id === data.settings.coderId);
  if (name !== '' && (data.settings.coderId === null || entry?.name !== name))
    await store.updateProject((d) => syncMe(d));
  return store.data.settings.coderId;
}

/**
 * settings.update's rules for the coder fields: a coder id sent is taken as this copy's (a coder
 * moving to a new laptop keeps theirs; null forgets it, and naming the annotator makes a new one);
 * blind needs a named coder. Applied to `data` in place; throws before changing anything.
 */
export function applySettingsPatch(data: ProjectFile, patch: SettingsPatch): void {
  const next = { ...data.settings, ...patch };
  if (next.blind && (next.annotator ?? '').trim() === '' && next.coderId === null)
    throw new AppError(
      'invalid_input',
      'Blind coding needs your name as annotator first: it shows only your own annotations.',
    );
  data.settings = next;
  // blind coding of a project named before coder ids: the coder gets their id now
  if (patch.blind === true) syncMe(data);
  // an id taken from elsewhere joins the list under the annotator's name (or the id, unnamed)
  if (patch.coderId && !data.coders.some((c) => c.id === patch.coderId))
    data.coders.push({ id: patch.coderId, name: next.annotator?.trim() || patch.coderId });
  if (patch.annotator !== undefined || typeof patch.coderId === 'string') syncMe(data);
}

function stateOf(data: ProjectFile): CodersState {
  const id = data.settings.coderId;
  const me = id === null ? null : (data.coders.find((c) => c.id === id) ?? { id, name: data.settings.annotator ?? id });
  return { coders: data.coders, me, blind: data.settings.blind, plan: data.plan };
}

/** Refuse ids the project does not know (404), naming them. */
function checkKnown(what: 'coder' | 'document', known: ReadonlySet<string>, ids: readonly string[]): void {
  const unknown = [...new Set(ids)].filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const list = unknown
    .slice(0, 5)
    .map((id) => `“${id}”`)
    .join(', ');
  throw new AppError(
    'not_found',
    what === 'coder'
      ? `The project has no coder ${list}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}.`
      : `${unknown.length === 1 ? 'One document' : `${unknown.length} documents`} of the plan ${unknown.length === 1 ? 'is' : 'are'} not in this project (${list}).`,
  );
}

function checkPlan(data: ProjectFile, plan: CodingPlan): void {
  const seen = new Set<string>();
  for (const a of plan.assignments) {
    if (seen.has(a.documentId))
      throw new AppError('invalid_input', 'A document is listed twice in the plan’s assignments; list each once.');
    seen.add(a.documentId);
  }
  const documents = new Set(data.documents.map((d) => d.id));
  checkKnown('document', documents, [...plan.assignments.map((a) => a.documentId), ...plan.doubleCoded]);
  checkKnown(
    'coder',
    new Set(data.coders.map((c) => c.id)),
    plan.assignments.flatMap((a) => a.coderIds),
  );
}

/**
 * Every document to one coder in turn (project order), and the double-coded documents to all of
 * them: the chosen ones, or exactly round(share × documents) drawn by a seeded shuffle.
 */
export function makePlan(documentIds: readonly string[], input: PlanMakeInput, seed: number): CodingPlan {
  const coderIds = [...new Set(input.coderIds)];
  let doubled: Set<string>;
  if (input.documentIds) doubled = new Set(input.documentIds);
  else {
    const count = Math.round((input.share ?? 0) * documentIds.length);
    const order = [...documentIds];
    const random = seededRandom(seed);
    // Fisher–Yates: the first `count` of a uniform shuffle are a uniform sample
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as string, order[i] as string];
    }
    doubled = new Set(order.slice(0, count));
  }
  const assignments = documentIds.map((documentId, i) => {
    const first = coderIds[i % coderIds.length] as string;
    return {
      documentId,
      coderIds: doubled.has(documentId) ? [first, ...coderIds.filter((c) => c !== first)] : [first],
    };
  });
  return { assignments, doubleCoded: documentIds.filter((id) => doubled.has(id)) };
}

export function coderHandlers(ctx: ServiceContext): CoderHandlers {
  const state = () => stateOf(ctx.store.data);
  const setBlind = async (on: boolean) => {
    await ctx.store.updateProject((data) => applySettingsPatch(data, { blind: on }));
    return state();
  };
  return {
    'coders.list': async () => state(),
    'coders.rename': async ({ id, name }) => {
      const data = ctx.store.data;
      const entry = data.coders.find((c) => c.id === id);
      if (!entry) throw new AppError('not_found', `The project has no coder “${id}”.`);
      await ctx.store.updateProject((d) => {
        (d.coders.find((c) => c.id === id) as { name: string }).name = name;
        // renaming me renames the annotator every new annotation records
        if (d.settings.coderId === id) d.settings = { ...d.settings, annotator: name };
      });
      return state();
    },
    'coders.plan.get': async () => ctx.store.data.plan,
    'coders.plan.set': async (patch) => {
      const current = ctx.store.data.plan;
      const next: CodingPlan = {
        assignments: patch.assignments ?? current.assignments,
        doubleCoded: patch.doubleCoded ?? current.doubleCoded,
      };
      checkPlan(ctx.store.data, next);
      await ctx.store.updateProject((d) => (d.plan = next));
      return next;
    },
    'coders.plan.make': async (input) => {
      if (input.share !== undefined && input.documentIds !== undefined)
        throw new AppError(
          'invalid_input',
          'Choose the double-coded documents either by a share or by naming them, not both.',
        );
      const data = ctx.store.data;
      checkKnown('coder', new Set(data.coders.map((c) => c.id)), input.coderIds);
      const documents = data.documents.map((d) => d.id);
      if (input.documentIds) checkKnown('document', new Set(documents), input.documentIds);
      if (documents.length === 0) throw new AppError('invalid_input', 'The project has no documents to plan.');
      const seed = input.seed ?? randomBytes(4).readUInt32LE(0);
      const plan = makePlan(documents, input, seed);
      await ctx.store.updateProject((d) => (d.plan = plan));
      return { plan, seed };
    },
    'coders.blind': async ({ on }) => setBlind(on),
    'coders.reveal': async () => setBlind(false),
  };
}

/** How views group annotations by coder and name them: src/shared/coders/naming.ts. */
export function coderKeyIn(coders: readonly Coder[]): CoderNaming {
  return coderNaming(coders);
}

/** Coder keys in the order of their names (then of the keys), as the report lists them. */
export function sortByName(keys: readonly string[], nameOf: (key: string) => string): string[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...keys].sort((x, y) => cmp(nameOf(x), nameOf(y)) || cmp(x, y));
}

/**
 * Coders of annotations put back or brought in (annotations.restore) join the coder list, named
 * by their annotator (else their id), so the list holds every coder whose annotations the project
 * holds. Saved with the project file when any joined.
 */
export async function registerCoders(
  store: ProjectStore,
  annotations: ReadonlyArray<Pick<Annotation, 'coderId' | 'annotator'>>,
): Promise<void> {
  const joining = joiningCoders(store.data.coders, annotations);
  if (joining.length === 0) return;
  await store.updateProject((d) => {
    d.coders.push(...joining);
  });
}
