import { describe, expect, it } from 'vitest';
import { startOfToday, startOfWeek } from '../../domain/clock/day-start';

// The pad's "Sent today" and "this week" start at UK midnight, whatever zone the browser is set to.
describe('the start of the UK day and week', () => {
  it('starts today at midnight GMT in winter and at 23:00 UTC the day before in summer', () => {
    expect(startOfToday(Date.parse('2026-01-15T12:00:00Z'))).toBe(Date.parse('2026-01-15T00:00:00Z'));
    expect(startOfToday(Date.parse('2026-07-15T12:00:00Z'))).toBe(Date.parse('2026-07-14T23:00:00Z'));
    expect(startOfToday(Date.parse('2026-07-14T23:30:00Z'))).toBe(Date.parse('2026-07-14T23:00:00Z'));
    expect(startOfToday(Date.parse('2026-07-14T22:59:59Z'))).toBe(Date.parse('2026-07-13T23:00:00Z'));
  });

  it('keeps the day’s own midnight on the days the clocks change', () => {
    // 29 March 2026: BST from 01:00 UTC, so the day began at midnight GMT.
    expect(startOfToday(Date.parse('2026-03-29T20:00:00Z'))).toBe(Date.parse('2026-03-29T00:00:00Z'));
    expect(startOfToday(Date.parse('2026-03-29T23:30:00Z'))).toBe(Date.parse('2026-03-29T23:00:00Z'));
    // 25 October 2026: GMT again from 01:00 UTC, so the day began at midnight BST.
    expect(startOfToday(Date.parse('2026-10-25T20:00:00Z'))).toBe(Date.parse('2026-10-24T23:00:00Z'));
    expect(startOfToday(Date.parse('2026-10-26T00:30:00Z'))).toBe(Date.parse('2026-10-26T00:00:00Z'));
  });

  it('starts the week at Monday’s UK midnight, across a change of the clocks', () => {
    // Thursday 19 November 2026 (GMT): Monday the 16th.
    expect(startOfWeek(Date.parse('2026-11-19T15:30:00Z'))).toBe(Date.parse('2026-11-16T00:00:00Z'));
    expect(startOfWeek(Date.parse('2026-11-16T00:00:00Z'))).toBe(Date.parse('2026-11-16T00:00:00Z'));
    expect(startOfWeek(Date.parse('2026-11-15T23:59:59Z'))).toBe(Date.parse('2026-11-09T00:00:00Z'));
    // Wednesday 28 October 2026 (GMT): Monday the 26th, the first day after the change.
    expect(startOfWeek(Date.parse('2026-10-28T09:00:00Z'))).toBe(Date.parse('2026-10-26T00:00:00Z'));
    // Sunday 25 October 2026, 20:00 GMT: Monday the 19th began at midnight BST.
    expect(startOfWeek(Date.parse('2026-10-25T20:00:00Z'))).toBe(Date.parse('2026-10-18T23:00:00Z'));
    // Tuesday 31 March 2026 (BST): Monday the 30th, 23:00 UTC the day before.
    expect(startOfWeek(Date.parse('2026-03-31T10:00:00Z'))).toBe(Date.parse('2026-03-29T23:00:00Z'));
  });
});
