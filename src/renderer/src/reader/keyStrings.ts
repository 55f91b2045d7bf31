/** Words of the reader's keyboard helpers (code-key bar, palette, editor hints), in both languages. */
import { defineStrings, type Lang, type Strings } from '../i18n';

const en = {
  codeKeys: 'Code keys for the selection',
  keyHint: 'Press a key to tag the selection',
  morePalette: 'More codes…',
  selectedPassage: 'Selected passage',
  codesHint: 'Arrow keys move between codes, Space turns one on or off.',
};

const ar = {
  codeKeys: 'مفاتيح الرموز للنص المحدد',
  keyHint: 'اضغط مفتاحًا لترميز النص المحدد',
  morePalette: 'رموز أخرى…',
  selectedPassage: 'النص المحدد',
  codesHint: 'تنقّل بين الرموز بالأسهم، واضغط المسافة لتفعيل رمز أو إلغائه.',
};

export const useKeyStrings = defineStrings({ en, ar });
export type KeyStrings = Strings<typeof en>;

export function keyStrings(lang: Lang): KeyStrings {
  return useKeyStrings.for(lang);
}
