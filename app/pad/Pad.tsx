import { useEffect, useRef } from 'preact/hooks';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { contactNeedsEntry, patientNeedsEntry, referrerNeedsEntry } from '../../domain/pad/section-lines';
import { NO_OUTBOX_NOTICE } from '../../domain/pad/send-block';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Collapsible } from './Collapsible';
import { ConsentSection } from './ConsentSection';
import { ContactSection } from './ContactSection';
import { NeedsSection } from './NeedsSection';
import { ContactLine, ReferrerLine } from './OptionalLines';
import { PatientLine } from './PatientLine';
import { PatientSection } from './PatientSection';
import type { PadState } from './pad-state';
import { ReferrerSection } from './ReferrerSection';
import { SafetySection } from './SafetySection';
import { SendBar } from './SendBar';
import { SentPanel } from './SentPanel';
import { SentView } from './SentView';
import { ServiceChoice } from './ServiceChoice';
import { VerdictPanel } from './VerdictPanel';
import { WrongPatient } from './WrongPatient';

/**
 * Another patient on screen: the pad goes to its top, where whose draft this is (and any guard) is said. Not when the
 * banner only blinks (no patient for a moment, then the same one): that would move the field being typed in away.
 */
function useTopForNewPatient(patientOnScreen: string | undefined): void {
  const last = useRef(patientOnScreen);
  useEffect(() => {
    if (!patientOnScreen || patientOnScreen === last.current) return;
    if (last.current !== undefined) document.scrollingElement?.scrollTo({ top: 0 });
    last.current = patientOnScreen;
  }, [patientOnScreen]);
}

/**
 * The prescription pad: one referral, top to bottom in the order a consultation goes, with what is already known (the
 * patient from the record, the remembered referrer) folded into single lines, and the summary bar with Send at its foot.
 */
export function Pad({ state }: { state: PadState }) {
  const sent = state.sent.value;
  useTopForNewPatient(state.record.value?.recordKey);
  return (
    <main class="pad" aria-labelledby="pad-title">
      <header class="pad-header">
        <h1 id="pad-title">Social prescribing referral</h1>
      </header>
      {state.open.value === undefined ? (
        <p class="pad-loading" role="status">
          Opening the referral…
        </p>
      ) : sent ? (
        <SentView sent={sent} state={state} />
      ) : (
        <>
          <WrongPatient state={state} />
          {/* While another patient is on screen the draft is read-only: nothing typed or pressed reaches it. */}
          <form
            class={`pad-form${state.guarded.value ? ' pad-form--guarded' : ''}`}
            inert={state.guarded.value}
            onSubmit={(event) => event.preventDefault()}
            noValidate
          >
            {state.outboxAvailable.value === false && (
              <p class="pad-warning" id="pad-no-outbox" role="alert">
                {NO_OUTBOX_NOTICE}
              </p>
            )}
            <ErrorSummary
              id="pad-error-summary"
              title="There is a problem"
              items={state.problems.value.map((problem) => ({
                message: problem.message,
                target: fieldId(problem.field),
              }))}
            />
            {state.notice.value && (
              <p class="pad-warning" role="alert">
                {state.notice.value}
              </p>
            )}
            <Collapsible state={state} mustOpen={patientNeedsEntry} Line={PatientLine}>
              <PatientSection state={state} />
            </Collapsible>
            <NeedsSection state={state} />
            <SafetySection state={state} />
            <ServiceChoice state={state} />
            <VerdictPanel state={state} />
            <Collapsible state={state} mustOpen={contactNeedsEntry} Line={ContactLine}>
              <ContactSection state={state} />
            </Collapsible>
            <ConsentSection state={state} />
            <Collapsible state={state} mustOpen={referrerNeedsEntry} Line={ReferrerLine}>
              <ReferrerSection state={state} />
            </Collapsible>
          </form>
          <SentPanel state={state} />
          {/* Outside the form: a guarded form is inert and greyed, and the bar must still say why Send is off. Last,
              as it is seen: fixed at the pad's foot. */}
          <SendBar state={state} />
        </>
      )}
    </main>
  );
}
