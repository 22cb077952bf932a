import { describe, expect, it } from 'vitest';
import { checkReferral } from '../../domain/criteria';
import { BOUNDARIED_VCSE_MODEL as model } from '../../domain/model/examples';
import { reviewMessage, reviewState } from '../../domain/model/review';
import { widower } from '../../test-support/fixtures/criteria';

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
    expect(reviewMessage(state)).toMatch(/was due for review by 14 September 2027 and is 2 days overdue/);
  });

  it('is not yet agreed before its agreement date', () => {
    const state = reviewState(model, '2026-09-14');
    expect(state).toEqual({ state: 'not-yet-agreed', agreedOn: '2026-09-15' });
    expect(reviewMessage(state)).toMatch(/after today/);
  });
});

// The options page's callout and the card on the pad must never disagree on a day: both come from reviewState.
describe('the pad and the options page on each day around the model’s dates', () => {
  it.each([
    ['2026-09-14', 'not-yet-agreed', 'model.not-yet-agreed'],
    ['2026-09-15', 'current', undefined],
    ['2027-09-14', 'due-soon', undefined],
    ['2027-09-15', 'overdue', 'model.review-overdue'],
  ])('on %s the champion sees %s and the referrer the card %s', (day, state, rule) => {
    expect(reviewState(model, day).state).toBe(state);
    const cards = checkReferral(model, widower(), day).cards.filter((card) => card.rule.startsWith('model.'));
    expect(cards.map((card) => card.rule)).toEqual(rule ? [rule] : []);
  });
});
