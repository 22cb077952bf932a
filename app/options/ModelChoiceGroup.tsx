import { controlId } from '../../domain/model-form/field-errors';
import { valueAt } from '../../domain/model-form/paths';
import { type Choice, ChoiceGroup } from '../../ui/ChoiceGroup';
import type { OptionsState } from './options-state';

/** A list field of the model being edited as checkboxes, or a one-value field as radios. */
export function ModelChoiceGroup({
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
  const current = valueAt(state.form.value, field);
  const chosen = (value: string) =>
    multiple ? Array.isArray(current) && current.includes(value) : String(current) === value;
  const change = (value: string, checked: boolean) => {
    if (!multiple) return state.setField(field, value === 'true' ? true : value === 'false' ? false : value);
    const list = Array.isArray(current) ? (current as string[]) : [];
    // Keep the catalogue's order whatever order things were ticked in.
    const next = choices.map((choice) => choice.value).filter((v) => (v === value ? checked : list.includes(v)));
    state.setField(field, next);
  };
  return (
    <ChoiceGroup
      id={controlId(field)}
      name={field}
      legend={legend}
      hint={hint}
      errors={state.placed.value.byField.get(field)}
      choices={choices}
      multiple={multiple}
      disabled={state.modelLocked.value}
      chosen={chosen}
      onChange={change}
    />
  );
}
