import type { Route } from '../model/model';
import type { Outcome, SentVerdict } from '../referral/referral';
import { SAFETY_FLAGS, type SafetyFlag } from '../referral/safety';

/** As in CDS Hooks: info = for information; warning = look before sending; critical = a risk to the person, act on it. */
export type Indicator = 'info' | 'warning' | 'critical';

/** Where to send the person instead, with how to reach that service. */
export type Suggestion = { label: string; route: Route };

/**
 * The rules the criteria apply. Ids are stable: they are stored with each sent referral (SentVerdict.rules) and read
 * by the link worker's inbox, so an id is never renamed or reused.
 */
export const RULE_IDS = [
  /** A required patient detail is missing (subject: the field, e.g. "nhsNumber", or a model's required field). */
  'required.field',
  'required.needs',
  'required.consent-referral',
  'required.consent-sharing',
  /** A safety question is unanswered (subject: the flag). */
  'required.safety',
  /** The referrer's name, role or practice ODS code is missing (subject: "name", "role" or "odsCode"). */
  'required.referrer',
  'patient.nhs-number',
  'patient.date-of-birth',
  'patient.postcode',
  /** Another patient detail is present but not in a form a referral can carry (subject: the field). */
  'patient.field',
  'referrer.ods-code',
  /** A need code the pad does not know (subject: the code). */
  'need.unknown',
  /** A need outside the model's scope (subject: the need code). */
  'scope.need',
  'scope.must-include',
  'scope.age',
  'scope.area',
  'scope.practice',
  /** One line for a pathway (group) the referral fits no better than the closest one (subject: its label). */
  'scope.pathway',
  ...SAFETY_FLAGS.map((flag) => `safety.${flag}` as const),
  /** A flagged safety answer whose route the referrer confirmed they have used (see 'flag' in domain/model). */
  ...SAFETY_FLAGS.map((flag) => `safety.${flag}.route-used` as const),
  'contact.mode',
  'capacity.waiting-list',
  'capacity.paused',
  'model.review-overdue',
  /** The model's agreement date is after today: it is not yet what was agreed. */
  'model.not-yet-agreed',
  'override.reason-missing',
  'override.not-allowed',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export type SafetyRuleId = `safety.${SafetyFlag}`;

export type Card = {
  /** One sentence a GP understands at a glance, under 140 characters, naming what fired. */
  summary: string;
  indicator: Indicator;
  detail?: string;
  rule: RuleId;
  /** The need code, field or flag the card is about. */
  subject?: string;
  suggestions: Suggestion[];
  /** May the referrer go ahead anyway, giving a reason? Never for a safety redirect. */
  overridable: boolean;
  /** The referrer has overridden this card with a reason. */
  overridden?: boolean;
  /** The id of a service in the practice's directory that the card's route names: the pad can refer there instead. */
  serviceId?: string;
  /**
   * A flagged safety answer: the referrer must confirm they have used the card's route ('needed' until the draft says
   * so, then 'given'); Send stays off until then. The subject is the safety flag.
   */
  routeConfirmation?: 'needed' | 'given';
};

export type Verdict = {
  outcome: Outcome;
  cards: Card[];
  modelId: string;
  modelVersion: number;
  /** At least one card was overridden with the draft's override reason. */
  overridden: boolean;
};

/** A referral may be sent when it is complete and nothing redirects it. */
export function canSend(verdict: Verdict): boolean {
  return verdict.outcome === 'accept' || verdict.outcome === 'review';
}

/** What travels with the referral to the link worker: the model checked against, the outcome, the rules that fired. */
export function sentVerdict(verdict: Verdict, draft: { overrideReason?: string | undefined }): SentVerdict {
  const rules = [...new Set(verdict.cards.map((card) => card.rule))];
  const reason = draft.overrideReason?.trim();
  return {
    modelId: verdict.modelId,
    modelVersion: verdict.modelVersion,
    outcome: verdict.outcome,
    rules,
    ...(verdict.overridden && reason ? { overrideReason: reason } : {}),
  };
}
