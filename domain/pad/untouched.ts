import type { ReferralDraft } from '../referral/draft';

/**
 * Whether the referrer has entered anything yet beyond what the record filled in (the remembered referrer does not
 * count). An untouched draft may follow the record to the next patient; a touched one is guarded, never moved.
 */
export function isUntouched(draft: ReferralDraft): boolean {
  const { patient } = draft;
  return (
    draft.needs.length === 0 &&
    draft.whatMatters.trim() === '' &&
    Object.keys(draft.safety).length === 0 &&
    draft.consent.referral === undefined &&
    draft.consent.sharing === undefined &&
    !Object.values(draft.provenance).includes('typed') &&
    (patient.contactModes ?? []).length === 0 &&
    (patient.accessNeeds ?? []).length === 0 &&
    !patient.contactTimes?.trim() &&
    !patient.interpreterLanguage?.trim() &&
    !draft.overrideReason?.trim()
  );
}
