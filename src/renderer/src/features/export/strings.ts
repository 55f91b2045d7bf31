/** The export feature's words, in English and Arabic (the interface language decides). */
import { useI18n } from '../../i18n';

const en = {
  exportCsvButton: 'Export CSV…',
  exchangeButton: 'Exchange…',
  csvTitle: 'Export CSV',
  csvHint:
    'UTF-8 with BOM, one row per code or per annotation. Text cells that begin with = + - @ get a leading apostrophe so spreadsheets do not run them as formulas (see the column guide below).',
  scope: 'Documents',
  scopeCurrent: 'This document',
  scopeSelected: 'Selected documents',
  scopeAll: 'Whole project',
  noDocuments: 'No documents in the project.',
  chooseAtLeastOne: 'Choose at least one document.',
  rows: 'Rows',
  rowPerCode: 'One row per code',
  rowPerAnnotation: 'One row per annotation (codes joined with “ | ”)',
  includeTexts:
    'As a .zip with each document’s text (texts/<document_id>.txt, to check start/end outside Hashiya) and the W3C JSON-LD',
  exportCsv: 'Export CSV',
  exporting: 'Exporting…',
  exportedRows: 'rows exported to',
  exchangeTitle: 'Exchange annotations (W3C Web Annotation)',
  exchangeHint:
    'Export annotations as W3C JSON-LD to give to a colleague, or merge a colleague’s file into this project. Annotations already here are never duplicated.',
  exportW3c: 'Export annotations (W3C JSON-LD)…',
  importW3c: 'Import annotations…',
  importing: 'Importing…',
  importProgress: 'Annotations merged:',
  importStopped:
    'The import stopped part-way: what was merged before is kept, and importing the same file again adds only what is missing.',
  moreOrphans: 'more not shown',
  exportedAnnotations: 'annotations exported to',
  importedSummary: 'Imported',
  reanchored: 'found by their quote',
  alreadyPresent: 'already in the project',
  createdCodes: 'New codes added to the codebook',
  orphansTitle: 'Could not be placed',
  noOrphans: 'Every annotation in the file was placed.',
  reason_invalid: 'not a readable annotation',
  reason_document_not_found: 'its text is not in this project',
  reason_text_not_found: 'the quoted passage is not in the text',
  reason_unknown_code: 'uses a code this codebook lacks',
  unknownCodes: 'Codes this codebook lacks',
  unknownCreate: 'Add them to the codebook',
  unknownOrphan: 'Do not import those annotations',
  close: 'Close',
};

type ExportTextKey = keyof typeof en;

const ar: Record<ExportTextKey, string> = {
  exportCsvButton: 'تصدير CSV…',
  exchangeButton: 'تبادل…',
  csvTitle: 'تصدير CSV',
  csvHint:
    'ترميز UTF-8 مع BOM، صف لكل رمز أو لكل تعليق. الخلايا النصية التي تبدأ بـ = + - @ تُسبق بفاصلة عليا حتى لا تنفذها جداول البيانات كصيغ (انظر دليل الأعمدة أدناه).',
  scope: 'المستندات',
  scopeCurrent: 'هذا المستند',
  scopeSelected: 'المستندات المختارة',
  scopeAll: 'المشروع كله',
  noDocuments: 'لا توجد مستندات في المشروع.',
  chooseAtLeastOne: 'اختر مستندًا واحدًا على الأقل.',
  rows: 'الصفوف',
  rowPerCode: 'صف لكل رمز',
  rowPerAnnotation: 'صف لكل تعليق (الرموز مفصولة بـ “ | ”)',
  includeTexts: 'ملف ‎.zip مع نص كل مستند (للتحقق من المواضع خارج حاشية) وملف W3C JSON-LD',
  exportCsv: 'تصدير CSV',
  exporting: 'جارٍ التصدير…',
  exportedRows: 'صفًا صُدّرت إلى',
  exchangeTitle: 'تبادل التعليقات (W3C Web Annotation)',
  exchangeHint:
    'صدّر التعليقات بصيغة W3C JSON-LD لتعطيها لزميل، أو ادمج ملف زميل في هذا المشروع. لا تتكرر التعليقات الموجودة أبدًا.',
  exportW3c: 'تصدير التعليقات (W3C JSON-LD)…',
  importW3c: 'استيراد تعليقات…',
  importing: 'جارٍ الاستيراد…',
  importProgress: 'التعليقات المدمجة:',
  importStopped: 'توقف الاستيراد في منتصفه: ما دُمج قبل ذلك محفوظ، واستيراد الملف نفسه مرة أخرى يضيف ما ينقص فقط.',
  moreOrphans: 'أخرى لم تُعرض',
  exportedAnnotations: 'تعليقًا صُدّرت إلى',
  importedSummary: 'استُورد',
  reanchored: 'عُثر عليها بنصها المقتبس',
  alreadyPresent: 'موجودة مسبقًا في المشروع',
  createdCodes: 'رموز جديدة أضيفت إلى دليل الترميز',
  orphansTitle: 'تعذّر وضعها',
  noOrphans: 'وُضع كل تعليق في الملف.',
  reason_invalid: 'ليس تعليقًا مقروءًا',
  reason_document_not_found: 'نصه ليس في هذا المشروع',
  reason_text_not_found: 'المقطع المقتبس ليس في النص',
  reason_unknown_code: 'يستخدم رمزًا غير موجود في دليل الترميز',
  unknownCodes: 'الرموز غير الموجودة في دليل الترميز',
  unknownCreate: 'أضفها إلى دليل الترميز',
  unknownOrphan: 'لا تستورد تلك التعليقات',
  close: 'إغلاق',
};

const dictionaries = { en, ar } as const;

export function useExportText(): { x: (key: ExportTextKey) => string; lang: 'en' | 'ar' } {
  const { lang } = useI18n();
  const dict: Record<ExportTextKey, string> = dictionaries[lang];
  return { x: (key) => dict[key], lang };
}
