import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, standingBankHolidays } from '../../domain/clock/bank-holidays';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../domain/clock/working-days';

const anyDay = fc
  .date({ min: new Date('2023-06-01T00:00:00Z'), max: new Date('2032-06-30T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('England and Wales bank holidays', () => {
  it('has the eight of each year 2024-2030, each on a weekday, and agrees with the standing rules', () => {
    for (let year = 2024; year <= 2030; year += 1) {
      const days = ENGLAND_AND_WALES_BANK_HOLIDAYS[year] ?? [];
      expect(days).toHaveLength(8);
      for (const day of days) expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(standingBankHolidays(year)).toEqual(days);
    }
  });

  it('moves a weekend Christmas and Boxing Day to the next free weekdays', () => {
    expect(standingBankHolidays(2027)).toContain('2027-12-27');
    expect(standingBankHolidays(2027)).toContain('2027-12-28');
    expect(standingBankHolidays(2032)).toEqual(expect.arrayContaining(['2032-12-27', '2032-12-28']));
    expect(standingBankHolidays(2033)).toEqual(expect.arrayContaining(['2033-01-03', '2033-12-26', '2033-12-27']));
  });

  it('knows a year past the table by the standing rules, never as all working days', () => {
    expect(isWorkingDay('2031-04-11')).toBe(false); // Good Friday 2031
    expect(isWorkingDay('2031-04-14')).toBe(false); // Easter Monday 2031
    expect(isWorkingDay('2031-04-15')).toBe(true);
  });
});

describe('working days', () => {
  it('are Monday to Friday except bank holidays', () => {
    expect(isWorkingDay('2026-12-02')).toBe(true); // a Wednesday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-26')).toBe(false); // Saturday, its substitute the Monday
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
  });

  it('count from the day after: five working days from a Wednesday is the next Wednesday', () => {
    expect(addWorkingDays('2026-12-02', 5)).toBe('2026-12-09');
    expect(workingDaysBetween('2026-12-02', '2026-12-09')).toBe(5);
  });

  it('skip Christmas and the New Year: ten working days from Friday 18 December 2026 is 6 January 2027', () => {
    // 21, 22, 23, 24, 29, 30, 31 December; 4, 5, 6 January (25, 28 December and 1 January are bank holidays).
    expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-06');
    expect(workingDaysBetween('2026-12-18', '2027-01-06')).toBe(10);
  });

  it('skip Easter: from Thursday 2 April 2026, one working day is Tuesday 7 April', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('from a weekend start on the Monday', () => {
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
    expect(workingDaysBetween('2026-12-05', '2026-12-07')).toBe(1);
  });

  it('between a day and itself or an earlier day is 0; adding 0 is the day itself', () => {
    expect(workingDaysBetween('2026-12-09', '2026-12-09')).toBe(0);
    expect(workingDaysBetween('2026-12-09', '2026-12-02')).toBe(0);
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
  });

  it('refuse a day that is not YYYY-MM-DD or not a real date, and a negative or fractional count', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2/12/2026')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-02', 1.5)).toThrow(RangeError);
  });

  it('adding n lands on a working day', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: 1, max: 120 }), (day, n) => isWorkingDay(addWorkingDays(day, n))));
  });

  it('counting back from adding n gives n', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 120 }), (day, n) => {
        expect(workingDaysBetween(day, addWorkingDays(day, n))).toBe(n);
      }),
    );
  });

  it('counting is additive over any day in between', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        const [from, middle, to] = [a, b, c].sort();
        expect(workingDaysBetween(from as string, to as string)).toBe(
          workingDaysBetween(from as string, middle as string) + workingDaysBetween(middle as string, to as string),
        );
      }),
    );
  });
});
