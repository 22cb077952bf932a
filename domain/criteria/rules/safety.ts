import type { ServiceModel } from '../../model/model';
import type { ReferralDraft } from '../../referral/draft';
import { SAFETY_QUESTIONS } from '../../referral/safety';
import { type Finding, finding, routeDetail, suggestion } from '../finding';

/**
 * Each safety question answered yes, handled as the model agreed. A redirect here is never overridable: routing a person
 * in crisis to a non-clinical service is the hazard this whole check exists to prevent.
 */
export function safetyFlags(draft: ReferralDraft, model: ServiceModel): Finding[] {
  const findings: Finding[] = [];
  for (const { flag, label } of SAFETY_QUESTIONS) {
    if (draft.safety[flag] !== true) continue;
    const rule = model.safety[flag];
    const id = `safety.${flag}` as const;
    const route = rule.redirectTo;
    if (rule.action === 'redirect' && route) {
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
