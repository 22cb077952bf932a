import { bankHolidays } from './bank-holidays';

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday. Days are UK days, 'YYYY-MM-DD'
 * (`ukDate` gives the one an instant falls on). A service's response rule counts in these.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number {
  const match = ISO_DAY.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day)
    throw new RangeError(`Not a day as YYYY-MM-DD: ${day}`);
  return time / DAY_MS;
}

function isoOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

const holidaysByYear = new Map<number, ReadonlySet<string>>();

function isBankHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(bankHolidays(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays.has(day);
}

function isWorkingDayNumber(number: number): boolean {
  const weekday = new Date(number * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(isoOf(number));
}

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(day: string): boolean {
  return isWorkingDayNumber(dayNumber(day));
}

/** The day n working days after `day` (n = 0: `day` itself, whatever it is). */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number from 0: ${n}`);
  let number = dayNumber(day);
  for (let left = n; left > 0; ) {
    number += 1;
    if (isWorkingDayNumber(number)) left -= 1;
  }
  return isoOf(number);
}

/** The working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const end = dayNumber(to);
  let count = 0;
  for (let number = dayNumber(from) + 1; number <= end; number += 1) if (isWorkingDayNumber(number)) count += 1;
  return count;
}
