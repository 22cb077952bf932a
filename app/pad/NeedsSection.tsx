import { needsInScope } from '../../domain/criteria';
import { optional } from '../../domain/pad/field-labels';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { NEEDS } from '../../domain/referral/needs';
import type { PadState } from './pad-state';
import { TextArea } from './TextArea';

/** Needs as toggle chips (one press each), and the patient's own words on what matters to them. */
export function NeedsSection({ state }: { state: PadState }) {
  const { needs, whatMatters } = state.draft.value;
  const model = state.model.value;
  const inScope = model ? needsInScope(model) : undefined;
  const error = state.problems.value.find((problem) => problem.field === 'needs')?.message;
  const toggle = (code: string) =>
    state.update((draft) => ({
      ...draft,
      needs: draft.needs.includes(code) ? draft.needs.filter((need) => need !== code) : [...draft.needs, code],
    }));
  return (
    <fieldset class={`pad-section${error ? ' pad-field--error' : ''}`} aria-describedby="pad-needs-hint">
      <legend>
        <h2>Needs</h2>
      </legend>
      <p class="pad-hint" id="pad-needs-hint">
        Choose all that apply.{inScope ? ' Needs outside the agreed model are marked.' : ''}
      </p>
      {error && <p class="pad-error-message">{error}</p>}
      <div class="pad-chips">
        {NEEDS.map((need, index) => {
          const pressed = needs.includes(need.code);
          const outside = inScope && !inScope.includes(need.code);
          return (
            <button
              key={need.code}
              id={index === 0 ? fieldId('needs') : undefined}
              type="button"
              class={`pad-chip${pressed ? ' pad-chip--on' : ''}`}
              aria-pressed={pressed ? 'true' : 'false'}
              data-need={need.code}
              onClick={() => toggle(need.code)}
            >
              {need.label}
              {outside && <span class="pad-chip__note"> (outside the model)</span>}
            </button>
          );
        })}
      </div>
      <TextArea
        path="whatMatters"
        label={`What matters to the patient${optional(state.model.value, 'whatMatters')}`}
        hint="In their words: what they would like to be different."
        value={whatMatters}
        onInput={(value) => state.update((draft) => ({ ...draft, whatMatters: value }))}
      />
    </fieldset>
  );
}
