import { ukDate } from './uk-date';

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date the NHS way, never in the browser's locale: "3 July 1948", or "3 Jul 1948" where space is tight. Written out
 * by hand rather than by Intl, whose default locale is the browser's (an en-US browser reads 07/03/1948 as 7 March).
 */
export function nhsDate(isoDay: string, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1] ?? '';
  return `${day} ${style === 'long' ? name : name.slice(0, 3)} ${year}`;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "09:15": the UK time (GMT or BST) of an instant, on the 24-hour clock, wherever the code runs. */
export function ukTime(instant: Date | number | string): string {
  return UK_TIME.format(new Date(instant));
}

/** "22 Nov 2026" (or "22 November 2026"): the UK calendar day an instant falls on, the NHS way. */
export function nhsDayOf(instant: Date | number | string, style: 'long' | 'short' = 'short'): string {
  return nhsDate(ukDate(new Date(instant)), style);
}

/** "22 Nov 2026, 09:15" in UK time: when something happened, as a referrer or link worker reads it. */
export function nhsDateTime(instant: Date | number | string, style: 'long' | 'short' = 'short'): string {
  return `${nhsDayOf(instant, style)}, ${ukTime(instant)}`;
}
