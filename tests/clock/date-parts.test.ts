import { describe, expect, it } from 'vitest';
import { partsOf, partsText, readDateParts } from '../../domain/clock/date-parts';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('the NHS date input: day, month and year boxes', () => {
  it('keeps what is typed, day first, so a half-typed date survives a reload', () => {
    expect(partsText(parts('3', '7', '1948'))).toBe('3/7/1948');
    expect(partsText(parts('03', '', ''))).toBe('03//');
    expect(partsText(parts(' 3 ', '7/', ''))).toBe('3/7/');
    expect(partsText(parts('', '', ''))).toBe('');
    expect(partsOf('03//')).toEqual(parts('03', '', ''));
    expect(partsOf('3/Jul/1948')).toEqual(parts('3', 'Jul', '1948'));
  });

  it('shows a date as YYYY-MM-DD in its boxes without leading zeros, and anything else as empty boxes', () => {
    expect(partsOf('1948-07-03')).toEqual(parts('3', '7', '1948'));
    expect(partsOf('')).toEqual(parts('', '', ''));
    expect(partsOf('12-Mar-50??')).toEqual(parts('', '', ''));
  });

  it.each([
    [parts('3', '7', '1948'), '1948-07-03'],
    [parts('03', '07', '1948'), '1948-07-03'],
    [parts('3', 'Jul', '1948'), '1948-07-03'],
    [parts('3', 'july', '1948'), '1948-07-03'],
    [parts('29', '2', '2024'), '2024-02-29'],
  ])('reads %j as %s', (typed, iso) => {
    expect(readDateParts(typed, 'Agreed on')).toEqual({ ok: true, iso });
  });

  it.each([
    [parts('', '', ''), 'Enter the agreed on', ['day', 'month', 'year']],
    [parts('3', '', '1948'), 'Agreed on must include a month', ['month']],
    [parts('', '', '1948'), 'Agreed on must include a day and month', ['day', 'month']],
    [parts('3', '7', '48'), 'Year must include 4 numbers', ['year']],
    [parts('3', '13', '1948'), 'Agreed on must be a real date', ['month']],
    [parts('x', 'Foo', '1948'), 'Agreed on must be a real date', ['day', 'month']],
    [parts('29', '2', '2025'), 'Agreed on must be a real date', ['day']],
    [parts('31', '6', '2025'), 'Agreed on must be a real date', ['day']],
    [parts('003', '6', '2025'), 'Agreed on must be a real date', ['day']],
  ])('%j: %s, in the %j box(es)', (typed, message, located) => {
    expect(readDateParts(typed, 'Agreed on')).toEqual({ ok: false, message, parts: located });
  });
});
