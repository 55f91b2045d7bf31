/** Words of the reader's keyboard helpers (code-key bar, palette, editor hints), in both languages. */
import { useI18n, type Lang } from '../i18n';

const en = {
  codeKeys: 'Code keys for the selection',
  keyHint: 'Press a key to tag the selection',
  morePalette: 'More codes…',
  selectedPassage: 'Selected passage',
  codesHint: 'Arrow keys move between codes, Space turns one on or off.',
};

export type KeyStrings = typeof en;

const ar: KeyStrings = {
  codeKeys: 'مفاتيح الرموز للنص المحدد',
  keyHint: 'اضغط مفتاحًا لترميز النص المحدد',
  morePalette: 'رموز أخرى…',
  selectedPassage: 'النص المحدد',
  codesHint: 'تنقّل بين الرموز بالأسهم، واضغط المسافة لتفعيل رمز أو إلغائه.',
};

export function keyStrings(lang: Lang): KeyStrings {
  return lang === 'ar' ? ar : en;
}

export function useKeyStrings(): KeyStrings {
  return keyStrings(useI18n().lang);
}
