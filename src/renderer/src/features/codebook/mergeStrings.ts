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
    'هل تدمج «{source}» في «{target}»؟ سيحمل {n} من التعليقات «{target}» بدلًا منه، ويُحذف «{source}» من دليل الترميز.',
  confirmClaimantTitle: 'دمج أصحاب الادعاء',
  confirmClaimant: 'هل تدمج «{source}» في «{target}»؟ سيُنسب {n} من التعليقات إلى «{target}» بدلًا منه.',
  confirmGroup: 'هل تدمج {names} باسم «{target}»؟ سيُنسب {n} من التعليقات إلى «{target}» بدلًا منها.',
  undoHint: 'يمكنك التراجع عن الدمج بعده مباشرة.',
  confirm: 'دمج',
  cancel: 'إلغاء',
  mergedCodes: 'دُمج «{source}» في «{target}»: تغيّر {n} من التعليقات.',
  mergedClaimants: '{source} ← {target}: تغيّر {n} من التعليقات.',
  undo: 'تراجع',
  undone: 'تم التراجع: عاد {n} من التعليقات كما كانت.',
  dismiss: 'إخفاء',
};

export const useMergeStrings = defineStrings({ en, ar });

/**
 * Put values in a message's `{name}` places. `{name|one|other}` picks by the number: `one` for 1,
 * `other` for every other count, with `#` standing for the number (English messages: "{n|# claim
 * carries|# claims carry}"; the Arabic ones are worded so that one form reads for every count).
 */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.hasOwn(values, name)) return whole;
      const value = values[name];
      if (one === undefined || other === undefined) return String(value);
      return (Number(value) === 1 ? one : other).replaceAll('#', String(value));
    },
  );
}
