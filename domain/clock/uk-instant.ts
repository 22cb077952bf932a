import { ukTime } from './nhs-date';
import { ukDate } from './uk-date';

const HOUR = 60 * 60_000;
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/**
 * The instant a UK wall-clock time names on a UK day ("2026-07-01", "14:30" → 13:30Z in BST), or undefined for a time
 * that is not one ("25:00", "2pm"). In the hour the clocks go back, the first (BST) reading is taken.
 */
export function ukInstant(day: string, time: string): Date | undefined {
  const match = TIME.exec(time.trim());
  if (!match) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, date, Number(match[1]), Number(match[2]));
  const asBst = asUtc - HOUR;
  const wanted = `${(match[1] as string).padStart(2, '0')}:${match[2]}`;
  return new Date(ukTime(asBst) === wanted && ukDate(asBst) === day ? asBst : asUtc);
}
