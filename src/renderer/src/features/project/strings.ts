/** The words of the project features, in English and Arabic (follows the interface language). */
import { useI18n, type Lang } from '../../i18n';

const en = {
  projectButton: 'Project…',
  project: 'Project',
  openNow: 'Open now:',
  folderPath: 'Folder path',
  folderHint:
    'Type the full path of a folder. “Open project” needs a folder that holds a Hashiya project; “New project” needs a new or empty folder.',
  folderHintDesktop:
    'Leave the path empty to choose the folder in a dialog, or type its full path. “Open project” needs a folder that holds a Hashiya project; “New project” needs a new or empty folder.',
  newName: 'Name for a new project (optional)',
  openProject: 'Open project',
  newProject: 'New project',
  recent: 'Recent projects',
  noneYet: 'None yet.',
  isOpen: ' (open)',
  folderMissing: ' (folder missing)',
  isGone: 'is no longer there',
  restoreFromBackup: 'Restore from backup…',
  coderName: 'Coder name…',
  coderNow: 'Your annotations are recorded as',
  noCoderYet: 'No coder name yet: it is asked before your first tag.',
  coderPrompt: 'The annotations you make from now on record this name; those made before keep the name they have.',
  coderSaved: 'Coder name saved:',
  close: 'Close',
  restoreTitle: 'Restore from backup',
  restoreHint:
    'Hashiya keeps recent copies of each file. Restoring puts a copy back in place; the current file is kept as a backup too.',
  file: 'File',
  settingsFile: 'Project settings and codebook',
  notInProject: ' (no longer in the project)',
  loading: 'Loading…',
  noBackups: 'There are no backups of this file yet.',
  saved: 'Saved',
  annotations: 'Annotations',
  size: 'Size',
  restoreRow: 'Restore…',
  confirmGroup: 'Confirm restore',
  confirmBefore: 'Put the copy of “',
  confirmFrom: '” from ',
  confirmAfter: ' back in place?',
  holds: (n: number) => ` It holds ${n} annotation${n === 1 ? '' : 's'}.`,
  replaced: ' Changes made since then will be replaced (the current file is kept as a backup).',
  restoreThis: 'Restore this copy',
  back: 'Back',
  notices: 'Project notices',
  notSaved: 'Not saved yet:',
  keptWhileOpen: 'Your changes are kept while Hashiya stays open.',
  saveAgain: 'Save again',
  dismiss: 'Dismiss',
};

export type ProjectStrings = typeof en;

const ar: ProjectStrings = {
  projectButton: 'المشروع…',
  project: 'المشروع',
  openNow: 'المفتوح الآن:',
  folderPath: 'مسار المجلد',
  folderHint:
    'اكتب المسار الكامل لمجلد. «فتح مشروع» يحتاج مجلدًا فيه مشروع حاشية، و«مشروع جديد» يحتاج مجلدًا جديدًا أو فارغًا.',
  folderHintDesktop:
    'اترك المسار فارغًا لاختيار المجلد من نافذة، أو اكتب مساره الكامل. «فتح مشروع» يحتاج مجلدًا فيه مشروع حاشية، و«مشروع جديد» يحتاج مجلدًا جديدًا أو فارغًا.',
  newName: 'اسم المشروع الجديد (اختياري)',
  openProject: 'فتح مشروع',
  newProject: 'مشروع جديد',
  recent: 'المشاريع الأخيرة',
  noneYet: 'لا شيء بعد.',
  isOpen: ' (مفتوح)',
  folderMissing: ' (المجلد غير موجود)',
  isGone: 'لم يعد موجودًا',
  restoreFromBackup: 'الاسترجاع من نسخة احتياطية…',
  coderName: 'اسم المرمِّز…',
  coderNow: 'تُسجَّل تعليقاتك باسم',
  noCoderYet: 'لا يوجد اسم مرمِّز بعد: يُطلب قبل أول ترميز.',
  coderPrompt: 'تحمل التعليقات التي تضيفها من الآن هذا الاسم، وتبقى التعليقات السابقة بالاسم الذي تحمله.',
  coderSaved: 'حُفظ اسم المرمِّز:',
  close: 'إغلاق',
  restoreTitle: 'الاسترجاع من نسخة احتياطية',
  restoreHint:
    'تحتفظ حاشية بنسخ حديثة من كل ملف. الاسترجاع يعيد نسخة إلى مكانها، ويُحفظ الملف الحالي نسخةً احتياطية أيضًا.',
  file: 'الملف',
  settingsFile: 'إعدادات المشروع ودليل الترميز',
  notInProject: ' (لم يعد في المشروع)',
  loading: 'جارٍ التحميل…',
  noBackups: 'لا توجد نسخ احتياطية لهذا الملف بعد.',
  saved: 'تاريخ الحفظ',
  annotations: 'التعليقات',
  size: 'الحجم',
  restoreRow: 'استرجاع…',
  confirmGroup: 'تأكيد الاسترجاع',
  confirmBefore: 'هل تعيد نسخة «',
  confirmFrom: '» المحفوظة في ',
  confirmAfter: ' إلى مكانها؟',
  holds: (n: number) => ` فيها ${n} من التعليقات.`,
  replaced: ' ستحل محل التغييرات التي جرت بعد ذلك (ويُحفظ الملف الحالي نسخةً احتياطية).',
  restoreThis: 'استرجع هذه النسخة',
  back: 'رجوع',
  notices: 'تنبيهات المشروع',
  notSaved: 'لم يُحفظ بعد:',
  keptWhileOpen: 'تبقى تغييراتك في الذاكرة ما دامت حاشية مفتوحة.',
  saveAgain: 'احفظ مجددًا',
  dismiss: 'إخفاء',
};

export function projectStrings(lang: Lang): ProjectStrings {
  return lang === 'ar' ? ar : en;
}

export function useProjectStrings(): ProjectStrings {
  return projectStrings(useI18n().lang);
}
