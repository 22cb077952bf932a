import { useLayoutEffect, useRef } from 'preact/hooks';
import { meaningOfVerdict, verdictHeadline, verdictTone } from '../../domain/criteria/verdict-words';
import { patientInBrief } from '../../domain/pad/section-lines';
import { ChosenService } from './ChosenService';
import type { PadState } from './pad-state';

/**
 * The pad's bar keeps its height in `--pad-bar-height` on the root: the pad leaves that much room below its last
 * field, and the page's scroll padding keeps a focused field above the bar, never under it.
 */
function useBarHeight(bar: { current: HTMLElement | null }): void {
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--pad-bar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--pad-bar-height');
    };
  }, [bar]);
}

function draftStatus(state: PadState): string {
  if (state.saveFailed.value) return '';
  if (state.draftStatus.value === 'saving') return 'Saving draft…';
  return state.draftStatus.value === 'saved' ? 'Draft saved in this browser' : '';
}

/**
 * The summary bar, always in view at the pad's foot: whom the referral is for, the verdict in the headline's words,
 * and Send — disabled, with the reason beside it, until the referral can go ("Saved" is said only once the outbox has
 * it). While another patient is on screen it says so, and Send is off.
 */
export function SendBar({ state }: { state: PadState }) {
  const bar = useRef<HTMLElement>(null);
  useBarHeight(bar);
  const reason = state.blocked.value;
  const sending = state.phase.value === 'sending';
  const verdict = state.verdict.value;
  const meaning = verdict && meaningOfVerdict(verdict, state.draft.value.overrideReason);
  const headline = state.guarded.value
    ? 'Check the patient: the record shows someone else'
    : meaning && verdictHeadline(meaning);
  const tone = state.guarded.value ? 'red' : meaning && verdictTone(meaning);
  // "Not complete yet: 2 things still needed …" already says the verdict: it is not said twice.
  const saysVerdict = headline !== undefined && !reason?.startsWith(headline);
  return (
    <section class="pad-bar" aria-label="Summary and Send" ref={bar}>
      <div class="pad-bar__row">
        <p class="pad-bar__patient">
          <strong>{patientInBrief(state.draft.value.patient)}</strong>{' '}
          <span class="pad-hint pad-draft-status" role="status">
            {draftStatus(state)}
          </span>
        </p>
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
      </div>
      <ChosenService state={state} />
      {saysVerdict && <p class={`pad-bar__verdict pad-bar__verdict--${tone}`}>{headline}</p>}
      {reason && (
        <p class="pad-send__reason" id="pad-send-reason">
          {reason}
        </p>
      )}
      {state.saveFailed.value && (
        <p class="pad-error-message" role="alert">
          Your draft could not be saved in this browser. Keep the pad open and send when ready.
        </p>
      )}
    </section>
  );
}
