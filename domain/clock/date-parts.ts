import { MONTHS } from './nhs-date';

/** A date as the NHS date input's three boxes hold it, each as typed. */
export type DateParts = { day: string; month: string; year: string };
export type DatePart = keyof DateParts;

const EMPTY: DateParts = { day: '', month: '', year: '' };
const ORDER: readonly DatePart[] = ['day', 'month', 'year'];

/** "YYYY-MM-DD" when year, month and day make a real calendar date (no 31 June, 29 February only in a leap year). */
export function realDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A month's number (1-12) from its name: "Mar", "March", "MARCH" and "Sept" are months; "Marchy" is not. */
export function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase();
  const index = MONTHS.findIndex((month) => {
    const full = month.toLowerCase();
    return full === word || full.slice(0, 3) === word || (word === 'sept' && full === 'september');
  });
  return index < 0 ? undefined : index + 1;
}

/**
 * The text a draft or form keeps for the three boxes, so nothing typed is lost before it is a date: "3/7/1948", day
 * first (the UK order every reader here takes it in); '' when all three are empty. A slash typed in a box is dropped.
 */
export function partsText(parts: DateParts): string {
  const clean = ORDER.map((part) => parts[part].replace(/[/\s]/g, ''));
  return clean.every((part) => part === '') ? '' : clean.join('/');
}

/** The three boxes for a kept text: what partsText wrote, or a date as YYYY-MM-DD; empty boxes for anything else. */
export function partsOf(text: string): DateParts {
  const typed = /^([^/]*)\/([^/]*)\/([^/]*)$/.exec(text);
  if (typed) return { day: typed[1] ?? '', month: typed[2] ?? '', year: typed[3] ?? '' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] ?? '' };
  return EMPTY;
}

/** A date read from its three boxes, or the one thing wrong with it and the boxes it is in (the first is focused). */
export type DateReading = { ok: true; iso: string } | { ok: false; message: string; parts: DatePart[] };

const problem = (message: string, parts: DatePart[]): DateReading => ({ ok: false, message, parts });

/**
 * Reads the three boxes with the NHS design system's messages, `what` naming the date ("Date of birth"): "Enter …",
 * "… must include a month", "Year must include 4 numbers", "… must be a real date". The month may be a number or a
 * name ("7", "Jul", "July").
 */
export function readDateParts(parts: DateParts, what: string): DateReading {
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = ORDER.filter((part) => text[part] === '');
  if (missing.length === 3) return problem(`Enter the ${what.toLowerCase()}`, [...ORDER]);
  if (missing.length > 0) return problem(`${what} must include a ${missing.join(' and ')}`, missing);
  const month = /^\d{1,2}$/.test(text.month) ? Number(text.month) : monthNumber(text.month.replace(/\.$/, ''));
  const wrong = ORDER.filter((part) =>
    part === 'month'
      ? month === undefined || month < 1 || month > 12
      : !/^\d+$/.test(text[part]) || (part === 'day' && text.day.length > 2),
  );
  if (wrong.length > 0) return problem(`${what} must be a real date`, wrong);
  if (!/^\d{4}$/.test(text.year)) return problem('Year must include 4 numbers', ['year']);
  const iso = realDay(Number(text.year), month as number, Number(text.day));
  return iso ? { ok: true, iso } : problem(`${what} must be a real date`, ['day']);
}
