import { needsInScope } from '../../domain/criteria';
import { optional } from '../../domain/pad/field-labels';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { NEEDS, needLabel } from '../../domain/referral/needs';
import type { PadState } from './pad-state';
import { TextArea } from './TextArea';

/** Chips for these needs, each pressed or not; the first need of all carries the id "still needed" links go to. */
function NeedChips(props: { codes: string[]; chosen: string[]; onToggle: (code: string) => void; first: boolean }) {
  return (
    <div class="pad-chips">
      {props.codes.map((code, index) => {
        const pressed = props.chosen.includes(code);
        return (
          <button
            key={code}
            id={props.first && index === 0 ? fieldId('needs') : undefined}
            type="button"
            class={`pad-chip${pressed ? ' pad-chip--on' : ''}`}
            aria-pressed={pressed ? 'true' : 'false'}
            data-need={code}
            onClick={() => props.onToggle(code)}
          >
            {needLabel(code)}
          </button>
        );
      })}
    </div>
  );
}

/** Needs as toggle chips (one press each), and the patient's own words on what matters to them. */
export function NeedsSection({ state }: { state: PadState }) {
  const { needs, whatMatters } = state.draft.value;
  const model = state.model.value;
  const inScope = model ? needsInScope(model) : undefined;
  // The model's own needs first; the others folded after them, under one label rather than a note on each chip.
  const inModel = NEEDS.filter((need) => !inScope || inScope.includes(need.code)).map((need) => need.code);
  const outside = NEEDS.filter((need) => !inModel.includes(need.code)).map((need) => need.code);
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
      <p class="pad-visually-hidden" id="pad-needs-hint">
        Choose all that apply.
      </p>
      {error && <p class="pad-error-message">{error}</p>}
      <NeedChips codes={inModel} chosen={needs} onToggle={toggle} first />
      {outside.length > 0 && (
        // Folded (one press opens it), and open by itself while one of them is chosen: never a chosen need out of sight.
        <details class="pad-needs-outside" open={outside.some((code) => needs.includes(code)) || undefined}>
          <summary>Show {outside.length} needs outside the agreed model</summary>
          <NeedChips codes={outside} chosen={needs} onToggle={toggle} first={inModel.length === 0} />
        </details>
      )}
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
