/**
 * A calendar day written the NHS way where space is tight: "3 Jul 1948". Never the browser's locale (07/03/1948 reads as
 * 7 March in the UK), and not Intl either: its short months differ between ICU versions ("Sep" or "Sept").
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Jul 1948" from "1948-07-03"; undefined when the text is not a real day as YYYY-MM-DD. */
export function shortDay(isoDay: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
