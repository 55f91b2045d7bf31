/**
 * The interface's words in English and Arabic, and the one way every part of the page defines
 * its own: `defineStrings({ en, ar })` (here for the app's shared words, in each feature's
 * strings.ts for its own) returns a `useXStrings()` hook that gives the table of the interface
 * language, as an object (`s.save`), and `.for(lang)` for code outside components. The type
 * checker refuses an `ar` table that lacks a key of `en` or has one `en` does not.
 * Switching to Arabic mirrors the whole chrome (html dir="rtl"); the layout uses logical CSS
 * properties so nothing else has to change.
 */
import { createContext, useContext } from 'react';

export type Lang = 'en' | 'ar';

/** One entry of a table: words, or a function that puts values into them (`holds(n)`). */
export type Message = string | ((...args: never[]) => string);

/** A table of words as a view reads it: every key of the English table (words as plain strings). */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

export interface StringsHook<T> {
  /** the table of the interface language (a hook: call it in a component) */
  (): Strings<T>;
  /** the table of `lang`, for code outside components */
  for(lang: Lang): Strings<T>;
}

export function defineStrings<const T extends Record<string, Message>, A extends Strings<T>>(tables: {
  en: T;
  ar: A & Record<Exclude<keyof A, keyof T>, never>;
}): StringsHook<T> {
  // en is its own table; the type parameters above are what check ar against it
  const byLang = { en: tables.en as Strings<T>, ar: tables.ar as Strings<T> };
  function useStrings(): Strings<T> {
    return byLang[useContext(I18nContext).lang];
  }
  return Object.assign(useStrings, { for: (lang: Lang) => byLang[lang] });
}

const en = {
  appName: 'Hashiya',
  library: 'Library',
  documents: 'Documents',
  title: 'Title',
  direction: 'Direction',
  language: 'Language',
  characters: 'Characters',
  annotations: 'Annotations',
  imported: 'Imported',
  open: 'Open',
  noDocuments: 'No documents yet. Import an article to start.',
  filterDocuments: 'Filter by title or source',
  noDocumentMatches: 'No document’s title or source matches the filter.',
  backToLibrary: 'Library',
  textSize: 'Text size',
  smaller: 'Smaller text',
  larger: 'Larger text',
  interfaceLanguage: 'العربية',
  switchLanguage: 'Switch the interface to Arabic',
  loading: 'Loading…',
  rtl: 'right-to-left',
  ltr: 'left-to-right',
  annotationsPanel: 'Annotations',
  filterCode: 'Code',
  filterAnnotator: 'Annotator',
  all: 'All',
  next: 'Next',
  previous: 'Previous',
  noAnnotations: 'No annotations yet. Select a passage and press a code’s key (1–9) or Ctrl+K.',
  codes: 'Codes',
  claimant: 'Claimant',
  stance: 'Stance',
  certainty: 'Certainty',
  note: 'Note',
  delete: 'Delete',
  undo: 'Undo',
  redo: 'Redo',
  tagWith: 'Tag with…',
  searchCodes: 'Search codes',
  noCodeMatches: 'No code matches.',
  selectFirst: 'Select a passage first.',
  yourName: 'Your name',
  askName: 'Annotations record who made them. What name should yours carry?',
  save: 'Save',
  cancel: 'Cancel',
  created: 'Annotation created',
  deleted: 'Annotation deleted',
  updated: 'Annotation updated',
  saving: 'Saving…',
  saved: 'All changes saved',
  saveFailed: 'Not saved',
  snapToWords: 'Snap selections to whole words',
  none: '—',
  countPerCode: 'Per code',
  moreCodes: '+{n} more',
  fewerCodes: 'Show fewer',
  resizePanel: 'Resize the annotations panel',
  mainNav: 'Main',
  more: 'More',
  readerToolbar: 'Reader',
  close: 'Close',
  editAnnotation: 'Annotation',
  annotator: 'Annotator',
  details: 'Details',
  actions: 'Actions',
  source: 'Source',
  published: 'Published',
  deleteDocument: 'Delete document…',
  deleteDocumentConfirm: 'Its annotations go with it (the file is kept in the project’s trash folder).',
} as const;

export type MessageKey = keyof typeof en;

