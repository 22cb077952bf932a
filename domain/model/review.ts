import { nhsDate } from '../clock/nhs-date';
import type { ServiceModel } from './model';

/** Days before the review date from which the champion is reminded. */
export const REVIEW_DUE_SOON_DAYS = 30;

export type ReviewState =
  | { state: 'current'; reviewBy: string }
  | { state: 'due-soon'; reviewBy: string; daysLeft: number }
  | { state: 'overdue'; reviewBy: string; daysOverdue: number }
  | { state: 'not-yet-agreed'; agreedOn: string };

function dayNumber(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;
}

/**
 * Where a model stands on `today` (YYYY-MM-DD): agreed and current, due for review within 30 days, past its review date,
 * or dated after today (not yet agreed). Pure, so the pad and the options page say the same thing.
 */
export function reviewState(model: Pick<ServiceModel, 'agreement'>, today: string): ReviewState {
  const { agreedOn, reviewBy } = model.agreement;
  if (today < agreedOn) return { state: 'not-yet-agreed', agreedOn };
  const daysLeft = dayNumber(reviewBy) - dayNumber(today);
  if (daysLeft < 0) return { state: 'overdue', reviewBy, daysOverdue: -daysLeft };
  if (daysLeft <= REVIEW_DUE_SOON_DAYS) return { state: 'due-soon', reviewBy, daysLeft };
  return { state: 'current', reviewBy };
}

/** The sentence a champion or referrer reads for a review state; none when the model is current. */
export function reviewMessage(review: ReviewState): string | undefined {
  switch (review.state) {
    case 'current':
      return undefined;
    case 'due-soon':
      return `The agreed model is due for review by ${nhsDate(review.reviewBy)} (${review.daysLeft} day${review.daysLeft === 1 ? '' : 's'} from now): arrange the review with the people who agreed it.`;
    case 'overdue':
      return `The agreed model was due for review by ${nhsDate(review.reviewBy)} and is ${review.daysOverdue} day${review.daysOverdue === 1 ? '' : 's'} overdue: review it with the people who agreed it, then update the dates here.`;
    case 'not-yet-agreed':
      return `The model says it was agreed on ${nhsDate(review.agreedOn)}, which is after today: check it has really been agreed.`;
  }
}
