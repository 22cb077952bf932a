import type { Route, ServiceModel } from '../model/model';
import type { SentVerdict } from '../referral/referral';
import { SAFETY_FLAGS, type SafetyFlag } from '../referral/safety';

/** A flagged safety answer whose route the referrer confirmed they used, with that route when the model is known. */
export type RouteUsed = { flag: SafetyFlag; route?: Route };

/** The flagged safety answers of a sent verdict whose route the referrer confirmed (rule safety.<flag>.route-used). */
export function routesUsed(verdict: SentVerdict, safety?: ServiceModel['safety']): RouteUsed[] {
  return SAFETY_FLAGS.filter((flag) => verdict.rules.includes(`safety.${flag}.route-used`)).map((flag) => {
    const route = safety?.[flag].redirectTo;
    return route ? { flag, route } : { flag };
  });
}
