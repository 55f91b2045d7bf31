/**
 * A minimal date reader for the header lines of database exports (Nexis, Factiva), used only by
 * the splitters until the shared date parser (src/shared/text/dates.ts `parseDate`) lands; swap
 * `parseExportDate` for it then. Reads "May 15, 2019 Wednesday", "15 May 2019", "Wednesday,
 * May 15, 2019", the same with Arabic month names ("15 مايو 2019", "١٥ أيار ٢٠١٩") and ISO
 * "2019-05-15". Returns YYYY-MM-DD, or null when the line is not (only) a date.
 */

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(jan(uary)?|يناير|كانون الثاني|جانفي)$/, 1],
  [/^(feb(ruary)?|فبراير|شباط|فيفري)$/, 2],
  [/^(mar(ch)?|مارس|آذار|اذار)$/, 3],
  [/^(apr(il)?|أبريل|ابريل|إبريل|نيسان|أفريل)$/, 4],
  [/^(may|مايو|أيار|ايار|ماي)$/, 5],
  [/^(june?|يونيو|يونيه|حزيران|جوان)$/, 6],
  [/^(july?|يوليو|يوليه|تموز|جويلية)$/, 7],
  [/^(aug(ust)?|أغسطس|اغسطس|آب|اب|أوت)$/, 8],
  [/^(sep(t|tember)?|سبتمبر|أيلول|ايلول)$/, 9],
  [/^(oct(ober)?|أكتوبر|اكتوبر|تشرين الأول)$/, 10],
  [/^(nov(ember)?|نوفمبر|تشرين الثاني)$/, 11],
  [/^(dec(ember)?|ديسمبر|كانون الأول)$/, 12],
];

const WEEKDAYS =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)/giu;

function month(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [pattern, n] of MONTHS) if (pattern.test(w)) return n;
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_WORD = '([A-Za-z]+\\.?|[\\u0621-\\u064A]+(?: [\\u0621-\\u064A]+)?)';

/** YYYY-MM-DD for a line that is a date (a weekday, a time and an edition note may follow), else null. */
export function parseExportDate(line: string): string | null {
  const s = line
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(WEEKDAYS, ' ')
    .replace(/[،,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '' || s.length > 60) return null;
  // a time, a zone and an edition may follow the date: "10:32 GMT", "Final Edition"
  const tail = '(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[A-Za-z+\\-0-9]{1,6})?)?(?:\\s+[A-Za-z]+ Edition)?$';
  let m = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ][\\d:.]+Z?)?$`).exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})\\s+(\\d{4})${tail}`, 'u').exec(s);
  if (m) {
    const mo = month(m[1] as string);
    return mo ? iso(Number(m[3]), mo, Number(m[2])) : null;
  }
  m = new RegExp(`^(\\d{1,2})\\s+${MONTH_WORD}(?:\\s*/\\s*${MONTH_WORD})?\\s+(\\d{4})${tail}`, 'u').exec(s);
  if (m) {
    const mo = month(m[2] as string) ?? (m[3] ? month(m[3]) : null);
    return mo ? iso(Number(m[4]), mo, Number(m[1])) : null;
  }
  return null;
}
