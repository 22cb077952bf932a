import type { ServiceModel } from '../model/model';
import type { ReferralDraft } from '../referral/draft';
import { emptyDraft } from '../referral/draft';
import type { NeedCode } from '../referral/needs';
import { SAFETY_FLAGS, type SafetyFlag } from '../referral/safety';

/** What the champion varies when trying a referral against the model. */
export type Trial = {
  age: number;
  needs: NeedCode[];
  /** Flags answered yes; the rest are answered no. */
  yes: SafetyFlag[];
  postcode: string;
};

/** The date of birth of someone `age` whole years old on `today` (their birthday was yesterday). */
export function dateOfBirthForAge(age: number, today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  day.setUTCFullYear(day.getUTCFullYear() - age);
  return day.toISOString().slice(0, 10);
}

/**
 * A referral as a GP would fill it for a test patient of that age, needs, answers and postcode: every other detail is
 * complete (the test NHS number, consent, each detail the model requires, a contact mode it offers), so the cards that
 * come back are about the model's scope, safety and capacity, not about missing details.
 */
export function trialDraft(trial: Trial, model: ServiceModel, today: string): ReferralDraft {
  const draft = emptyDraft();
  return {
    ...draft,
    patient: {
      nhsNumber: '9434765919',
      given: 'Test',
      family: 'Patient',
      dateOfBirth: dateOfBirthForAge(trial.age, today),
      sex: 'unknown',
      phone: '07700 900123',
      email: 'test.patient@example.org',
      postcode: trial.postcode,
      contactModes: model.contactModes.slice(0, 1),
      contactTimes: 'Weekday mornings',
    },
    needs: trial.needs,
    whatMatters: 'Trying the model from the options page.',
    safety: Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, trial.yes.includes(flag)])),
    consent: { referral: true, sharing: true },
    referrer: { name: 'Practice champion', role: 'Practice champion', odsCode: model.scope.practices[0] ?? 'L81001' },
  };
}
