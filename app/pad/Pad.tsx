import { fieldId } from '../../domain/pad/referral-from-draft';
import { NO_OUTBOX_NOTICE } from '../../domain/pad/send-block';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ConsentSection } from './ConsentSection';
import { ContactSection } from './ContactSection';
import { NeedsSection } from './NeedsSection';
import { PatientSection } from './PatientSection';
import type { PadState } from './pad-state';
import { ReferrerSection } from './ReferrerSection';
import { SafetySection } from './SafetySection';
import { SendBar } from './SendBar';
import { SentPanel } from './SentPanel';
import { SentView } from './SentView';
import { VerdictPanel } from './VerdictPanel';
import { WrongPatient } from './WrongPatient';

/** The prescription pad: one referral, top to bottom in the order a consultation goes. */
export function Pad({ state }: { state: PadState }) {
  const sent = state.sent.value;
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
        <form class="pad-form" onSubmit={(event) => event.preventDefault()} noValidate>
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
          <WrongPatient state={state} />
          <PatientSection state={state} />
          <NeedsSection state={state} />
          <SafetySection state={state} />
          <VerdictPanel state={state} />
          <ContactSection state={state} />
          <ConsentSection state={state} />
          <ReferrerSection state={state} />
          <SendBar state={state} />
        </form>
      )}
      {state.open.value !== undefined && !sent && <SentPanel state={state} />}
    </main>
  );
}
