/**
 * A restored project.json (backups.restore) may be older than the claims in the documents: a
 * format-2 backup, migrated on its own, knows only the stances and certainties of its lists, not
 * those that claims brought later ("wavers", "second-hand"), and an older format-3 one may lack a
 * field or a choice added since. Restoring it must not leave claims naming a field or a choice
 * the codebook lacks (their values would vanish from the CSV). Such fields and choice items are
 * carried over from the codebook before the restore, and the user is told.
 *
 * The actor registry is not taken from the backup (the restore takes the codebook and the
 * settings), so every actor and place a claim names is still in it.
 */
import { AppError } from '@shared/errors';
import { ClaimFields, type ClaimField } from '@shared/claims/fields';
import type { Codebook } from '@shared/model';
import { countOf, valueKey, type DocStats } from '../codebook/usageIndex';
import type { ServiceContext } from './context';

export interface KeptClaims {
  codebook: Codebook;
  /** “Position: wavers” and the like, for the notice; empty when nothing had to be kept */
  kept: string[];
}

/** A name not yet taken in the list (names are unique within a field, case aside). */
function freeName(name: string, taken: Set<string>, id: string): string {
  if (!taken.has(name.toLowerCase())) return name;
  const withId = `${name} (${id})`.slice(0, 100);
  return taken.has(withId.toLowerCase()) ? id.slice(0, 100) : withId;
}

/** The restored codebook with every field and choice that claims use carried over from `before`. */
export function keepFieldsInUse(restored: Codebook, before: Codebook, usage: DocStats): KeptClaims {
  const kept: string[] = [];
  const fields: ClaimField[] = restored.fields.map((f) => ({ ...f, choices: [...f.choices] }));
  for (const old of before.fields) {
    if (countOf(usage.fields, old.key) === 0) continue;
    const now = fields.find((f) => f.key === old.key);
    if (!now) {
      fields.push({ ...old, choices: [...old.choices] });
      kept.push(old.label);
      continue;
    }
    if (now.type !== old.type) continue; // the values are read as the restored type says
    const ids = new Set(now.choices.map((c) => c.id));
    const names = new Set(now.choices.map((c) => c.name.toLowerCase()));
    for (const item of old.choices) {
      if (ids.has(item.id) || countOf(usage.values, valueKey(old.key, item.id)) === 0) continue;
      const name = freeName(item.name, names, item.id);
      now.choices.push({ ...item, name });
      ids.add(item.id);
      names.add(name.toLowerCase());
      kept.push(`${now.label}: ${name}`);
    }
  }
  const checked = ClaimFields.safeParse(fields);
  // a carried-over field that clashes with the restored ones (a CSV column both would fill):
  // refuse rather than save a codebook that hides values
  if (!checked.success)
    throw new AppError(
      'conflict',
      `This backup cannot be restored: claims use fields it lacks, and keeping them clashes with its own (${checked.error.issues[0]?.message ?? ''}). Nothing was changed.`,
    );
  return { codebook: { ...restored, fields: checked.data }, kept };
}

/**
 * After a project.json restore: save the codebook with the fields and choices claims use, and
 * say so; when they cannot be kept, put the codebook and settings of before back and refuse.
 */
export async function keepClaimsInUse(
  ctx: ServiceContext,
  before: { codebook: Codebook; settings: unknown },
): Promise<void> {
  let r: KeptClaims;
  try {
    r = keepFieldsInUse(ctx.store.data.codebook, before.codebook, await ctx.project.usage.totals());
  } catch (err) {
    await ctx.store.updateProject((data) => {
      data.codebook = before.codebook;
      data.settings = before.settings as typeof data.settings;
    });
    throw err;
  }
  if (r.kept.length === 0) return;
  await ctx.store.updateProject((data) => {
    data.codebook = r.codebook;
    data.notices.push({
      code: 'claims_kept',
      message: `The restored codebook lacked ${r.kept.length} field(s) or choice(s) that claims use (${r.kept.join(', ')}); they were kept.`,
      count: r.kept.length,
    });
  });
}
