/** The words of the document picker (DocumentPicker), in English and Arabic. */
import { counted, defineStrings } from '../i18n';

const en = {
  find: 'Find by title or source',
  chosen: (n: number) => `${counted('en', n, 'documents')} chosen`,
  clear: 'Clear',
  noMatch: 'No document has that in its title or source.',
  empty: 'The project has no documents yet.',
};

const ar = {
  find: 'ابحث بالعنوان أو المصدر',
  chosen: (n: number) => `المختار: ${counted('ar', n, 'documents')}`,
  clear: 'امسح الاختيار',
  noMatch: 'لا وثيقة في عنوانها أو مصدرها هذا.',
  empty: 'لا وثائق في المشروع بعد.',
};

export const useDocumentPickerStrings = defineStrings({ en, ar });
