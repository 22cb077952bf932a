import type { SentVerdict } from '../referral/referral';
import type { Verdict } from './verdict';

/**
 * What a verdict means, in the referrer's terms. The pad's headline, the record entry and the link worker's inbox all
 * say it in the same words (verdictHeadline), so the record never says "within the model" where the inbox says
 * "outside it".
 */
export type VerdictMeaning =
  | { kind: 'incomplete' }
  | { kind: 'in-model' }
  | { kind: 'in-model-with-points' }
  /** A safety answer flagged for the link worker; the referrer confirmed they used the route given (to: its name). */
  | { kind: 'in-model-flagged'; to: string[] }
  | { kind: 'outside-with-reason'; reason: string }
  | { kind: 'refer-elsewhere'; to: string[] }
  | { kind: 'safety-stop'; to: string[] };

/** The live verdict on the pad (and its override reason, once given). */
export function meaningOfVerdict(verdict: Verdict, overrideReason?: string): VerdictMeaning {
  if (verdict.outcome === 'redirect') {
    const redirects = verdict.cards.filter((card) => card.suggestions.length > 0 && !card.overridden);
    const safety = redirects.filter((card) => card.rule.startsWith('safety.') && !card.overridable);
    const to = routes(safety.length ? safety : redirects);
    return safety.length ? { kind: 'safety-stop', to } : { kind: 'refer-elsewhere', to };
  }
  if (verdict.outcome === 'incomplete') return { kind: 'incomplete' };
  const reason = overrideReason?.trim();
  if (verdict.overridden && reason) return { kind: 'outside-with-reason', reason };
  const used = verdict.cards.filter((card) => card.routeConfirmation === 'given');
  if (used.length) return { kind: 'in-model-flagged', to: routes(used) };
  return verdict.outcome === 'review' ? { kind: 'in-model-with-points' } : { kind: 'in-model' };
}

/** A sent referral's verdict, as the record entry and the inbox read it. */
export function meaningOfSent(verdict: SentVerdict): VerdictMeaning {
  if (verdict.overrideReason) return { kind: 'outside-with-reason', reason: verdict.overrideReason };
  if (verdict.outcome === 'redirect') {
    const safety = verdict.rules.some((rule) => rule.startsWith('safety.'));
    return safety ? { kind: 'safety-stop', to: [] } : { kind: 'refer-elsewhere', to: [] };
  }
  if (verdict.outcome === 'incomplete') return { kind: 'incomplete' };
  if (verdict.rules.some((rule) => rule.endsWith('.route-used'))) return { kind: 'in-model-flagged', to: [] };
  return verdict.outcome === 'review' ? { kind: 'in-model-with-points' } : { kind: 'in-model' };
}

/** The one wording of a verdict. */
export function verdictHeadline(meaning: VerdictMeaning): string {
  switch (meaning.kind) {
    case 'incomplete':
      return 'Not complete yet';
    case 'in-model':
      return 'In the agreed model';
    case 'in-model-with-points':
      return 'In the agreed model, with points for the link worker';
    case 'in-model-flagged':
      return meaning.to.length
        ? `In the agreed model, with points for the link worker: a safety answer is flagged, and the referrer has used ${meaning.to.join(' and ')}`
        : 'In the agreed model, with points for the link worker: a safety answer is flagged, and the referrer confirmed they used the route given';
    case 'outside-with-reason':
      return `Outside the agreed model, sent with the referrer’s reason: ${meaning.reason}`;
    case 'refer-elsewhere':
      return meaning.to.length ? `Not for this service: refer to ${meaning.to.join(' or ')}` : 'Not for this service';
    case 'safety-stop':
      return meaning.to.length ? `Cannot be sent: safety. Use ${meaning.to.join(' or ')}` : 'Cannot be sent: safety';
  }
}

/** How loudly to show it: green in the model, yellow with points, red outside it or stopped. */
export function verdictTone(meaning: VerdictMeaning): 'green' | 'yellow' | 'red' {
  if (meaning.kind === 'in-model') return 'green';
  return meaning.kind === 'in-model-with-points' || meaning.kind === 'in-model-flagged' ? 'yellow' : 'red';
}

function routes(cards: Verdict['cards']): string[] {
  return [...new Set(cards.flatMap((card) => card.suggestions.map((suggestion) => suggestion.route.service)))];
}
