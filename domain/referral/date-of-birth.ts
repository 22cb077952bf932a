import { z } from 'zod';
import { type DatePart, monthNumber, partsOf, readDateParts, realDay } from '../clock/date-parts';

const AGE_AFTER_DATE = /^(.*\d)(?:,? \(?|\()(?:age:? ?)?\d{1,3} ?(?:y|yrs?|years?)?(?: old)?\)?$/i;

/**
 * Reads a date as practice systems print it — "12-Mar-1950", "12/03/1950" or "12-03-1950" (UK order, day first),
 * "12 March 1950", "1950-03-12" — and as the date input keeps it ("12/3/1950", "12/Mar/1950"), and gives it as ISO 8601
 * (YYYY-MM-DD), or undefined when it is not a real date in one of those forms. Two-digit years are never guessed.
 */
export function parseDateOfBirth(input: string): string | undefined {
  // Banners often print the age after the date: "03-Jul-1948 (77y)", "3 July 1948, 77 yrs", "1948-07-03 Age 77".
  const spaced = input.trim().replace(/\s+/g, ' ');
  const text = AGE_AFTER_DATE.exec(spaced)?.[1] ?? spaced;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return realDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (match) return realDay(Number(match[4]), Number(match[3]), Number(match[1]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?[-/ ]([A-Za-z]{3,9})\.?,?[-/ ](\d{4})$/.exec(text);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    return month ? realDay(Number(match[3]), month, Number(match[1])) : undefined;
  }
  return undefined;
}

/** Whole years between a date of birth and a day, both ISO dates. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The oldest a patient can plausibly be; older is a mistyped year. */
const MAX_AGE = 130;

/**
 * What is wrong with a date of birth as the pad holds it (the date input's boxes, or a date read from the record) on
 * `today`, and which boxes it is in; undefined for a real date of birth: not in the future, and an age of 0 to 130.
 */
export function dateOfBirthProblem(text: string, today: string): { message: string; parts: DatePart[] } | undefined {
  const iso = parseDateOfBirth(text);
  if (!iso) {
    if (!/^[^/]*\/[^/]*\/[^/]*$/.test(text))
      return { message: `“${text}” is not a date: enter the day, month and year`, parts: ['day'] };
    const reading = readDateParts(partsOf(text), 'Date of birth');
    // The boxes read as a date that parseDateOfBirth refuses (a 3-digit day): still not one to send.
    return reading.ok ? { message: 'Date of birth must be a real date', parts: ['day'] } : reading;
  }
  if (iso > today) return { message: 'Date of birth must be today or in the past', parts: ['day', 'month', 'year'] };
  const age = ageOn(iso, today);
  if (age > MAX_AGE) return { message: `Date of birth makes the patient ${age}: check the year`, parts: ['year'] };
  return undefined;
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
