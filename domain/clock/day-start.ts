import { ukDate } from './uk-date';

const HOUR = 60 * 60_000;

/** The instant UK midnight starts today (Europe/London), wherever the code runs. */
export function startOfToday(now = Date.now()): number {
  const { year, month, day } = ukDay(now);
  return ukMidnight(year, month, day);
}

/** The instant UK midnight starts this week's Monday (Europe/London). */
export function startOfWeek(now = Date.now()): number {
  const { year, month, day } = ukDay(now);
  const daysSinceMonday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return ukMidnight(year, month, day - daysSinceMonday);
}

/**
 * UK midnight of a calendar day: UTC midnight in GMT, an hour before it in BST. The clocks change at 01:00 UTC, so
 * midnight is never the ambiguous or missing hour; 23:00 UTC the day before is midnight exactly when it is already that
 * UK day.
 */
function ukMidnight(year: number, month: number, day: number): number {
  const utcMidnight = Date.UTC(year, month - 1, day);
  return ukDate(utcMidnight - HOUR) === ukDate(utcMidnight) ? utcMidnight - HOUR : utcMidnight;
}

function ukDay(now: number): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = ukDate(now).split('-').map(Number);
  return { year, month, day };
}
