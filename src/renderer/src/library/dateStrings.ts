/** The words of the Details dialog's date field, in English and Arabic (the interface language decides). */
import { defineStrings } from '../i18n';

const en = {
  dateReadAs: 'Saved as',
  dateUnreadable:
    'Not a date Hashiya can read. Write it as 2019-05-22, 22/05/2019 (day first) or 22 May 2019 (22 مايو 2019).',
  dateRefused:
    'The date was not saved: Hashiya cannot read it as a date. Write it as 2019-05-22, 22/05/2019 (day first) or 22 May 2019 (22 مايو 2019), or leave it empty.',
  dateKeptAsWritten:
    'Kept as it was written in an older project, because it could not be read as a date. Correct it and save.',
  dateHint: 'Any form: 2019-05-22, 22/05/2019 (day first), 22 مايو 2019, ٢٢ أيار ٢٠١٩',
};

const ar = {
  dateReadAs: 'سيُحفظ بتاريخ',
  dateUnreadable: 'تاريخ لا تستطيع حاشية قراءته. اكتبه هكذا: 2019-05-22 أو 22/05/2019 (اليوم أولًا) أو 22 مايو 2019.',
  dateRefused:
    'لم يُحفظ التاريخ: لا تستطيع حاشية قراءته تاريخًا. اكتبه هكذا: 2019-05-22 أو 22/05/2019 (اليوم أولًا) أو 22 مايو 2019، أو اتركه فارغًا.',
  dateKeptAsWritten: 'بقي كما كُتب في مشروع أقدم لأنه لم يُقرأ تاريخًا. صحّحه ثم احفظ.',
  dateHint: 'بأي صيغة: 2019-05-22 أو 22/05/2019 (اليوم أولًا) أو 22 مايو 2019 أو ٢٢ أيار ٢٠١٩',
};

export const useDateStrings = defineStrings({ en, ar });

/** An ISO date as people read it in the interface language: 22 May 2019, ٢٢ مايو ٢٠١٩. */
export function longDate(iso: string, lang: 'en' | 'ar'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const format = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
