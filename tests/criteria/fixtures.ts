import { type ServiceModel, serviceModelSchema } from '../../lib/model/model';
import { draftSchema, type ReferralDraft } from '../../lib/referral/draft';
import { noSafetyConcerns } from '../fixtures/safety';

/** The day the scenarios are checked on. */
export const TODAY = '2026-11-22';

/**
 * A complete referral the boundaried example accepts: the seeds' isolated widower of 72, in BS16, referred by his GP.
 * Scenarios are small changes to it.
 */
export function widower(): ReferralDraft {
  return draftSchema.parse({
    patient: {
      nhsNumber: '943 476 5919',
      given: 'Arthur',
      family: 'Example',
      dateOfBirth: '12-Mar-1954',
      sex: 'male',
      phone: '07700 900123',
      postcode: 'BS16 1QY',
      contactModes: ['phone', 'letter'],
    },
    needs: ['loneliness', 'bereavement'],
    whatMatters: 'Getting out of the house again since his wife died; he used to sing in a choir.',
    safety: noSafetyConcerns(),
    consent: { referral: true, sharing: true },
    referrer: { name: 'Dr Sam Example', role: 'GP', odsCode: 'L81001' },
  });
}

type DraftChange = {
  patient?: Partial<ReferralDraft['patient']>;
  needs?: string[];
  whatMatters?: string;
  safety?: Partial<ReferralDraft['safety']>;
  consent?: Partial<ReferralDraft['consent']>;
  referrer?: Partial<ReferralDraft['referrer']>;
  overrideReason?: string;
};

/** The widower with some things changed; a key set to undefined removes that answer. */
export function changed(change: DraftChange, base: ReferralDraft = widower()): ReferralDraft {
  const draft: ReferralDraft = {
    ...base,
    patient: { ...base.patient, ...change.patient },
    safety: { ...base.safety, ...change.safety },
    consent: { ...base.consent, ...change.consent },
    referrer: { ...base.referrer, ...change.referrer },
  };
  if (change.needs) draft.needs = change.needs;
  if (change.whatMatters !== undefined) draft.whatMatters = change.whatMatters;
  if ('overrideReason' in change) draft.overrideReason = change.overrideReason;
  for (const part of ['patient', 'safety', 'consent', 'referrer'] as const) {
    const record = draft[part] as Record<string, unknown>;
    for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  }
  return draft;
}

type ModelChange = Partial<Omit<ServiceModel, 'scope'>> & { scope?: Partial<ServiceModel['scope']> };

/** An example model with some things changed, checked against the schema so it is a model a champion could save. */
export function variant(model: ServiceModel, change: ModelChange): ServiceModel {
  return serviceModelSchema.parse({ ...model, ...change, scope: { ...model.scope, ...change.scope } });
}
