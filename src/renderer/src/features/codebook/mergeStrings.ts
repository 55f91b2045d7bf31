/** The words of merge confirmation and undo, in English and Arabic. `{…}` are filled in by `fill`. */
import { defineStrings } from '../../i18n';

const en = {
  confirmCodeTitle: 'Merge codes',
  confirmCode:
    'Merge “{source}” into “{target}”? {n} annotations will carry “{target}” instead, and “{source}” will be removed from the codebook.',
  confirmClaimantTitle: 'Merge claimants',
  confirmClaimant: 'Merge “{source}” into “{target}”? {n} annotations will name “{target}” as their claimant instead.',
  confirmGroup: 'Merge {names} as “{target}”? {n} annotations will name “{target}” as their claimant instead.',
  undoHint: 'You can undo the merge right after it.',
  confirm: 'Merge',
  cancel: 'Cancel',
  mergedCodes: 'Merged “{source}” into “{target}”: {n} annotations changed.',
  mergedClaimants: '{source} → {target}: {n} annotations changed.',
  undo: 'Undo',
  undone: 'Undone: {n} annotations are as they were.',
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

/** Put values in a message's `{name}` places. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
