/** What each reader key does, for the list of keys (`?`), in both languages. */
import { defineStrings, type Strings } from '../../i18n';

const en = {
  title: 'Keyboard keys',
  intro: 'Tab to the article: a caret appears at its first word (or where you left it).',
  keysColumn: 'Keys',
  actionColumn: 'Action',
  close: 'Close',
  caretChar: 'Move the caret by a character (in Arabic text ← goes forward)',
  caretWord: 'Move the caret by a word',
  caretLine: 'Move the caret to the line above or below',
  caretLineEdge: 'Go to the start or end of the line',
  caretDocEdge: 'Go to the start or end of the article',
  extend: 'Hold Shift with any caret key to select',
  code: 'Tag the selection with the code on that key (or add or remove it on the active annotation)',
  palette: 'Search all codes for the selection',
  open: 'Open the annotation at the caret and go to its first field',
  cycle: 'Several annotations at the caret: make the next one active',
  next: 'Next annotation',
  previous: 'Previous annotation',
  edgeEnd: 'Move the active annotation’s end by a word',
  edgeStart: 'Move the active annotation’s start by a word',
  delete: 'Delete the active annotation (undoable)',
  close_: 'Deselect the active annotation; in a field, back to the article',
  undo: 'Undo',
  redo: 'Redo',
  help: 'Show this list',
  selected: (text: string) => `Selected: ${text}`,
};

const ar = {
  title: 'مفاتيح لوحة المفاتيح',
  intro: 'انتقل بمفتاح Tab إلى المقال: يظهر المؤشر عند أول كلمة (أو حيث تركته).',
  keysColumn: 'المفاتيح',
  actionColumn: 'الوظيفة',
  close: 'إغلاق',
  caretChar: 'تحريك المؤشر حرفًا (في النص العربي ← يتقدّم)',
  caretWord: 'تحريك المؤشر كلمة',
  caretLine: 'الانتقال إلى السطر السابق أو التالي',
  caretLineEdge: 'الانتقال إلى بداية السطر أو نهايته',
  caretDocEdge: 'الانتقال إلى بداية المقال أو نهايته',
  extend: 'اضغط Shift مع أي مفتاح لتحريك المؤشر لتحديد النص',
  code: 'ترميز النص المحدد بالرمز المخصّص لذلك المفتاح (أو إضافته إلى التعليق النشط أو إزالته منه)',
  palette: 'البحث في كل الرموز لترميز النص المحدد',
  open: 'فتح التعليق عند المؤشر والانتقال إلى أول حقل فيه',
  cycle: 'عدة تعليقات عند المؤشر: تنشيط التالي منها',
  next: 'التعليق التالي',
  previous: 'التعليق السابق',
  edgeEnd: 'تحريك نهاية التعليق النشط كلمة',
  edgeStart: 'تحريك بداية التعليق النشط كلمة',
  delete: 'حذف التعليق النشط (يمكن التراجع)',
  close_: 'إلغاء تنشيط التعليق؛ وفي حقل، العودة إلى المقال',
  undo: 'تراجع',
  redo: 'إعادة',
  help: 'عرض هذه القائمة',
  selected: (text: string) => `المحدد: ${text}`,
};

export const useKeyHelpStrings = defineStrings({ en, ar });
export type KeyHelpStrings = Strings<typeof en>;
/** The entries of the list of keys: one per line of the command table. */
export type KeyHelpId = Exclude<
  keyof typeof en,
  'title' | 'intro' | 'keysColumn' | 'actionColumn' | 'close' | 'selected'
>;
