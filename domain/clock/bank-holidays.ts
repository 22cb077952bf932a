/**
 * England and Wales bank holidays. 2024-2030 are data: gov.uk's own list (https://www.gov.uk/bank-holidays) could not
 * be read where this was written, so each day was checked against the standing rules below (the test holds the table
 * to them) and the 2026-2027 substitutes against published copies of that list. The standing rules give any other
 * year, so a year past the table is never all working days (HCL2). A one-off holiday (a coronation, a jubilee) is
 * announced about a year ahead: add it to the table then, and check the table against gov.uk when it can be read.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  // Boxing Day is a Saturday: its substitute is Monday 28 December.
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  // Christmas Day and Boxing Day fall at the weekend: substitutes on Monday 27 and Tuesday 28 December.
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
  // New Year's Day is a Saturday: its substitute is Monday 3 January.
  2028: [
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
  2029: [
    '2029-01-01',
    '2029-03-30',
    '2029-04-02',
    '2029-05-07',
    '2029-05-28',
    '2029-08-27',
    '2029-12-25',
    '2029-12-26',
  ],
  2030: [
    '2030-01-01',
    '2030-04-19',
    '2030-04-22',
    '2030-05-06',
    '2030-05-27',
    '2030-08-26',
    '2030-12-25',
    '2030-12-26',
  ],
};

const DAY_MS = 86_400_000;

function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
function weekday(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCDay();
}

/** Easter Sunday (Gregorian, the anonymous "Meeus/Jones/Butcher" algorithm) as a day number. */
function easterSunday(year: number): number {
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
  return dayOf(year, month, day);
}

/** The first Monday on or after a day. */
function mondayFrom(dayNumber: number): number {
  return dayNumber + ((8 - weekday(dayNumber)) % 7);
}

/** The last Monday on or before a day. */
function mondayUpTo(dayNumber: number): number {
  return dayNumber - ((weekday(dayNumber) + 6) % 7);
}

/** The next weekday on or after a day that is not already taken (a substitute day). */
function substitute(dayNumber: number, taken: number[]): number {
  let day = dayNumber;
  while (weekday(day) === 0 || weekday(day) === 6 || taken.includes(day)) day += 1;
  return day;
}

/**
 * The standing rules (Banking and Financial Dealings Act 1971 and the royal proclamations since): New Year's Day,
 * Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and Boxing
 * Day, a weekend one moved to the next weekday not already a holiday.
 */
export function standingBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const newYear = substitute(dayOf(year, 1, 1), []);
  const christmas = substitute(dayOf(year, 12, 25), []);
  const boxingDay = substitute(dayOf(year, 12, 26), [christmas]);
  return [
    newYear,
    easter - 2,
    easter + 1,
    mondayFrom(dayOf(year, 5, 1)),
    mondayUpTo(dayOf(year, 5, 31)),
    mondayUpTo(dayOf(year, 8, 31)),
    christmas,
    boxingDay,
  ].map(isoOf);
}

/** The year's bank holidays: the checked table where it has the year, the standing rules otherwise. */
export function bankHolidays(year: number): readonly string[] {
  return ENGLAND_AND_WALES_BANK_HOLIDAYS[year] ?? standingBankHolidays(year);
}
