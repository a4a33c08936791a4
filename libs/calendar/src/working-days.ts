import { addDays } from './dates';

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekday = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/** The first date on or after `from` that falls on `day` (0 = Sunday). */
function onOrAfter(from: string, day: number): string {
  return addDays(from, (day - weekday(from) + 7) % 7);
}

const cache = new Map<number, Set<string>>();

/**
 * Days off in Sweden on weekdays: the public holidays (lag 1989:253) plus the eves that are
 * de facto days off (midsommarafton, julafton, nyårsafton). Weekends are handled separately.
 */
export function swedishHolidays(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days = new Set([
    `${year}-01-01`, // nyårsdagen
    `${year}-01-06`, // trettondedag jul
    addDays(easter, -2), // långfredagen
    addDays(easter, 1), // annandag påsk
    `${year}-05-01`, // första maj
    addDays(easter, 39), // Kristi himmelsfärds dag
    `${year}-06-06`, // nationaldagen
    addDays(onOrAfter(`${year}-06-20`, 6), -1), // midsommarafton: the Friday before midsommardagen
    onOrAfter(`${year}-10-31`, 6), // alla helgons dag (a Saturday)
    `${year}-12-24`, // julafton
    `${year}-12-25`, // juldagen
    `${year}-12-26`, // annandag jul
    `${year}-12-31`, // nyårsafton
  ]);
  cache.set(year, days);
  return days;
}

export function isWorkingDay(isoDate: string): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !swedishHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The date `count` working days after `from` (from itself not counted). */
export function addWorkingDays(from: string, count: number): string {
  let date = from;
  for (let left = count; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
  return count;
}

/**
 * The latest date `d` with `workingDaysBetween(d, to) >= count`, plus one day: so
 * `workingDaysBetween(d, to) >= count` exactly when `d < workingDaysCutoff(to, count)`. Lets SQL
 * compare a date column with one parameter ("waiting 2 working days", "overdue by 2 working days").
 */
export function workingDaysCutoff(to: string, count: number): string {
  let date = addDays(to, 1);
  for (let left = count; left > 0;) {
    date = addDays(date, -1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
