import type { ServiceModel } from '../../model/model';
import { reviewState } from '../../model/review';
import { type Finding, finding } from '../finding';

/**
 * A model past its review date, or dated after today, may not be what is agreed now: say so on every check, so the
 * practice champion hears of it, but do not stop the referral (the service still exists and the patient still needs it).
 */
export function agreement(model: ServiceModel, today: string): Finding[] {
  const { agreedOn, reviewBy } = model.agreement;
  const review = reviewState(model, today);
  if (review.state === 'not-yet-agreed') {
    return [
      finding('none', {
        rule: 'model.not-yet-agreed',
        indicator: 'warning',
        summary: `The model is dated ${agreedOn}, after today: check with your practice champion that it is agreed.`,
      }),
    ];
  }
  if (review.state !== 'overdue') return [];
  return [
    finding('none', {
      rule: 'model.review-overdue',
      indicator: 'warning',
      summary: 'The agreed model is past its review date: tell your practice champion.',
      detail: `“${model.name}” was due for review by ${reviewBy}; the checks use it as agreed on ${agreedOn}.`,
    }),
  ];
}
