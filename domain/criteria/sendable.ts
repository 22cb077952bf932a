import { ukDate } from '../clock/uk-date';
import type { Referral } from '../referral/referral';
import { SAFETY_FLAGS, safetyLabel } from '../referral/safety';
import { MIN_OVERRIDE_REASON } from './override';

/** A reason a referral may not go to the service, at the referral field it is about, with the rule in words. */
export type Refusal = { path: (string | number)[]; message: string };

/** The earliest date of birth believed: no one alive was born before it. */
export const EARLIEST_BIRTH = '1880-01-01';
/** How far ahead of the receiving clock a referral's time may be (a sending computer's clock runs a little fast). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The clinical rules every referral meets before it reaches a link worker, whoever sent it: the pad checks them before
 * it sends (referralFromDraft) and the queue again when it receives (a client can be old, broken or not ours). The
 * queue does not hold the service model, so the verdict is checked for what the model's own check would always give:
 * sendable (accept or review), every safety answer of yes accounted for, an override only of the model's scope, with
 * a reason, and not where the model refused one. Pure: the time comes in.
 */
export function whyNotSendable(referral: Referral, now: Date): Refusal[] {
  return [...consentRefusals(referral), ...verdictRefusals(referral), ...dateRefusals(referral, now)];
}

function consentRefusals({ consent }: Referral): Refusal[] {
  return [
    ...(consent.referral
      ? []
      : [
          {
            path: ['consent', 'referral'],
            message: 'The patient has not agreed to be referred: a referral needs their consent.',
          },
        ]),
    ...(consent.sharing
      ? []
      : [
          {
            path: ['consent', 'sharing'],
            message:
              'The patient has not agreed to share their details with the service: a referral needs their consent.',
          },
        ]),
  ];
}

function verdictRefusals({ verdict, safety }: Referral): Refusal[] {
  const refusals: Refusal[] = [];
  if (verdict.outcome === 'redirect')
    refusals.push({
      path: ['verdict', 'outcome'],
      message:
        'The referral was outside the agreed model when it was checked (a redirect not overridden): the person goes where the model says, not to this service.',
    });
  if (verdict.outcome === 'incomplete')
    refusals.push({
      path: ['verdict', 'outcome'],
      message: 'The referral was incomplete when it was checked against the agreed model.',
    });
  for (const flag of SAFETY_FLAGS)
    if (safety[flag] && !verdict.rules.includes(`safety.${flag}`))
      refusals.push({
        path: ['safety', flag],
        message: `The answer yes to “${safetyLabel(flag)}” is not in the verdict: the referral was not checked against the agreed model with it.`,
      });
  const reason = verdict.overrideReason;
  if (reason === undefined) return refusals;
  const at = ['verdict', 'overrideReason'];
  if (reason.trim().length < MIN_OVERRIDE_REASON)
    refusals.push({ path: at, message: `An override needs a reason of at least ${MIN_OVERRIDE_REASON} characters.` });
  if (verdict.rules.includes('override.not-allowed'))
    refusals.push({ path: at, message: 'The agreed model does not allow this override.' });
  else if (!verdict.rules.some((rule) => rule.startsWith('scope.')))
    refusals.push({
      path: at,
      message:
        'An override is allowed only of the agreed model’s scope (need, age, area, practice); the verdict has none to override.',
    });
  return refusals;
}

function dateRefusals({ patient, createdAt }: Referral, now: Date): Refusal[] {
  const refusals: Refusal[] = [];
  if (patient.dateOfBirth > ukDate(now))
    refusals.push({ path: ['patient', 'dateOfBirth'], message: 'The date of birth is in the future.' });
  if (patient.dateOfBirth < EARLIEST_BIRTH)
    refusals.push({ path: ['patient', 'dateOfBirth'], message: 'The date of birth is before 1880.' });
  if (Date.parse(createdAt) > now.getTime() + CLOCK_SKEW_MS)
    refusals.push({
      path: ['createdAt'],
      message: `The referral is dated ${createdAt}, later than now: check the date and time on the computer that sent it.`,
    });
  return refusals;
}
