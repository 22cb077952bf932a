import { meaningOfSent, verdictHeadline, verdictTone } from '../../domain/criteria/verdict-words';
import type { LinkWorkerStatus } from '../../domain/fhir';
import { formatNhsNumber, type Referral, SAFETY_FLAGS, safetyLabel } from '../../domain/referral';
import { STATUS_LABELS } from './labels';

/** What the list and the detail page both show of a referral. */
type Shown = Pick<Referral, 'safety' | 'verdict'> & {
  patient: Pick<Referral['patient'], 'given' | 'family' | 'nhsNumber'>;
};

export function StatusTag(props: { status: LinkWorkerStatus['status'] }) {
  const tone =
    props.status === 'requested'
      ? 'blue'
      : props.status === 'declined' || props.status === 'redirected'
        ? 'grey'
        : 'green';
  return <strong class={`tag tag-${tone}`}>{STATUS_LABELS[props.status]}</strong>;
}

export function presentFlags(referral: Pick<Referral, 'safety'>) {
  return SAFETY_FLAGS.filter((flag) => referral.safety[flag]);
}

/** Safety flags stand out: a red tag for each one the referrer said yes to. */
export function SafetyFlags(props: { referral: Pick<Referral, 'safety'> }) {
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

export function VerdictTag(props: { referral: Pick<Referral, 'verdict'> }) {
  const meaning = meaningOfSent(props.referral.verdict);
  return <strong class={`tag tag-${verdictTone(meaning)}`}>{verdictHeadline(meaning)}</strong>;
}

export function patientName(referral: Pick<Shown, 'patient'>): string {
  return `${referral.patient.given} ${referral.patient.family}`;
}

export function nhsNumber(referral: Pick<Shown, 'patient'>): string {
  return formatNhsNumber(referral.patient.nhsNumber);
}
