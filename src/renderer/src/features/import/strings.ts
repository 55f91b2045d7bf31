/** The import feature's words, in English and Arabic (the interface language decides). */
import { useI18n } from '../../i18n';

const en = {
  importButton: 'Import…',
  importTitle: 'Import articles',
  importHint: 'Plain text (.txt, any encoding), web pages (.html, .htm, .mhtml), Word documents (.docx), PDF with a text layer (.pdf) and RTF (.rtf). You can choose several files, or drop them anywhere on the window.',
  chooseFiles: 'Choose files…',
  pasteButton: 'Paste text…',
  pasteTitle: 'Paste text as a new document',
  pasteText: 'Text',
  pasteTitleField: 'Title (optional)',
  pasteSubmit: 'Create document',
  dropHere: 'Drop files to import them',
  importing: 'Importing',
  of: 'of',
  summary: 'What came in',
  importedCount: 'imported',
  refusedCount: 'refused',
  duplicateCount: 'already in the project',
  imported: 'Imported',
  refused: 'Refused',
  duplicate: 'Already in the project',
  importAnyway: 'Import anyway',
  skip: 'Skip',
  skipped: 'Skipped.',
  open: 'Open',
  close: 'Close',
  cancel: 'Cancel',
  empty: 'There is no text to import.',
  reading: 'Reading',
  stop: 'Stop after this file',
  stopped: 'Stopped before the remaining files.',
} as const;

export type ImportTextKey = keyof typeof en;

const ar: Record<ImportTextKey, string> = {
  importButton: 'استيراد…',
  importTitle: 'استيراد مقالات',
  importHint: 'نص عادي (‎.txt‎، بأي ترميز)، وصفحات ويب (‎.html‎، ‎.htm‎، ‎.mhtml‎)، ووثائق وورد (‎.docx‎)، وملفات PDF ذات طبقة نصية (‎.pdf‎)، وملفات RTF (‎.rtf‎). يمكنك اختيار عدة ملفات، أو إفلاتها في أي مكان من النافذة.',
  chooseFiles: 'اختر ملفات…',
  pasteButton: 'لصق نص…',
  pasteTitle: 'لصق نص كوثيقة جديدة',
  pasteText: 'النص',
  pasteTitleField: 'العنوان (اختياري)',
  pasteSubmit: 'إنشاء الوثيقة',
  dropHere: 'أفلت الملفات لاستيرادها',
  importing: 'جارٍ الاستيراد',
  of: 'من',
  summary: 'نتيجة الاستيراد',
  importedCount: 'استُورد',
  refusedCount: 'رُفض',
  duplicateCount: 'موجود مسبقًا في المشروع',
  imported: 'استُورد',
  refused: 'رُفض',
  duplicate: 'موجود مسبقًا في المشروع',
  importAnyway: 'استيراد على أي حال',
  skip: 'تخطٍّ',
  skipped: 'تُخطّي.',
  open: 'فتح',
  close: 'إغلاق',
  cancel: 'إلغاء',
  empty: 'لا يوجد نص للاستيراد.',
  reading: 'جارٍ قراءة',
  stop: 'التوقف بعد هذا الملف',
  stopped: 'توقف الاستيراد قبل الملفات المتبقية.',
};

const dictionaries = { en, ar } as const;

export function useImportText(): { it: (key: ImportTextKey) => string; lang: 'en' | 'ar' } {
  const { lang } = useI18n();
  const dict: Record<ImportTextKey, string> = dictionaries[lang];
  return { it: (key) => dict[key], lang };
}
