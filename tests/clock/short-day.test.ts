import { describe, expect, it } from 'vitest';
import { shortDay } from '../../domain/clock/short-day';

// Where space is tight the pad writes a date the NHS way, the same in every browser's locale.
describe('a day written short', () => {
  it('is day, three-letter month and year, with no leading zero', () => {
    expect(shortDay('1948-07-03')).toBe('3 Jul 1948');
    expect(shortDay('1954-06-14')).toBe('14 Jun 1954');
    expect(shortDay('2020-09-30')).toBe('30 Sep 2020');
  });

  it('is nothing for text that is not a real day', () => {
    expect(shortDay('03/07/1948')).toBeUndefined();
    expect(shortDay('1948-02-30')).toBeUndefined();
    expect(shortDay('1948-13-01')).toBeUndefined();
    expect(shortDay('')).toBeUndefined();
  });
});
