/** The search feature's words in English and Arabic (kept here so the feature is self-contained). */
import { countedAfter, defineStrings, genitive, plural, type Lang } from '../../i18n';

const HITS = {
  en: { one: '# hit', other: '# hits' },
  ar: { one: 'نتيجة واحدة', two: 'نتيجتان', few: '# نتائج', many: '# نتيجةً', other: '# نتيجة' },
} as const;

/**
 * "12 hits in 3 documents" (`more`: the list stops short, "500+ hits") in each plural form of
 * `lang`; `completes`: the words follow a noun ("Tag …"), so an Arabic dual is genitive.
 */
function hitsIn(lang: Lang, hits: number, more: boolean, docs: number, completes = false): string {
  const shown = `${hits}${more ? '+' : ''}`;
  const where = countedAfter(lang, docs, 'documents', String(docs));
  const forms = completes ? genitive(HITS[lang]) : HITS[lang];
  return `${plural(lang, hits, forms, shown)} ${lang === 'ar' ? 'في' : 'in'} ${where}`;
}

const en = {
  find: 'Find in document',
  findPlaceholder: 'Find…',
  searchAll: 'Search all documents',
  searchAllPlaceholder: 'Search all…',
  next: 'Next hit',
  previous: 'Previous hit',
  close: 'Close',
  options: 'Options',
  noHits: 'No hits',
  of: 'of',
  hitsIn: (hits: number, more: boolean, docs: number) => hitsIn('en', hits, more, docs),
  truncated: 'Only the first hits are shown; make the search more specific to see the rest.',
  ignoreDiacritics: 'Ignore diacritics (اضطُرت = اضطرت)',
  ignoreTatweel: 'Ignore tatweel (المقبلــة = المقبلة)',
  foldAlef: 'أ إ آ ٱ = ا',
  foldYaa: 'ى = ي',
  foldTaaMarbuta: 'ة = ه',
  foldHamza: 'ؤ = و, ئ = ي',
  foldHamzaSeat: 'ؤ = ئ = ء (مسؤول = مسئول)',
  foldPersian: 'Persian letters: ک = ك, ی = ي',
  foldDigits: '٢٠١٩ = 2019',
  matchCase: 'Match case',
  matchLegend: 'Match',
  matchWords: 'Words, with و ف ب ك ل ال in front (لوقف finds وقف)',
  matchWholeWords: 'Whole words only',
  matchSubstring: 'Anywhere, inside words too',
  rulesLegend: 'Spellings that count as one',
  tagThis: 'Tag this hit',
  tagAll: 'Tag all hits',
  withCode: 'with code',
  chooseCode: 'Choose a code…',
  tagged: 'Tagged',
  undo: 'Undo',
  cancel: 'Cancel',
  tagAllPerDocument: 'Hits per document:',
  tagAllConfirm: (hits: number, docs: number) => `Tag ${hitsIn('en', hits, false, docs)}`,
  tagAllTruncated: 'Only the hits listed are tagged; make the search more specific to reach the rest.',
  tagAllUndone: 'Undone: the annotations made by Tag all hits were removed.',
  alreadyTagged: 'Every hit already carries that code.',
  paragraph: '¶',
  searching: 'Searching…',
  nothingToFind: 'The search holds only marks that are ignored; switch off “Ignore diacritics” to find them.',
} as const;

const ar = {
  find: 'البحث في الوثيقة',
  findPlaceholder: 'ابحث…',
  searchAll: 'البحث في كل الوثائق',
  searchAllPlaceholder: 'ابحث في الكل…',
  next: 'النتيجة التالية',
  previous: 'النتيجة السابقة',
  close: 'إغلاق',
  options: 'خيارات',
  noHits: 'لا نتائج',
  of: 'من',
  hitsIn: (hits: number, more: boolean, docs: number) => hitsIn('ar', hits, more, docs),
  truncated: 'تُعرض النتائج الأولى فقط؛ حدّد البحث أكثر لرؤية الباقي.',
  ignoreDiacritics: 'تجاهل الحركات (اضطُرت = اضطرت)',
  ignoreTatweel: 'تجاهل التطويل (المقبلــة = المقبلة)',
  foldAlef: 'أ إ آ ٱ = ا',
  foldYaa: 'ى = ي',
  foldTaaMarbuta: 'ة = ه',
  foldHamza: 'ؤ = و، ئ = ي',
  foldHamzaSeat: 'ؤ = ئ = ء (مسؤول = مسئول)',
  foldPersian: 'الحروف الفارسية: ک = ك، ی = ي',
  foldDigits: '٢٠١٩ = 2019',
  matchCase: 'مطابقة حالة الأحرف',
  matchLegend: 'المطابقة',
  matchWords: 'كلمات، مع و ف ب ك ل ال في أولها (لوقف تطابق وقف)',
  matchWholeWords: 'كلمات كاملة فقط',
  matchSubstring: 'في أي موضع، داخل الكلمات أيضًا',
  rulesLegend: 'تهجئات تُعدّ واحدة',
  tagThis: 'وسم هذه النتيجة',
  tagAll: 'وسم كل النتائج',
  withCode: 'بالرمز',
  chooseCode: 'اختر رمزًا…',
  tagged: 'تم الوسم',
  undo: 'تراجع',
  cancel: 'إلغاء',
  tagAllPerDocument: 'النتائج في كل وثيقة:',
  tagAllConfirm: (hits: number, docs: number) => `وسم ${hitsIn('ar', hits, false, docs, true)}`,
  tagAllTruncated: 'تُوسم النتائج المعروضة فقط؛ حدّد البحث أكثر للوصول إلى الباقي.',
  tagAllUndone: 'تم التراجع: أُزيلت التعليقات التي أنشأها وسم كل النتائج.',
  alreadyTagged: 'كل النتائج تحمل هذا الرمز بالفعل.',
  paragraph: '¶',
  searching: 'جارٍ البحث…',
  nothingToFind: 'البحث لا يحوي إلا علامات مُتجاهَلة؛ أوقف «تجاهل الحركات» للعثور عليها.',
};

export const useSearchStrings = defineStrings({ en, ar });
