/** The words of removing a claim field (or a choice) that claims carry, in English and Arabic (`{…}` filled by `fill`). */
import { defineStrings } from '../../i18n';

const en = {
  title: 'Remove a field in use',
  ask: '{n|# claim carries|# claims carry} “{label}”. Remove the field and clear it from {n|that claim|those claims}?',
  hint: 'You can undo the removal right after it.',
  remove: 'Remove',
  keep: 'Keep',
  askChoice:
    '{n|# claim carries|# claims carry} “{label}” of “{field}”. Remove the choice and clear it from {n|that claim|those claims}?',
  removed: 'Removed “{label}” and cleared it from {n|# claim|# claims}.',
  restored: '“{label}” is back, with its values in {n|# claim|# claims}.',
};

const ar = {
  title: 'إزالة حقل مستخدم',
  ask: '«{label}» في {n|ادعاء واحد|ادعاءين|# ادعاءات|# ادعاءً|# ادعاء}. هل تزيل الحقل وتمحوه من {n|ذلك الادعاء|هذين الادعاءين|تلك الادعاءات|تلك الادعاءات|تلك الادعاءات}؟',
  hint: 'يمكنك التراجع عن الإزالة بعدها مباشرة.',
  remove: 'إزالة',
  keep: 'إبقاء',
  askChoice:
    '«{label}» من «{field}» في {n|ادعاء واحد|ادعاءين|# ادعاءات|# ادعاءً|# ادعاء}. هل تزيل الخيار وتمحوه من {n|ذلك الادعاء|هذين الادعاءين|تلك الادعاءات|تلك الادعاءات|تلك الادعاءات}؟',
  removed: 'أُزيل «{label}» ومُحي من {n|ادعاء واحد|ادعاءين|# ادعاءات|# ادعاءً|# ادعاء}.',
  restored: 'عاد «{label}» بقيمه في {n|ادعاء واحد|ادعاءين|# ادعاءات|# ادعاءً|# ادعاء}.',
};

export const useFieldRemovalStrings = defineStrings({ en, ar });
