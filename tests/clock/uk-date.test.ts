import { describe, expect, it } from 'vitest';
import { ukDate } from '../../domain/clock/uk-date';

// A GP just after midnight in summer, or a link worker just before it in winter, sees the UK day, not the UTC one.
describe('the UK calendar day an instant falls on', () => {
  it('is the next day from midnight BST, while UTC is still on the day before', () => {
    expect(ukDate(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
    expect(ukDate(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
    expect(ukDate(Date.parse('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
  });

  it('is the UTC day in GMT, up to the last second before midnight', () => {
    expect(ukDate(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01');
    expect(ukDate(new Date('2026-01-01T23:59:59Z'))).toBe('2026-01-01');
    expect(ukDate(new Date('2026-01-02T00:00:00Z'))).toBe('2026-01-02');
  });

  it('follows the clocks changing: BST from 01:00 GMT on the last Sunday of March, GMT again in October', () => {
    expect(ukDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(ukDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(ukDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(ukDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('turns the year at UK midnight on New Year’s Eve', () => {
    expect(ukDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(ukDate(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});
