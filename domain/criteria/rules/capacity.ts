import type { ServiceModel } from '../../model/model';
import { type Finding, finding, routeDetail, suggestion } from '../finding';

/** A paused service cannot take anyone, so there is nothing to override; a waiting list is the GP's to tell the patient. */
export function capacity(model: ServiceModel): Finding[] {
  const { capacity } = model;
  if (capacity.status === 'waiting-list') {
    const weeks = capacity.typicalWeeks;
    return [
      finding('none', {
        rule: 'capacity.waiting-list',
        indicator: 'info',
        summary: `${model.service.name} has a waiting list: people usually wait about ${weeks} week${weeks === 1 ? '' : 's'}.`,
      }),
    ];
  }
  if (capacity.status === 'paused') {
    const route = capacity.redirectTo;
    return [
      finding('redirect', {
        rule: 'capacity.paused',
        indicator: 'warning',
        summary: `${model.service.name} is not taking new referrals just now: send to ${route.service} instead.`,
        detail: [capacity.message, routeDetail(route)].filter(Boolean).join(' '),
        suggestions: [suggestion(route)],
      }),
    ];
  }
  return [];
}
