import type { ServiceModel } from '../../model/model';
import { type Finding, finding } from '../finding';

/** A model past its review date may no longer be what was agreed: say so, but do not stop the referral. */
export function agreement(model: ServiceModel, today: string): Finding[] {
  if (today <= model.agreement.reviewBy) return [];
  return [
    finding('none', {
      rule: 'model.review-overdue',
      indicator: 'warning',
      summary: 'The agreed model is past its review date: tell your practice champion.',
      detail: `“${model.name}” was due for review by ${model.agreement.reviewBy}; the checks use it as agreed on ${model.agreement.agreedOn}.`,
    }),
  ];
}
