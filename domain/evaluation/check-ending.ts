import type { Verdict } from '../criteria/verdict';
import type { ServiceModel } from '../model/model';
import { isUntouched } from '../pad/untouched';
import type { ReferralDraft } from '../referral/draft';
import type { Referral } from '../referral/referral';
import type { CheckEnding } from './counts';
import { modelRoutes, OTHER_ROUTE, routeName } from './routes';

/**
 * How one check ended, counted under the service it ended with: no patient, no free text — the referral's id only
 * keys the check while it is open, so that it is counted once, and never leaves the browser.
 */
export type CheckEnded = {
  referralId: string;
  odsCode: string;
  serviceId: string | null;
  modelVersion: number | null;
  ending: CheckEnding;
  /** The model's route, for a redirect; null otherwise. */
  route: string | null;
};

/** How a sent referral's check ended: with an override when its verdict carries the override's reason. */
export function sentEnding(referral: Referral): CheckEnded {
  return {
    referralId: referral.id,
    odsCode: referral.referrer.odsCode,
    serviceId: referral.serviceId ?? null,
    modelVersion: referral.verdict.modelVersion,
    ending: referral.verdict.overrideReason ? 'sent-with-override' : 'sent-in-model',
    route: null,
  };
}

/** The pad's state a check's ending is read from (app/pad/pad-state.ts gives it). */
export type PadCheck = {
  phase: 'editing' | 'sending' | 'sent';
  /** The referral the outbox took, once the pad is in the sent phase. */
  sent: Referral | undefined;
  referralId: string | undefined;
  draft: ReferralDraft | undefined;
  /** The check against the model of the service chosen (or the practice's own model, with no directory). */
  verdict: Verdict | undefined;
  /** The model the verdict is of: its routes are the only ones counted by name. */
  model: ServiceModel | undefined;
  serviceId: string | undefined;
};

/**
 * How the check in front of the referrer would end if left now (README, "Counts from the point of referral"):
 * - sent: in the model, or with an override (the referral's verdict carries the override's reason);
 * - redirected (route): not sent, and the check says the referral does not fit this service and names where to send
 *   the person instead — the route of the first such card (the most severe);
 * - abandoned: not sent, for any other reason (incomplete, or complete and never sent).
 * Undefined while nothing is to be counted: no draft, no practice ODS code yet, or a draft the referrer has not
 * touched (the record's details alone are not a check).
 */
export function checkEnding(pad: PadCheck): CheckEnded | undefined {
  if (pad.phase === 'sent' && pad.sent) return sentEnding(pad.sent);
  const { draft, verdict, referralId } = pad;
  const odsCode = draft?.referrer.odsCode?.trim().toUpperCase();
  if (!draft || !verdict || !referralId || !odsCode || isUntouched(draft)) return undefined;
  const base = { referralId, odsCode, serviceId: pad.serviceId ?? null, modelVersion: verdict.modelVersion };
  return verdict.outcome === 'redirect' && pad.model
    ? { ...base, ending: 'redirected', route: redirectRoute(verdict, pad.model) }
    : { ...base, ending: 'abandoned', route: null };
}

/**
 * The route the check sends the person to: the first card (most severe first) that names one and is not overridden,
 * by the model's name for it; a route the model does not name is OTHER_ROUTE.
 */
function redirectRoute(verdict: Verdict, model: ServiceModel): string {
  const card = verdict.cards.find((one) => one.suggestions.length > 0 && !one.overridden);
  const route = card?.suggestions[0]?.route;
  const name = route ? routeName(route) : OTHER_ROUTE;
  return modelRoutes(model).includes(name) ? name : OTHER_ROUTE;
}
