import { ukDate } from './uk-date';

const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' });

/** "09:14" on the UK day of `now`; "09:14 on 1 Dec" on another day. UK time wherever the browser's zone is set. */
export function ukTime(instant: number, now: number): string {
  const time = UK_TIME.format(instant);
  return ukDate(instant) === ukDate(now) ? time : `${time} on ${UK_DAY.format(instant)}`;
}
