/** The search feature's words in English and Arabic (kept here so the feature is self-contained). */
import { useI18n, type Lang } from '../../i18n';

const en = {
  find: 'Find in document',
  findPlaceholder: 'Find…',
  searchAll: 'Search all documents',
  searchAllPlaceholder: 'Search all documents…',
  next: 'Next hit',
  previous: 'Previous hit',
  close: 'Close',
  options: 'Options',
  noHits: 'No hits',
  of: 'of',
  hits: 'hits',
  hitsIn: 'hits in',
  document: 'document',
  documents: 'documents',
  truncated: 'Only the first hits are shown; make the search more specific to see the rest.',
  ignoreDiacritics: 'Ignore diacritics (اضطُرت = اضطرت)',
  ignoreTatweel: 'Ignore tatweel (المقبلــة = المقبلة)',
  foldAlef: 'أ إ آ ٱ = ا',
  foldYaa: 'ى = ي',
  foldTaaMarbuta: 'ة = ه',
  foldHamza: 'ؤ = و, ئ = ي',
  foldDigits: '٢٠١٩ = 2019',
  matchCase: 'Match case',
  wholeWord: 'Whole words only',
  tagThis: 'Tag this hit',
  tagAll: 'Tag all hits',
  withCode: 'with code',
  chooseCode: 'Choose a code…',
  tagged: 'Tagged',
  alreadyTagged: 'Every hit already carries that code.',
  paragraph: '¶',
  searching: 'Searching…',
  nothingToFind: 'The search holds only marks that are ignored; switch off “Ignore diacritics” to find them.',
} as const;

type Key = keyof typeof en;

const ar: Record<Key, string> = {
  find: 'البحث في الوثيقة',
  findPlaceholder: 'ابحث…',
  searchAll: 'البحث في كل الوثائق',
  searchAllPlaceholder: 'ابحث في كل الوثائق…',
  next: 'النتيجة التالية',
  previous: 'النتيجة السابقة',
  close: 'إغلاق',
  options: 'خيارات',
  noHits: 'لا نتائج',
  of: 'من',
  hits: 'نتيجة',
  hitsIn: 'نتيجة في',
  document: 'وثيقة',
  documents: 'وثائق',
  truncated: 'تُعرض النتائج الأولى فقط؛ حدّد البحث أكثر لرؤية الباقي.',
  ignoreDiacritics: 'تجاهل الحركات (اضطُرت = اضطرت)',
  ignoreTatweel: 'تجاهل التطويل (المقبلــة = المقبلة)',
  foldAlef: 'أ إ آ ٱ = ا',
  foldYaa: 'ى = ي',
  foldTaaMarbuta: 'ة = ه',
  foldHamza: 'ؤ = و، ئ = ي',
  foldDigits: '٢٠١٩ = 2019',
  matchCase: 'مطابقة حالة الأحرف',
  wholeWord: 'كلمات كاملة فقط',
  tagThis: 'وسم هذه النتيجة',
  tagAll: 'وسم كل النتائج',
  withCode: 'بالرمز',
  chooseCode: 'اختر رمزًا…',
  tagged: 'تم الوسم',
  alreadyTagged: 'كل النتائج تحمل هذا الرمز بالفعل.',
  paragraph: '¶',
  searching: 'جارٍ البحث…',
  nothingToFind: 'البحث لا يحوي إلا علامات مُتجاهَلة؛ أوقف «تجاهل الحركات» للعثور عليها.',
};

const dictionaries: Record<Lang, Record<Key, string>> = { en, ar };

export function useSearchStrings(): (key: Key) => string {
  const { lang } = useI18n();
  const dict = dictionaries[lang];
  return (key) => dict[key];
}
