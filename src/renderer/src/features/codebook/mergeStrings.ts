/** The words of merge confirmation and undo, in English and Arabic. `{…}` are filled in by `fill`. */
import { defineStrings } from '../../i18n';

const en = {
  confirmCodeTitle: 'Merge codes',
  confirmCode:
    'Merge “{source}” into “{target}”? {n|# annotation|# annotations} will carry “{target}” instead, and “{source}” will be removed from the codebook.',
  confirmClaimantTitle: 'Merge claimants',
  confirmClaimant:
    'Merge “{source}” into “{target}”? {n|# annotation|# annotations} will name “{target}” as {n|its|their} claimant instead.',
  confirmGroup:
    'Merge {names} as “{target}”? {n|# annotation|# annotations} will name “{target}” as {n|its|their} claimant instead.',
  undoHint: 'You can undo the merge right after it.',
  confirm: 'Merge',
  cancel: 'Cancel',
  mergedCodes: 'Merged “{source}” into “{target}”: {n|# annotation|# annotations} changed.',
  mergedClaimants: '{source} → {target}: {n|# annotation|# annotations} changed.',
  undo: 'Undo',
  undone: 'Undone: {n|# annotation is|# annotations are} as {n|it was|they were}.',
  dismiss: 'Dismiss',
};

const ar = {
  confirmCodeTitle: 'دمج الرموز',
  confirmCode:
    'هل تدمج «{source}» في «{target}»؟ سيحمل {n|تعليق واحد|تعليقان|# تعليقات|# تعليقًا|# تعليق} «{target}» بدلًا منه، ويُحذف «{source}» من دليل الترميز.',
  confirmClaimantTitle: 'دمج أصحاب الادعاء',
  confirmClaimant:
    'هل تدمج «{source}» في «{target}»؟ سيُنسب {n|تعليق واحد|تعليقان|# تعليقات|# تعليقًا|# تعليق} إلى «{target}» بدلًا منه.',
  confirmGroup:
    'هل تدمج {names} باسم «{target}»؟ سيُنسب {n|تعليق واحد|تعليقان|# تعليقات|# تعليقًا|# تعليق} إلى «{target}» بدلًا منها.',
  undoHint: 'يمكنك التراجع عن الدمج بعده مباشرة.',
  confirm: 'دمج',
  cancel: 'إلغاء',
  mergedCodes: 'دُمج «{source}» في «{target}»: تغيّر {n|تعليق واحد|تعليقان|# تعليقات|# تعليقًا|# تعليق}.',
  mergedClaimants: '{source} ← {target}: تغيّر {n|تعليق واحد|تعليقان|# تعليقات|# تعليقًا|# تعليق}.',
  undo: 'تراجع',
  undone: 'تم التراجع عن الدمج في {n|تعليق واحد|تعليقين|# تعليقات|# تعليقًا|# تعليق}.',
  dismiss: 'إخفاء',
};

export const useMergeStrings = defineStrings({ en, ar });

const ARABIC = new Intl.PluralRules('ar');
const ARABIC_FORMS: readonly Intl.LDMLPluralRule[] = ['one', 'two', 'few', 'many', 'other'];

/**
 * Put values in a message's `{name}` places. `{name|one|other}` picks by the number: `one` for 1,
 * `other` for every other count (English: "{n|# claim carries|# claims carry}");
 * `{name|one|two|few|many|other}` picks by Arabic's plural rules (1, 2, 3–10, 11–99, the rest;
 * zero takes `other`): "{n|ادعاء واحد|ادعاءان|# ادعاءات|# ادعاءً|# ادعاء}". `#` stands for the number.
 */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)((?:\|[^|{}]*)*)\}/g, (whole, name: string, tail: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    if (!tail) return String(value);
    const forms = tail.slice(1).split('|');
    const n = Number(value);
    const form =
      forms.length === 2
        ? forms[n === 1 ? 0 : 1]
        : forms.length === ARABIC_FORMS.length
          ? (forms[ARABIC_FORMS.indexOf(ARABIC.select(n))] ?? forms[ARABIC_FORMS.length - 1])
          : undefined;
    return form === undefined ? whole : form.replaceAll('#', String(value));
  });
}
