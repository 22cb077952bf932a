import { describe, expect, it } from 'vitest';
import { ageOn, dateOfBirthProblem, dateOfBirthSchema, parseDateOfBirth } from '../../domain/referral';

describe('date of birth as practice systems print it', () => {
  it.each([
    ['12-Mar-1950', '1950-03-12'],
    ['12-MAR-1950', '1950-03-12'],
    ['2-Mar-1950', '1950-03-02'],
    ['12/03/1950', '1950-03-12'],
    ['1/3/1950', '1950-03-01'],
    ['12.03.1950', '1950-03-12'],
    ['12 March 1950', '1950-03-12'],
    ['12 Mar 1950', '1950-03-12'],
    ['3 Sept 1961', '1961-09-03'],
    ['21st June 1980', '1980-06-21'],
    ['1950-03-12', '1950-03-12'],
    ['1950-3-2', '1950-03-02'],
    ['12-03-1950', '1950-03-12'],
    ['03-JUL-1948', '1948-07-03'],
    ['3/7/1948', '1948-07-03'],
    ['3/jul/1948', '1948-07-03'],
    ['  12  March  1950 ', '1950-03-12'],
    // With the age some banners print beside it.
    ['03-Jul-1948 (77y)', '1948-07-03'],
    ['3 July 1948 (77 years)', '1948-07-03'],
    ['03/07/1948, 77 yrs', '1948-07-03'],
    ['1948-07-03 Age 77', '1948-07-03'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDateOfBirth(text)).toBe(iso);
  });

  it.each([
    '31/02/1950',
    '12-Foo-1950',
    '12 Marchy 1950',
    '1950-13-01',
    '03/12/50',
    '12-Mar-50??',
    '12-03/1950',
    'yesterday',
    '',
  ])('refuses %j', (text) => {
    expect(parseDateOfBirth(text)).toBeUndefined();
  });

  it('reads slashed dates in UK order, day first', () => {
    expect(parseDateOfBirth('04/05/1990')).toBe('1990-05-04');
  });

  it('explains a date it cannot read', () => {
    const result = dateOfBirthSchema.safeParse('31/02/1950');
    expect(result.error?.issues[0]?.message).toMatch(/“31\/02\/1950” is not a date in a form we read/);
  });

  it('counts age in whole years, the day before and on the birthday', () => {
    expect(ageOn('1954-11-22', '2026-11-21')).toBe(71);
    expect(ageOn('1954-11-22', '2026-11-22')).toBe(72);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('what is wrong with a date of birth, on 2 December 2026', () => {
  const today = '2026-12-02';
  it.each([
    ['3/7/1948', undefined],
    ['1948-07-03', undefined],
    ['3/Jul/1948', undefined],
    ['2/12/2026', undefined],
    ['2/12/1896', undefined],
    ['//', { message: 'Enter the date of birth', parts: ['day', 'month', 'year'] }],
    ['3//1948', { message: 'Date of birth must include a month', parts: ['month'] }],
    ['3/7/48', { message: 'Year must include 4 numbers', parts: ['year'] }],
    ['31/6/1948', { message: 'Date of birth must be a real date', parts: ['day'] }],
    ['3/13/1948', { message: 'Date of birth must be a real date', parts: ['month'] }],
    ['3/7/2027', { message: 'Date of birth must be today or in the past', parts: ['day', 'month', 'year'] }],
    ['3/12/2026', { message: 'Date of birth must be today or in the past', parts: ['day', 'month', 'year'] }],
    ['1/12/1895', { message: 'Date of birth makes the patient 131: check the year', parts: ['year'] }],
    ['last Tuesday', { message: '“last Tuesday” is not a date: enter the day, month and year', parts: ['day'] }],
  ])('%j: %j', (text, expected) => {
    expect(dateOfBirthProblem(text, today)).toEqual(
      expected === undefined ? undefined : expect.objectContaining(expected),
    );
  });
});
