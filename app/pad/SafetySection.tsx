import { fieldId } from '../../domain/pad/referral-from-draft';
import { SAFETY_FLAGS, SAFETY_QUESTIONS, type SafetyFlag } from '../../domain/referral/safety';
import type { PadState } from './pad-state';

/** The five safety questions, each a yes/no pair, and one button to answer No to those not yet answered. */
export function SafetySection({ state }: { state: PadState }) {
  const { safety } = state.draft.value;
  const unanswered = SAFETY_FLAGS.filter((flag) => safety[flag] === undefined);
  const answer = (flag: SafetyFlag, value: boolean) =>
    state.update((draft) => ({ ...draft, safety: { ...draft.safety, [flag]: value } }));
  const noToRest = () =>
    state.update((draft) => ({
      ...draft,
      safety: { ...Object.fromEntries(unanswered.map((flag) => [flag, false])), ...draft.safety },
    }));
  return (
    <section class="pad-section" aria-labelledby="pad-safety-title">
      <h2 id="pad-safety-title">Safety questions</h2>
      <p class="pad-hint">A yes may mean another service is safer.</p>
      {SAFETY_QUESTIONS.map(({ flag, question }) => {
        const error = state.problems.value.find((problem) => problem.field === `safety.${flag}`)?.message;
        return (
          <fieldset key={flag} class={`pad-question pad-question--yes-no${error ? ' pad-field--error' : ''}`}>
            <legend>{question}</legend>
            {error && <p class="pad-error-message">{error}</p>}
            <div class="pad-radios">
              {([true, false] as const).map((yes) => (
                <label class="pad-radio" key={String(yes)}>
                  <input
                    id={yes ? fieldId(`safety.${flag}`) : undefined}
                    type="radio"
                    name={`safety-${flag}`}
                    value={yes ? 'yes' : 'no'}
                    checked={safety[flag] === yes}
                    onChange={() => answer(flag, yes)}
                  />
                  <span>{yes ? 'Yes' : 'No'}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {unanswered.length > 0 && (
        <button type="button" class="pad-button pad-button--secondary" id="pad-safety-no-to-rest" onClick={noToRest}>
          {unanswered.length === SAFETY_FLAGS.length
            ? 'No to all five safety questions'
            : `No to the ${unanswered.length} unanswered question${unanswered.length > 1 ? 's' : ''}`}
        </button>
      )}
    </section>
  );
}
