import { describe, expect, it } from 'vitest';
import { BOUNDARIED_VCSE_MODEL as model } from '../../domain/model/examples';
import { reviewMessage, reviewState } from '../../domain/model/review';

// The example was agreed on 2026-09-15, for review by 2027-09-14.
describe('where a model stands against its review date', () => {
  it('is current well before the review date, with nothing to say', () => {
    const state = reviewState(model, '2027-01-01');
    expect(state).toEqual({ state: 'current', reviewBy: '2027-09-14' });
    expect(reviewMessage(state)).toBeUndefined();
  });

  it('is due soon within 30 days, and on the day itself', () => {
    expect(reviewState(model, '2027-08-15')).toEqual({ state: 'due-soon', reviewBy: '2027-09-14', daysLeft: 30 });
    expect(reviewState(model, '2027-09-14')).toMatchObject({ state: 'due-soon', daysLeft: 0 });
  });

  it('is overdue from the day after, saying by how many days', () => {
    const state = reviewState(model, '2027-09-16');
    expect(state).toEqual({ state: 'overdue', reviewBy: '2027-09-14', daysOverdue: 2 });
    expect(reviewMessage(state)).toMatch(/was due for review by 2027-09-14 and is 2 days overdue/);
  });

  it('is not yet agreed before its agreement date', () => {
    const state = reviewState(model, '2026-09-14');
    expect(state).toEqual({ state: 'not-yet-agreed', agreedOn: '2026-09-15' });
    expect(reviewMessage(state)).toMatch(/after today/);
  });
});
