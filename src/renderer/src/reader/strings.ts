/** The reader's own words (pending saves, span handles, mention marks, incomplete claims), in English and Arabic. */
import { defineStrings, type Strings } from '../i18n';

const en = {
  notOnDisk: 'not yet on disk',
  notOnDiskTitle:
    'Kept in memory: the disk refused the save. Hashiya keeps trying and shows it as saved once it is on disk.',
  reconciled: 'Saved to disk',
  spanMoved: 'Span changed',
  spanRefused: 'The span cannot move there',
  noneAtCaret: 'No annotation at the caret',
  mentionMarks: 'Mark actors',
  mentionMarksTitle: 'Mark, faintly, the mentions of actors the registry knows',
  incomplete: 'incomplete',
  incompleteTitle: 'A required claim field is empty',
  incompleteOnly: (n: number) => `Incomplete only (${n})`,
  adjudicatedLayer: 'Adjudicated layer',
};

const ar = {
  notOnDisk: 'لم يُكتب على القرص بعد',
  notOnDiskTitle: 'محفوظ في الذاكرة: رفض القرص الحفظ. تواصل حاشية المحاولة وتُظهره محفوظًا حين يُكتب على القرص.',
  reconciled: 'حُفظ على القرص',
  spanMoved: 'تغيّر المقطع',
  spanRefused: 'لا يمكن نقل حدّ المقطع إلى هناك',
  noneAtCaret: 'لا تعليق عند المؤشر',
  mentionMarks: 'إبراز الفاعلين',
  mentionMarksTitle: 'تمييز خفيف لذكر الفاعلين المعروفين في السجل',
  incomplete: 'ناقص',
  incompleteTitle: 'حقل مطلوب من حقول الادعاء فارغ',
  incompleteOnly: (n: number) => `الناقصة فقط (${n})`,
  adjudicatedLayer: 'الطبقة المحسومة',
};

export const useReaderStrings = defineStrings({ en, ar });
export type ReaderStrings = Strings<typeof en>;
