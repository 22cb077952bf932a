import type { Route, ServiceModel } from '../../model/model';
import type { ReferralDraft } from '../../referral/draft';
import { SAFETY_QUESTIONS, type SafetyFlag } from '../../referral/safety';
import { type Finding, finding, routeDetail, suggestion } from '../finding';

/**
 * Each safety question answered yes, handled as the model agreed. A redirect here is never overridable: routing a person
 * in crisis to a non-clinical service is the hazard this whole check exists to prevent. A flag (the open kind's way)
 * lets the referral go to the link worker, but only once the referrer confirms they have used the crisis route too.
 */
export function safetyFlags(draft: ReferralDraft, model: ServiceModel): Finding[] {
  const findings: Finding[] = [];
  for (const { flag, label } of SAFETY_QUESTIONS) {
    if (draft.safety[flag] !== true) continue;
    const rule = model.safety[flag];
    const id = `safety.${flag}` as const;
    const route = rule.redirectTo;
    if (rule.action === 'flag' && route) {
      findings.push(...flagged(flag, label, route, draft.routesUsed[flag] === true, model));
    } else if (rule.action === 'redirect' && route) {
      findings.push(
        finding('redirect', {
          rule: id,
          subject: flag,
          indicator: 'critical',
          summary: `${label}: not for this service. Use ${route.service} instead.`,
          detail: routeDetail(route),
          suggestions: [suggestion(route)],
        }),
      );
    } else if (rule.action === 'review') {
      findings.push(
        finding('review', {
          rule: id,
          subject: flag,
          indicator: 'warning',
          summary: `${label}: the link worker will review this before contacting the patient.`,
          detail: route ? `Also tell ${route.service}: ${route.contact}. ${route.guidance ?? ''}`.trim() : undefined,
          suggestions: route ? [suggestion(route)] : [],
        }),
      );
    } else {
      findings.push(
        finding('none', {
          rule: id,
          subject: flag,
          indicator: 'info',
          summary: `${label}: ${model.service.name} accepts this; the link worker will see it.`,
        }),
      );
    }
  }
  return findings;
}

/**
 * A flagged answer: a critical card with the route to use now as well. Until the referrer confirms they have used it the
 * referral is incomplete (Send is off); once they have, it goes as "with points for the link worker", and the
 * confirmation travels with it (rule safety.<flag>.route-used) to the record entry and the inbox.
 */
function flagged(flag: SafetyFlag, label: string, route: Route, used: boolean, model: ServiceModel): Finding[] {
  const card = finding(used ? 'review' : 'incomplete', {
    rule: `safety.${flag}`,
    subject: flag,
    indicator: 'critical',
    summary: `${label}: use ${route.service} now as well.`,
    detail: `${routeDetail(route)} Confirm that you have used this route: the referral then goes to ${model.service.name} with the answer flagged for the link worker.`,
    suggestions: [suggestion(route)],
    routeConfirmation: used ? 'given' : 'needed',
  });
  if (!used) return [card];
  return [
    card,
    finding('none', {
      rule: `safety.${flag}.route-used`,
      subject: flag,
      indicator: 'info',
      summary: `Route used: ${route.service}. The link worker sees it with the flag.`,
    }),
  ];
}
