import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsNumberProblem, nhsNumberSchema } from '../../domain/referral';

describe('NHS number (Modulus 11)', () => {
  it.each(['9434765919', '9434765870', '4010232137', '9000000009'])('accepts the valid number %s', (number) => {
    expect(nhsNumberProblem(number)).toBeUndefined();
    expect(nhsNumberSchema.parse(number)).toBe(number);
  });

  it('refuses a wrong check digit and says so', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(nhsNumberProblem('9434765918')).toMatch(/check digit is wrong/);
  });

  it('refuses a number whose check result is 10', () => {
    // 1 2 3 4 5 6 7 8 9: weighted sum 210 → remainder 1 → 11 − 1 = 10, so no check digit can make it valid.
    expect(nhsNumberProblem('1234567890')).toMatch(/not a valid NHS number/);
    expect(nhsNumberProblem('1234567891')).toMatch(/not a valid NHS number/);
  });

  it('takes a check result of 11 as a check digit of 0', () => {
    // 000000000: weighted sum 0, remainder 0, 11 − 0 = 11 → 0.
    expect(nhsNumberProblem('0000000000')).toBeUndefined();
    expect(nhsNumberProblem('0000000001')).toMatch(/check digit is wrong/);
  });

  it.each([
    ['943476591', 9],
    ['94347659190', 11],
    ['', 0],
  ])('refuses %s for its length', (number, length) => {
    expect(nhsNumberProblem(number)).toBe(`An NHS number has 10 digits; this has ${length}.`);
  });

  it('refuses letters', () => {
    expect(nhsNumberProblem('94347A5919')).toMatch(/only digits/);
  });

  it.each(['943 476 5919', '943-476-5919', ' 943 - 476 - 5919 '])(
    'accepts spaces and dashes in %j and stores 10 digits',
    (number) => {
      expect(nhsNumberSchema.parse(number)).toBe('9434765919');
    },
  );

  it('gives a located, readable error through the schema', () => {
    const result = nhsNumberSchema.safeParse('943 476 5918');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/check digit/);
  });

  it('formats for people to read', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
