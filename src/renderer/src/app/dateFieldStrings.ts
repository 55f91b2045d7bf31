/** The words of the date fields (DateField), in English and Arabic (the interface language decides). */
import { defineStrings } from '../i18n';

// dates isolated left-to-right (U+2066 … U+2069), so the bidi algorithm keeps their parts in order
const iso = (date: string) => `\u2066${date}\u2069`;

const en = {
  placeholder: 'YYYY-MM-DD',
  notDate: 'Not a date. Write it year first, like 2019-05-22; nothing was changed.',
  beforeMin: (min: string) => `It comes before the start, ${iso(min)}; nothing was changed.`,
  afterMax: (max: string) => `It comes after the end, ${iso(max)}; nothing was changed.`,
};

const ar = {
  placeholder: 'سنة-شهر-يوم',
  notDate: 'ليس تاريخًا. اكتبه بالسنة أولًا، مثل 2019-05-22؛ لم يتغيّر شيء.',
  beforeMin: (min: string) => `يسبق البداية ${iso(min)}؛ لم يتغيّر شيء.`,
  afterMax: (max: string) => `يلي النهاية ${iso(max)}؛ لم يتغيّر شيء.`,
};

export const useDateFieldStrings = defineStrings({ en, ar });
