import { describe, expect, it } from 'vitest';
import { ukInstant } from '../../domain/clock/uk-instant';

describe('ukInstant: a UK wall-clock time on a UK day', () => {
  it.each([
    ['2026-12-02', '14:30', '2026-12-02T14:30:00.000Z'],
    ['2026-07-01', '14:30', '2026-07-01T13:30:00.000Z'],
    ['2026-07-01', '00:15', '2026-06-30T23:15:00.000Z'],
    ['2026-07-01', '9.05', '2026-07-01T08:05:00.000Z'],
    // The clocks go forward at 01:00 GMT on 29 March 2026: 01:30 does not exist and reads as GMT.
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // They go back at 02:00 BST on 25 October 2026: 01:30 happens twice, and the first (BST) is taken.
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
  ])('%s at %s is %s', (day, time, iso) => {
    expect(ukInstant(day, time)?.toISOString()).toBe(iso);
  });

  it.each(['25:00', '14:60', '2pm', '', '14'])('refuses %j', (time) => {
    expect(ukInstant('2026-12-02', time)).toBeUndefined();
  });
});
