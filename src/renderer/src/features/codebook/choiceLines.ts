/**
 * A choice list as the Fields tab edits it: one item a line, `name | Arabic name | number`. An
 * item keeps its id by its place in the list, so renaming a line renames the item (claims keep
 * it); a line added gets a new id, and a line removed drops its item (which codebook.save refuses
 * while claims use it).
 */
import type { ChoiceItem } from '@shared/claims/fields';
import { foldDigits } from '@shared/claims/values';

export function choicesToLines(items: readonly ChoiceItem[]): string {
  return items.map((c) => [c.name, c.nameAr, c.value === null ? '' : String(c.value)].join(' | ')).join('\n');
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);

export function linesToChoices(text: string, before: readonly ChoiceItem[]): ChoiceItem[] {
  const out: ChoiceItem[] = [];
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  lines.forEach((line, i) => {
    const [name = '', nameAr = '', num = ''] = line.split('|').map((p) => p.trim());
    const n = num === '' ? null : Number(foldDigits(num).replace('−', '-'));
    const kept = before[i];
    let id = kept?.id ?? (slug(name) || `choice-${i + 1}`);
    for (let k = 2; out.some((c) => c.id === id); k++) id = `${slug(name) || 'choice'}-${k}`;
    // a number that does not read leaves the item without one
    out.push({ id, name, nameAr, value: n === null || !Number.isFinite(n) ? null : n });
  });
  return out;
}
