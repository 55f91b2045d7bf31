/**
 * The claims filter's coder choices (issue 17): one entry per coder key (the coder id, else the
 * annotator name), labelled with the coder's current name, so a renamed coder is one entry;
 * coders bearing the same name are told apart by their id; the adjudicated layer is an entry of
 * its own; a value still chosen that no coder has now (a name saved before coder ids) stays
 * offered under its own name.
 */
import { ADJUDICATED_LAYER } from '@shared/analysis/filter';
import type { Choice } from './MultiSelect';

export function coderChoices(
  withAnnotations: readonly { coder: string; name: string }[],
  known: readonly { id: string; name: string }[],
  chosen: readonly string[] | undefined,
  labels: { adjudicated: string; lang: string },
): Choice[] {
  const byKey = new Map<string, string>();
  for (const c of withAnnotations) if (c.coder !== '') byKey.set(c.coder, c.name || c.coder);
  for (const c of known) if (!byKey.has(c.id)) byKey.set(c.id, c.name);
  for (const v of chosen ?? []) if (v !== ADJUDICATED_LAYER && !byKey.has(v)) byKey.set(v, v);
  const labelCount = new Map<string, number>();
  for (const name of byKey.values()) labelCount.set(name, (labelCount.get(name) ?? 0) + 1);
  const out: Choice[] = [...byKey].map(([value, label]) =>
    (labelCount.get(label) ?? 0) > 1 && value !== label ? { value, label, hint: value } : { value, label },
  );
  out.sort((x, y) => x.label.localeCompare(y.label, labels.lang) || (x.value < y.value ? -1 : 1));
  out.push({ value: ADJUDICATED_LAYER, label: labels.adjudicated });
  return out;
}
