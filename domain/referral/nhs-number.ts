import { z } from 'zod';

/** The NHS number's Modulus 11 check: weights 10..2 over the first nine digits; 11 − remainder is the check digit (11 → 0, 10 → invalid). */
export function nhsNumberProblem(input: string): string | undefined {
  const digits = normaliseNhsNumber(input);
  if (!/^\d*$/.test(digits)) return 'An NHS number has only digits (spaces and dashes are allowed between them).';
  if (digits.length !== 10) return `An NHS number has 10 digits; this has ${digits.length}.`;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'This is not a valid NHS number (no check digit is possible for it).';
  const expected = check === 11 ? 0 : check;
  if (expected !== Number(digits[9]))
    return 'The NHS number’s check digit is wrong: please check it against the record.';
  return undefined;
}

export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(input: string): boolean {
  return nhsNumberProblem(input) === undefined;
}

/** Shows an NHS number as people read it: 943 476 5919. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Accepts spaces and dashes; stores the 10 digits. */
export const nhsNumberSchema = z
  .string()
  .transform(normaliseNhsNumber)
  .superRefine((digits, ctx) => {
    const problem = nhsNumberProblem(digits);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
