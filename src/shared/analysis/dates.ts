/** Calendar arithmetic on YYYY-MM-DD dates, in UTC (a date is a day, not an instant). */

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  );
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The Monday that starts the ISO week of a date. */
export function isoWeekStart(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays
  return dateOfDay(day - ((((day + 3) % 7) + 7) % 7));
}

/** The ISO week label of a date: 2019-W15 (the year is the ISO week-numbering year). */
export function isoWeekLabel(date: string): string {
  const monday = dayNumber(isoWeekStart(date));
  const thursday = monday + 3;
  const year = Number(dateOfDay(thursday).slice(0, 4));
  const firstThursday = dayNumber(isoWeekStart(`${year}-01-04`)) + 3;
  const week = (thursday - firstThursday) / 7 + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function nextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
