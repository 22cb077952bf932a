import { nhsDate, nhsDayOf } from '../clock/nhs-date';
import { meaningOfSent, verdictHeadline } from '../criteria/verdict-words';
import type { ServiceModel } from '../model/model';
import { needLabel } from '../referral/needs';
import { formatNhsNumber } from '../referral/nhs-number';
import { referralReference } from '../referral/reference';
import type { Referral } from '../referral/referral';
import { safetyLabel } from '../referral/safety';
import { routesUsed } from './routes-used';

/** SNOMED CT concept recorded in the patient's record when a referral is made. */
export const SOCIAL_PRESCRIBING_REFERRAL = {
  system: 'http://snomed.info/sct',
  code: '871731000000106',
  display: 'Referral to social prescribing service',
} as const;

/** The verdict as one line of the record, in the words the pad and the inbox use (verdict-words). */
export function verdictLine(referral: Referral): string {
  return verdictHeadline(meaningOfSent(referral.verdict));
}

/**
 * The text a referrer pastes into the consultation: the SNOMED CT code and term first (as coded entries read), then the
 * date, the needs, the safety answers that were yes, the verdict and the reference to quote to the service.
 */
export function clinicalRecordEntry(
  referral: Referral,
  model: Pick<ServiceModel, 'name' | 'kind' | 'version' | 'service'> & { safety?: ServiceModel['safety'] },
): string {
  const yes = Object.entries(referral.safety)
    .filter(([, answer]) => answer)
    .map(([flag]) => safetyLabel(flag as keyof Referral['safety']));
  const lines = [
    `${SOCIAL_PRESCRIBING_REFERRAL.display} (SNOMED CT ${SOCIAL_PRESCRIBING_REFERRAL.code})`,
    `Date: ${nhsDayOf(referral.createdAt)}`,
    `Patient: ${referral.patient.given} ${referral.patient.family.toUpperCase()}, NHS No. ${formatNhsNumber(referral.patient.nhsNumber)}, born ${nhsDate(referral.patient.dateOfBirth, 'short')}`,
    `Service: ${model.service.name} (${model.kind} model “${model.name}”, version ${model.version})`,
    `Needs: ${referral.needs.map(needLabel).join('; ')}`,
  ];
  if (referral.whatMatters.trim()) lines.push(`What matters to the patient: ${referral.whatMatters.trim()}`);
  lines.push(`Safety questions answered yes: ${yes.length ? yes.join('; ') : 'none'}`);
  lines.push(`Verdict: ${verdictLine(referral)}`);
  for (const { flag, route } of routesUsed(referral.verdict, model.safety)) {
    const where = route ? `${route.service} (${route.contact})` : 'the route the agreed model gives';
    lines.push(`Flagged for the link worker: ${safetyLabel(flag)}; the referrer confirmed they used ${where}`);
  }
  lines.push(
    `Consent: to the referral ${referral.consent.referral ? 'given' : 'not given'}; to sharing details with the service ${referral.consent.sharing ? 'given' : 'not given'}`,
  );
  lines.push(`Referred by: ${referral.referrer.name} (${referral.referrer.role}), ${referral.referrer.odsCode}`);
  lines.push(`Reference: ${referralReference(referral.id)}`);
  return lines.join('\n');
}
