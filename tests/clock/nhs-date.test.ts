import { describe, expect, it } from 'vitest';
import { nhsDate, nhsDateTime, nhsDayOf, ukTime } from '../../domain/clock/nhs-date';

describe('dates shown the NHS way', () => {
  it('writes the day, the month in words and the year, never a numeric form a locale could misread', () => {
    expect(nhsDate('1948-07-03')).toBe('3 July 1948');
    expect(nhsDate('1948-07-03', 'short')).toBe('3 Jul 1948');
    expect(nhsDate('2026-12-25')).toBe('25 December 2026');
  });

  it('gives an instant the UK day and UK time, on the 24-hour clock', () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July; in January UTC and GMT agree.
    expect(nhsDayOf('2026-06-30T23:30:00Z')).toBe('1 Jul 2026');
    expect(nhsDayOf(Date.parse('2026-06-30T23:30:00Z'), 'long')).toBe('1 July 2026');
    expect(ukTime('2026-06-30T23:30:00Z')).toBe('00:30');
    expect(nhsDateTime('2026-01-05T23:30:00Z')).toBe('5 Jan 2026, 23:30');
    expect(nhsDateTime(new Date('2026-07-05T13:05:00Z'), 'long')).toBe('5 July 2026, 14:05');
  });
});
