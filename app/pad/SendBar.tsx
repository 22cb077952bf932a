import { ChosenService } from './ChosenService';
import type { PadState } from './pad-state';

/** Send, disabled with the reason beside it until the referral can go; "Saved" is said only once the outbox has it. */
export function SendBar({ state }: { state: PadState }) {
  const reason = state.blocked.value;
  const sending = state.phase.value === 'sending';
  return (
    <div class="pad-send">
      <ChosenService state={state} />
      {reason && (
        <p class="pad-send__reason" id="pad-send-reason">
          {reason}
        </p>
      )}
      <button
        type="button"
        id="pad-send"
        class="pad-button pad-button--send"
        disabled={reason !== undefined || sending}
        aria-describedby={reason ? 'pad-send-reason' : undefined}
        onClick={() => void state.send()}
      >
        {sending ? 'Saving…' : 'Send referral'}
      </button>
      <p class="pad-hint pad-draft-status" role="status">
        {state.saveFailed.value
          ? ''
          : state.draftStatus.value === 'saving'
            ? 'Saving draft…'
            : state.draftStatus.value === 'saved'
              ? 'Draft saved in this browser'
              : ''}
      </p>
      {state.saveFailed.value && (
        <p class="pad-error-message" role="alert">
          Your draft could not be saved in this browser. Keep the pad open and send when ready.
        </p>
      )}
    </div>
  );
}
