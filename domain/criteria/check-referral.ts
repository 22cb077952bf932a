import type { ServiceModel } from '../model/model';
import type { ReferralDraft } from '../referral/draft';
import type { Outcome } from '../referral/referral';
import type { Finding } from './finding';
import { applyOverride } from './override';
import { agreement } from './rules/agreement';
import { capacity } from './rules/capacity';
import { consent, needs, patientDetails, referrer, safetyAnswered } from './rules/completeness';
import { contactModes } from './rules/contact';
import { safetyFlags } from './rules/safety';
import { scope } from './rules/scope';
import type { Card, Indicator, Verdict } from './verdict';

const SEVERITY: Record<Indicator, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Checks a draft referral against the agreed service model on a given day. Pure and deterministic: the same inputs
 * give the same verdict, the inputs are not changed, and nothing throws — every problem is a card naming what fired.
 *
 * Outcome: any redirect not overridden → 'redirect'; else anything missing or malformed → 'incomplete'; else anything
 * for the link worker to look at (a review flag, an override) → 'review'; else 'accept'.
 */
export function checkReferral(model: ServiceModel, draft: ReferralDraft, today: string): Verdict {
  const findings = applyOverride(
    [
      ...safetyFlags(draft, model),
      ...capacity(model),
      ...scope(draft, model, today),
      ...needs(draft),
      ...patientDetails(draft, model, today),
      ...safetyAnswered(draft),
      ...consent(draft),
      ...referrer(draft),
      ...contactModes(draft, model),
      ...agreement(model, today),
    ],
    draft,
    model,
  );
  // Array.prototype.sort is stable, so within a severity the rules keep the order above.
  const cards: Card[] = findings
    .map((found) => found.card)
    .sort((a, b) => SEVERITY[a.indicator] - SEVERITY[b.indicator]);
  return {
    outcome: outcome(findings),
    cards,
    modelId: model.id,
    modelVersion: model.version,
    overridden: cards.some((card) => card.overridden === true),
  };
}

function outcome(findings: Finding[]): Outcome {
  const effects = new Set(findings.map((found) => found.effect));
  if (effects.has('redirect')) return 'redirect';
  if (effects.has('incomplete')) return 'incomplete';
  if (effects.has('review')) return 'review';
  return 'accept';
}
