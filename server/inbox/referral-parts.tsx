import { meaningOfSent, verdictHeadline, verdictTone } from '../../domain/criteria/verdict-words';
import type { LinkWorkerStatus } from '../../domain/fhir';
import { formatNhsNumber, type Referral, SAFETY_FLAGS, safetyLabel } from '../../domain/referral';
import { STATUS_LABELS } from './labels';

export function StatusTag(props: { status: LinkWorkerStatus['status'] }) {
  const tone =
    props.status === 'requested'
      ? 'blue'
      : props.status === 'declined' || props.status === 'redirected'
        ? 'grey'
        : 'green';
  return <strong class={`tag tag-${tone}`}>{STATUS_LABELS[props.status]}</strong>;
}

export function presentFlags(referral: Referral) {
  return SAFETY_FLAGS.filter((flag) => referral.safety[flag]);
}

/** Safety flags stand out: a red tag for each one the referrer said yes to. */
export function SafetyFlags(props: { referral: Referral }) {
  const flags = presentFlags(props.referral);
  if (flags.length === 0) return <span class="quiet">None</span>;
  return (
    <ul class="tags" aria-label="Safety flags">
      {flags.map((flag) => (
        <li key={flag}>
          <strong class="tag tag-red">{safetyLabel(flag)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function VerdictTag(props: { referral: Referral }) {
  const meaning = meaningOfSent(props.referral.verdict);
  return <strong class={`tag tag-${verdictTone(meaning)}`}>{verdictHeadline(meaning)}</strong>;
}

export function patientName(referral: Referral): string {
  return `${referral.patient.given} ${referral.patient.family}`;
}

export function nhsNumber(referral: Referral): string {
  return formatNhsNumber(referral.patient.nhsNumber);
}