const ar = {
  appName: 'حاشية',
  library: 'المكتبة',
  documents: 'الوثائق',
  title: 'العنوان',
  direction: 'الاتجاه',
  language: 'اللغة',
  characters: 'الأحرف',
  annotations: 'التعليقات',
  imported: 'تاريخ الاستيراد',
  open: 'فتح',
  noDocuments: 'لا توجد وثائق بعد. استورد مقالًا للبدء.',
  filterDocuments: 'تصفية حسب العنوان أو المصدر',
  noDocumentMatches: 'لا يطابق عنوانُ أي وثيقة أو مصدرُها التصفية.',
  backToLibrary: 'المكتبة',
  textSize: 'حجم النص',
  smaller: 'تصغير النص',
  larger: 'تكبير النص',
  interfaceLanguage: 'English',
  switchLanguage: 'Switch the interface to English',
  loading: 'جارٍ التحميل…',
  rtl: 'من اليمين إلى اليسار',
  ltr: 'من اليسار إلى اليمين',
  annotationsPanel: 'التعليقات',
  filterCode: 'الرمز',
  filterAnnotator: 'المُرمِّز',
  all: 'الكل',
  next: 'التالي',
  previous: 'السابق',
  noAnnotations: 'لا توجد تعليقات بعد. حدِّد مقطعًا واضغط مفتاح الرمز (1–9) أو Ctrl+K.',
  codes: 'الرموز',
  claimant: 'صاحب الادعاء',
  stance: 'الموقف',
  certainty: 'درجة اليقين',
  note: 'ملاحظة',
  delete: 'حذف',
  undo: 'تراجع',
  redo: 'إعادة',
  tagWith: 'ترميز بـ…',
  searchCodes: 'ابحث في الرموز',
  noCodeMatches: 'لا يوجد رمز مطابق.',
  selectFirst: 'حدِّد مقطعًا أولًا.',
  yourName: 'اسمك',
  askName: 'يُسجَّل اسم صاحب كل تعليق. ما الاسم الذي تحمله تعليقاتك؟',
  save: 'حفظ',
  cancel: 'إلغاء',
  created: 'أُنشئ تعليق',
  deleted: 'حُذف تعليق',
  updated: 'عُدِّل تعليق',
  saving: 'جارٍ الحفظ…',
  saved: 'حُفظت كل التغييرات',
  saveFailed: 'لم يُحفظ',
  snapToWords: 'توسيع التحديد إلى كلمات كاملة',
  none: '—',
  countPerCode: 'لكل رمز',
  moreCodes: '+{n} أخرى',
  fewerCodes: 'عرض أقل',
  resizePanel: 'تغيير عرض لوحة التعليقات',
  mainNav: 'الرئيسية',
  more: 'المزيد',
  readerToolbar: 'أدوات القارئ',
  close: 'إغلاق',
  editAnnotation: 'التعليق',
  annotator: 'المُرمِّز',
  details: 'التفاصيل',
  actions: 'إجراءات',
  source: 'المصدر',
  published: 'تاريخ النشر',
  deleteDocument: 'حذف الوثيقة…',
  deleteDocumentConfirm: 'تُحذف تعليقاتها معها (يبقى الملف في مجلد المهملات في المشروع).',
};

/** The app's shared words (views of their own keep theirs in their strings.ts). */
export const useAppStrings = defineStrings({ en, ar });

/** The app's shared words as a view reads them (`useAppStrings()`). */
export type AppStrings = Strings<typeof en>;

/** The interface language; every table of words is read through it (defineStrings). */
export const I18nContext = createContext<{ lang: Lang }>({ lang: 'en' });

export function useI18n(): { lang: Lang } {
  return useContext(I18nContext);
}

/** A code's label in the interface language (falls back to the other). */
export function codeLabel(code: { name: string; nameAr: string }, lang: Lang): string {
  return lang === 'ar' ? code.nameAr || code.name : code.name || code.nameAr;
}

/** A count's words in each plural category of a language (Arabic has zero, one, two, few, many, other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = { en: new Intl.PluralRules('en'), ar: new Intl.PluralRules('ar') };
// made once: Number.prototype.toLocaleString('en') builds a new formatter at every call in Chromium
// (2 ms for the claims view's count, in the click that changes its filter)
const numberFormats = { en: new Intl.NumberFormat('en'), ar: new Intl.NumberFormat('ar') };

/** `n` in the language's digits and grouping ("100,000", "١٠٠٬٠٠٠"), as n.toLocaleString(lang) writes it. */
export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

/**
 * The words for `n` things in `lang` by its plural category (Intl.PluralRules): English
 * one/other, Arabic zero/one/two/few/many/other; a category left out takes `other`. `#` in the
 * form is the count, written as `shown` (default: the count in the language's digits).
 * plural('en', 1, { one: '# claim', other: '# claims' }) is "1 claim".
 */
export function plural(lang: Lang, n: number, forms: PluralForms, shown?: string): string {
  const form = forms[pluralRules[lang].select(n)] ?? forms.other;
  return form.replace('#', shown ?? formatNumber(lang, n));
}

/** The things the interface counts most, in both languages' plural forms (plural()). */
export const COUNTED = {
  claims: {
    en: { one: '# claim', other: '# claims' },
    ar: { one: 'ادعاء واحد', two: 'ادعاءان', few: '# ادعاءات', many: '# ادعاءً', other: '# ادعاء' },
  },
  annotations: {
    en: { one: '# annotation', other: '# annotations' },
    ar: { one: 'تعليق واحد', two: 'تعليقان', few: '# تعليقات', many: '# تعليقًا', other: '# تعليق' },
  },
  documents: {
    en: { one: '# document', other: '# documents' },
    ar: { one: 'وثيقة واحدة', two: 'وثيقتان', few: '# وثائق', many: '# وثيقةً', other: '# وثيقة' },
  },
  codes: {
    en: { one: '# code', other: '# codes' },
    ar: { one: 'رمز واحد', two: 'رمزان', few: '# رموز', many: '# رمزًا', other: '# رمز' },
  },
  units: {
    en: { one: '# unit', other: '# units' },
    ar: { one: 'وحدة واحدة', two: 'وحدتان', few: '# وحدات', many: '# وحدةً', other: '# وحدة' },
  },
} as const satisfies Record<string, Record<Lang, PluralForms>>;

/** `n` of the things `what` counts, in `lang` (the count written as `shown`, default the language's digits). */
export function counted(lang: Lang, n: number, what: keyof typeof COUNTED, shown?: string): string {
  return plural(lang, n, COUNTED[what][lang], shown);
}

/**
 * The forms for a count after a preposition or a noun it completes (في, على, من, وسم …): the Arabic
 * dual takes its genitive -ayn, "في تعليقين" (the other forms read the same in every case).
 */
export function genitive(forms: PluralForms): PluralForms {
  return forms.two === undefined ? forms : { ...forms, two: forms.two.replace(/ان(?=\s|$)/gu, 'ين') };
}

/** counted() after a preposition or a noun it completes ("مستخدم في تعليقين"; English is the same). */
export function countedAfter(lang: Lang, n: number, what: keyof typeof COUNTED, shown?: string): string {
  return plural(lang, n, genitive(COUNTED[what][lang]), shown);
}
