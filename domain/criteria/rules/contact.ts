import type { ServiceModel } from '../../model/model';
import type { ReferralDraft } from '../../referral/draft';
import { CONTACT_MODES } from '../../referral/patient';
import { type Finding, finding } from '../finding';
import { listed } from '../labels';

function label(code: string): string {
  return (CONTACT_MODES.find((mode) => mode.code === code)?.label ?? code).toLowerCase();
}

/**
 * The patient's chosen ways to be contacted against those the service offers. None chosen is fine (the service uses
 * its usual way); chosen ways all unavailable means the link worker must find another, so it goes for review.
 */
export function contactModes(draft: ReferralDraft, model: ServiceModel): Finding[] {
  const chosen = draft.patient.contactModes ?? [];
  if (chosen.length === 0 || chosen.some((mode) => (model.contactModes as string[]).includes(mode))) return [];
  return [
    finding('review', {
      rule: 'contact.mode',
      subject: 'contactModes',
      indicator: 'warning',
      summary: `The service cannot contact the patient by ${listed(chosen.map(label))}: the link worker will agree another way.`,
      detail: `${model.service.name} offers: ${listed(model.contactModes.map(label))}.`,
    }),
  ];
}
