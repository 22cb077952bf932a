import { z } from 'zod';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Mar", "March" and "Sept" are months; "Marchy" is not. */
function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase();
  const index = MONTHS.findIndex(
    (month) => month === word || month.slice(0, 3) === word || (word === 'sept' && month === 'september'),
  );
  return index < 0 ? undefined : index + 1;
}

const AGE_AFTER_DATE = /^(.*\d)(?:,? \(?|\()(?:age:? ?)?\d{1,3} ?(?:y|yrs?|years?)?(?: old)?\)?$/i;

/** A date the NHS way, never in the browser's locale: "3 July 1948", or "3 Jul 1948" where space is tight. */
export function nhsDate(iso: string, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1] ?? '';
  const shown = style === 'long' ? name : name.slice(0, 3);
  return `${day} ${shown.charAt(0).toUpperCase()}${shown.slice(1)} ${year}`;
}

/**
 * Reads a date as practice systems print it — "12-Mar-1950", "12/03/1950" (UK order), "12 March 1950", "1950-03-12" —
 * and gives it as ISO 8601 (YYYY-MM-DD), or undefined when it is not a real date in one of those forms.
 */
export function parseDateOfBirth(input: string): string | undefined {
  // Banners often print the age after the date: "03-Jul-1948 (77y)", "3 July 1948, 77 yrs", "1948-07-03 Age 77".
  const spaced = input.trim().replace(/\s+/g, ' ');
  const text = AGE_AFTER_DATE.exec(spaced)?.[1] ?? spaced;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?[- ]([A-Za-z]{3,9})\.?,?[- ](\d{4})$/.exec(text);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  return undefined;
}

/** Whole years between a date of birth and a day, both ISO dates. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const dateOfBirthSchema = z.string().transform((text, ctx) => {
  const iso = parseDateOfBirth(text);
  if (!iso) {
    ctx.addIssue({
      code: 'custom',
      message: `“${text}” is not a date in a form we read (for example 12-Mar-1950, 12/03/1950, 12 March 1950 or 1950-03-12).`,
    });
    return z.NEVER;
  }
  return iso;
});
