import type { ComponentChildren } from 'preact';
import { Fieldset } from './Field';

export type Choice = { value: string; label: string; hint?: string };

/**
 * A fieldset of checkboxes (`multiple`) or radios, with its legend, hint and error. The first control carries the
 * group's id, so an error summary's link lands on it.
 */
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  errors,
  choices,
  multiple,
  columns,
  disabled,
  chosen,
  onChange,
}: {
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: string;
  errors?: readonly string[];
  choices: readonly Choice[];
  multiple: boolean;
  /** A long list of short choices, in two columns where there is room. */
  columns?: boolean;
  disabled?: boolean;
  chosen: (value: string) => boolean;
  /** None on a page rendered on the server, which posts the form instead. */
  onChange?: (value: string, checked: boolean) => void;
}) {
  const kind = multiple ? 'nhsuk-checkboxes' : 'nhsuk-radios';
  return (
    <Fieldset id={id} legend={legend} hint={hint} errors={errors} disabled={disabled}>
      <div class={columns ? `${kind} ui-columns` : kind}>
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${index}`;
          return (
            <div class={`${kind}__item`} key={choice.value}>
              <input
                class={`${kind}__input`}
                id={choiceId}
                name={name}
                type={multiple ? 'checkbox' : 'radio'}
                value={choice.value}
                checked={chosen(choice.value)}
                aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                onChange={onChange && ((event) => onChange(choice.value, event.currentTarget.checked))}
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
    </Fieldset>
  );
}
