/**
 * One parser for every date Hashiya reads: a page's metadata, a date written in a page's text,
 * and what a researcher types in Details. Answers the calendar date as written, `YYYY-MM-DD`, or
 * null when the text holds no real date.
 *
 * - The date is the one the text gives, in its own time zone: `2019-05-15T01:30:00+03:00` and
 *   `Wed, 15 May 2019 01:30:00 +0300` are 2019-05-15, never converted to UTC (which would be the
 *   14th).
 * - Year first: `2019-05-15`, `2019/05/15`, `2019.5.15`, `20190515`.
 * - Numbers only, year last: always **day first** (`12/05/2019` is 12 May 2019), as Arabic and
 *   European newspapers write it; the month-first American order is not read.
 * - Month names in English (`May 15, 2019`, `15 May 2019`, `Sept`) and in Arabic, every usage:
 *   Egyptian and Gulf (يناير … ديسمبر, يونيه, يوليه), Levantine and Iraqi (كانون الثاني … كانون الأول),
 *   Maghrebi (جانفي, فيفري, أفريل, ماي, جوان, جويلية, أوت); both names together (`22 أيار/مايو 2019`,
 *   `أيار (مايو)`) must agree. Weekdays, times and words around the date are ignored.
 * - Arabic-Indic (٠–٩) and Persian (۰–۹) digits, alef and hamza forms, ة/ه, ى/ي, tatweel,
 *   harakat and direction marks are read like their plain forms.
 * - A year outside 1800–2200, a two-digit year, a month without a day and an impossible day
 *   (`2019-02-30`, `2019-13-45`) are not dates. A Hijri date (its months are not listed) is
 *   skipped, so `17 رمضان 1440 الموافق 22 مايو 2019` reads the Gregorian one.
 */

const MONTH_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'ينير']],
  [2, ['february', 'feb', 'فبراير', 'شباط', 'فيفري', 'فبراير']],
  [3, ['march', 'mar', 'مارس', 'اذار']],
  [4, ['april', 'apr', 'ابريل', 'نيسان', 'افريل', 'ابريل']],
  [5, ['may', 'مايو', 'ايار', 'ماي']],
  [6, ['june', 'jun', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'يونيو']],
  [7, ['july', 'jul', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز']],
  [8, ['august', 'aug', 'اغسطس', 'اب', 'اوت', 'غشت']],
  [9, ['september', 'sept', 'sep', 'سبتمبر', 'ايلول', 'شتنبر']],
  [10, ['october', 'oct', 'اكتوبر', 'تشرين الاول', 'تشرين اول']],
  [11, ['november', 'nov', 'نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر']],
  [12, ['december', 'dec', 'ديسمبر', 'كانون الاول', 'كانون اول', 'دجنبر']],
];

/** Digits, letters and marks folded so that the patterns above see one spelling. */
function fold(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
      // harakat, tatweel, direction marks and zero-width characters
      .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064A')
      .replace(/\u0629/g, '\u0647')
      .replace(/\s+/g, ' ')
      .toLowerCase()
  );
}
/** Month names as `fold` leaves them (جويلية → جويليه). */
const MONTHS = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS.set(fold(name), month);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest names first, so كانون الثاني is not read as كانون plus a stray word. */
const MONTH = `(${[...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => escape(n).replace(/ /g, '\\s+'))
  .join('|')})`;
/** No letter right before or after a name: "mar" is not read inside "market", اب not inside كتاب. */
const NAME = (group: string) => `(?<!\\p{L})${group}(?!\\p{L})`;
/** A second name of the same month after the first: أيار/مايو, أيار (مايو), أيار - مايو. */
const SECOND = `(?:\\s*[/\\-–(]\\s*${NAME(MONTH)}\\s*\\)?)?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})(?!\\d)';

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray) => { y: string; m: string | number | null; d: string } | null;
}

const monthOf = (first: string | undefined, second: string | undefined): number | null => {
  const a = MONTHS.get((first ?? '').replace(/\s+/g, ' '));
  if (a === undefined) return null;
  if (second === undefined) return a;
  return MONTHS.get(second.replace(/\s+/g, ' ')) === a ? a : null;
};

const PATTERNS: Pattern[] = [
  // 2019-05-15, 2019/05/15, 2019.5.15 (a time and zone after it are ignored)
  {
    re: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/u,
    read: (m) => ({ y: m[1] ?? '', m: m[3] ?? '', d: m[4] ?? '' }),
  },
  // 20190515, alone or before a time
  { re: /^(\d{4})(\d{2})(\d{2})(?:$|T)/iu, read: (m) => ({ y: m[1] ?? '', m: m[2] ?? '', d: m[3] ?? '' }) },
  // 15 May 2019, ١٥ مايو ٢٠١٩, 22 أيار/مايو 2019, 15 من شهر مايو عام 2019
  {
    re: new RegExp(
      `(?<!\\d)${DAY}\\s*(?:من\\s+)?(?:شهر\\s+)?${NAME(MONTH)}${SECOND}\\s*[,.،]?\\s*(?:سنة\\s+|عام\\s+)?${YEAR}`,
      'iu',
    ),
    read: (m) => ({ y: m[4] ?? '', m: monthOf(m[2], m[3]), d: m[1] ?? '' }),
  },
  // May 15, 2019
  {
    re: new RegExp(`${NAME(MONTH)}${SECOND}\\s+${DAY}\\s*[,،]?\\s*${YEAR}`, 'iu'),
    read: (m) => ({ y: m[4] ?? '', m: monthOf(m[1], m[2]), d: m[3] ?? '' }),
  },
  // 12/05/2019, 12-05-2019, 12.05.2019: day first
  {
    re: /(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/u,
    read: (m) => ({ y: m[4] ?? '', m: m[3] ?? '', d: m[1] ?? '' }),
  },
];

/** A real day of the Gregorian calendar in the years a news archive holds, as YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a value is exactly an ISO calendar date (YYYY-MM-DD) of a real day. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** The first date written in `text` (see the rules above) as YYYY-MM-DD, or null. */
export function parseDate(text: string | null | undefined): string | null {
  const s = fold((text ?? '').slice(0, 2000)).trim();
  if (!s) return null;
  let best: { index: number; date: string } | null = null;
  for (const pattern of PATTERNS) {
    const re = new RegExp(
      pattern.re.source,
      pattern.re.flags.includes('g') ? pattern.re.flags : `${pattern.re.flags}g`,
    );
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (best && m.index >= best.index) break;
      const parts = pattern.read(m);
      const date = parts && parts.m !== null ? isoDate(Number(parts.y), Number(parts.m), Number(parts.d)) : null;
      if (date) {
        best = { index: m.index, date };
        break;
      }
    }
  }
  return best?.date ?? null;
}
