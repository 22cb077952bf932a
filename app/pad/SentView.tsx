import { useEffect, useRef, useState } from 'preact/hooks';
import { deliveryWatch } from '../../domain/outbox/overdue';
import { sentReferralView } from '../../domain/outbox/sent-wording';
import { patientSlip } from '../../domain/patient-slip/patient-slip';
import { clinicalRecordEntry } from '../../domain/record-entry/record-entry';
import { referralReference } from '../../domain/referral/reference';
import { PatientSlipView } from './PatientSlipView';
import type { PadState, Sent } from './pad-state';
import { RecordEntry } from './RecordEntry';
import { SentLists } from './SentReferrals';
import { useFreshStatuses, useSentReferrals } from './use-sent-referrals';

/**
 * False for the first render, true from the next: Preact runs effects once the frame is painted, so what waits for
 * this is drawn a frame after the rest.
 */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}

/**
 * After Send: the reference, the entry for the record, the patient slip to print, and a fresh start. "Saved" is
 * painted on its own first (the record entry, slip and lists took a frame more to build): the confirmation, its live
 * region and the focused heading are rendered once and never replaced, so a screen reader hears them once.
 */
export function SentView({ sent, state }: { sent: Sent; state: PadState }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const painted = usePaintedOnce();
  useFreshStatuses();
  const { referral, model } = sent;
  const forPatient = useSentReferrals({ nhsNumber: referral.patient.nhsNumber });
  const thisOne = forPatient.rows.find((row) => row.id === referral.id);
  const watch = deliveryWatch(state.settings.value);
  const live = thisOne && sentReferralView(thisOne, Date.now(), watch);
  return (
    <div class="pad-sent">
      <div class="pad-confirmation" role="status">
        <h2 tabIndex={-1} ref={heading} id="pad-sent-title">
          Saved — will be sent to {sent.model.service.name} as soon as it answers
        </h2>
        {live && (
          <p class="pad-live-status">
            Status: <strong>{live.state}</strong>
            {live.detail && <span>: {live.detail}</span>}
          </p>
        )}
        <p>
          Reference <strong class="pad-reference">{referralReference(referral.id)}</strong>. It is kept in this browser
          until {model.service.name}’s queue has it; the status above says when it has arrived, and Sent referrals shows
          it if it needs your attention.
        </p>
      </div>
      {painted && (
        <>
          <RecordEntry text={clinicalRecordEntry(referral, model)} />
          <button type="button" class="pad-button pad-button--secondary" onClick={() => window.print()}>
            Print the patient slip
          </button>
          <PatientSlipView slip={patientSlip(referral, model)} />
          <button type="button" class="pad-button" onClick={() => void state.startAgain()}>
            Start a new referral
          </button>
          <section class="pad-section" aria-labelledby="pad-sent-referrals">
            <h2 id="pad-sent-referrals">Sent referrals</h2>
            <SentLists nhsNumber={referral.patient.nhsNumber} patient={forPatient} watch={watch} />
          </section>
        </>
      )}
    </div>
  );
}
