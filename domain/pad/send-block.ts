import { type Card, canSend, type Verdict } from '../criteria';
import type { ServiceModel } from '../model/model';
import type { PatientCheck } from './patient-guard';

export const NO_MODEL =
  'No agreed service model is set — ask your practice champion. Referrals cannot be sent until one is agreed and set.';

/** Said at the top of the pad when the background's outbox cannot be opened (IndexedDB refused). */
export const NO_OUTBOX_NOTICE =
  'This browser cannot store referrals here (for example a private window), so referrals cannot be sent from this pad. Nothing you type is lost: your draft stays in the pad. Open the practice system in a normal window to send it.';
/** Send with nowhere to go would promise a delivery that never comes. */
export const NO_QUEUE =
  'No link worker queue is set for this practice — ask your practice champion. Send is off until one is set; your draft is kept.';
export const NO_OUTBOX =
  'Send is turned off: this browser cannot store referrals here (for example a private window). Your draft is kept.';

/**
 * Why Send is not possible now, in the referrer's words, or undefined when it is. The order is the order to act in:
 * a browser that cannot store the referral, no model, no queue to send to, the wrong patient, then what the verdict
 * still needs.
 */
export function sendBlock({
  model,
  verdict,
  patientCheck,
  outboxAvailable,
  queueSet,
}: {
  model: ServiceModel | undefined;
  verdict: Verdict | undefined;
  patientCheck: PatientCheck | undefined;
  /** As the background answered; undefined while not known (Send then reports any failure itself). */
  outboxAvailable?: boolean;
  /** Whether the practice has a queue endpoint and token (the champion's settings or policy). */
  queueSet: boolean;
}): string | undefined {
  if (outboxAvailable === false) return NO_OUTBOX;
  if (!model || !verdict) return NO_MODEL;
  if (!queueSet) return NO_QUEUE;
  if (patientCheck?.kind === 'different') {
    return `${patientCheck.message} Switch to that patient’s referral, or go back to this patient’s record, to send.`;
  }
  if (patientCheck?.kind === 'nhs-differs') return `${patientCheck.message} Correct it before sending.`;
  if (canSend(verdict)) return undefined;
  const open = verdict.cards.filter((card) => !card.overridden);
  const toConfirm = open.find((card) => card.routeConfirmation === 'needed');
  if (toConfirm) {
    const service = toConfirm.suggestions[0]?.route.service ?? 'the route on the red card';
    return `Use ${service} for the safety answer, then tick “I have used this route” on the red card to send.`;
  }
  if (verdict.outcome === 'incomplete') {
    const missing = open.filter((card) => missingField(card) !== undefined);
    const count = missing.length || open.length;
    return `Not complete yet: ${count} thing${count === 1 ? '' : 's'} still needed (listed under “Check against the agreed model”).`;
  }
  if (verdict.outcome === 'redirect') {
    const overridable = open.some((card) => card.overridable);
    return overridable
      ? 'This referral is outside the agreed model. Refer where the card suggests, or give your reason to refer anyway.'
      : 'This referral is outside the agreed model and cannot be overridden: refer where the card suggests.';
  }
  return 'This referral cannot be sent yet.';
}

const PATIENT_RULES = new Set([
  'required.field',
  'patient.nhs-number',
  'patient.date-of-birth',
  'patient.postcode',
  'patient.field',
]);

/**
 * For a card that only says something is missing or malformed: the draft field to fix, as a path the pad links to
 * ("patient.nhsNumber"). Undefined for the model's own cards (scope, safety, capacity), which are shown in full.
 */
export function missingField(card: Card): string | undefined {
  if (PATIENT_RULES.has(card.rule)) {
    return card.subject === 'whatMatters' ? 'whatMatters' : card.subject ? `patient.${card.subject}` : undefined;
  }
  switch (card.rule) {
    case 'required.needs':
    case 'need.unknown':
      return 'needs';
    case 'required.consent-referral':
      return 'consent.referral';
    case 'required.consent-sharing':
      return 'consent.sharing';
    case 'required.safety':
      return card.subject ? `safety.${card.subject}` : undefined;
    case 'required.referrer':
      return card.subject ? `referrer.${card.subject}` : undefined;
    case 'referrer.ods-code':
      return 'referrer.odsCode';
    case 'override.reason-missing':
      return 'overrideReason';
    default:
      return undefined;
  }
}
