import type { ServiceModel } from '../model/model';
import type { ReferralDraft } from '../referral/draft';
import { type Finding, finding } from './finding';

/** Long enough to say why ("lives alone, 54 next month" is 26); "ok" or "gp" is not a reason. */
export const MIN_OVERRIDE_REASON = 10;
/** What the sent verdict can carry (domain/referral/referral.ts). */
export const MAX_OVERRIDE_REASON = 1000;

/**
 * The referrer's override of the model's boundaries. With a reason and a model that allows it, each overridable redirect
 * stays on screen, marked overridden, and the referral goes for the link worker to review. Anything else changes nothing
 * and says why. Safety redirects and a paused service are never overridable (see rules/safety.ts).
 * An overrideReason of undefined means "not overriding"; any string, even empty, means the referrer is trying to.
 */
export function applyOverride(findings: Finding[], draft: ReferralDraft, model: ServiceModel): Finding[] {
  if (draft.overrideReason === undefined) return findings;
  const reason = draft.overrideReason.trim();
  const redirects = findings.filter((found) => found.effect === 'redirect');
  const overridable = redirects.filter((found) => found.card.overridable);
  // Never overridable whatever the model says: safety redirects and a paused service.
  const fixed = redirects.filter((found) => !found.card.overridable && !found.card.rule.startsWith('scope.'));
  const notes: Finding[] = [];

  if (!model.overridesAllowed && redirects.some((found) => found.card.rule.startsWith('scope.'))) {
    notes.push(
      finding('none', {
        rule: 'override.not-allowed',
        indicator: 'warning',
        summary: `${model.service.name}'s agreed model does not allow overrides: please use the route suggested.`,
      }),
    );
  }
  if (fixed.length > 0 && reason.length > 0) {
    const safety = fixed.some((found) => found.card.rule.startsWith('safety.'));
    notes.push(
      finding('none', {
        rule: 'override.not-allowed',
        subject: fixed.map((found) => found.card.rule).join(' '),
        indicator: 'warning',
        summary: safety
          ? 'A safety redirect cannot be overridden: the person needs the route named on the red card.'
          : 'A paused service cannot be overridden: please use the route suggested.',
      }),
    );
  }
  if (overridable.length === 0) return [...findings, ...notes];

  if (reason.length < MIN_OVERRIDE_REASON || reason.length > MAX_OVERRIDE_REASON) {
    notes.push(
      finding('none', {
        rule: 'override.reason-missing',
        indicator: 'warning',
        summary:
          reason.length > MAX_OVERRIDE_REASON
            ? `Shorten the override reason to ${MAX_OVERRIDE_REASON} characters or fewer; nothing is overridden yet.`
            : `To go ahead anyway, say why in at least ${MIN_OVERRIDE_REASON} characters; nothing is overridden yet.`,
      }),
    );
    return [...findings, ...notes];
  }

  const overridden = findings.map(
    (found): Finding =>
      found.effect === 'redirect' && found.card.overridable
        ? { effect: 'review', card: { ...found.card, indicator: 'warning', overridden: true } }
        : found,
  );
  return [...overridden, ...notes];
}
