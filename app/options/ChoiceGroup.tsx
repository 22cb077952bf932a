import { controlId } from '../../domain/model-form/field-errors';
import { valueAt } from '../../domain/model-form/paths';
import type { OptionsState } from './options-state';

export type Choice = { value: string; label: string; hint?: string };

/**
 * A fieldset of checkboxes (a list field) or radios (one value) for the model being edited, with its legend, hint and
 * error. The first control carries the field's id, so the error summary's link lands on it.
 */
export function ChoiceGroup({
  state,
  field,
  legend,
  hint,
  choices,
  multiple,
}: {
  state: OptionsState;
  field: string;
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  multiple: boolean;
}) {
  const id = controlId(field);
  const errors = state.placed.value.byField.get(field);
  const current = valueAt(state.form.value, field);
  const selected = (value: string) =>
    multiple ? Array.isArray(current) && current.includes(value) : String(current) === value;
  const describe = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const toggle = (value: string, checked: boolean) => {
    if (!multiple) return state.setField(field, value === 'true' ? true : value === 'false' ? false : value);
    const list = Array.isArray(current) ? (current as string[]) : [];
    // Keep the catalogue's order whatever order things were ticked in.
    const next = choices.map((choice) => choice.value).filter((v) => (v === value ? checked : list.includes(v)));
    state.setField(field, next);
  };
  return (
    <div class={`nhsuk-form-group${errors?.length ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describe || undefined} disabled={state.modelLocked.value}>
        <legend class="nhsuk-fieldset__legend">{legend}</legend>
        {hint && (
          <div class="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {errors?.map((message) => (
          <p class="nhsuk-error-message" id={`${id}-error`} key={message}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {message}
          </p>
        ))}
        <div class={multiple ? 'nhsuk-checkboxes' : 'nhsuk-radios'}>
          {choices.map((choice, index) => {
            const choiceId = index === 0 ? id : `${id}-${index}`;
            return (
              <div class={multiple ? 'nhsuk-checkboxes__item' : 'nhsuk-radios__item'} key={choice.value}>
                <input
                  class={multiple ? 'nhsuk-checkboxes__input' : 'nhsuk-radios__input'}
                  id={choiceId}
                  name={field}
                  type={multiple ? 'checkbox' : 'radio'}
                  value={choice.value}
                  checked={selected(choice.value)}
                  aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                  onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
                />
                <label class="nhsuk-label" for={choiceId}>
                  {choice.label}
                </label>
                {choice.hint && (
                  <div class="nhsuk-hint nhsuk-choice-hint" id={`${choiceId}-hint`}>
                    {choice.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
