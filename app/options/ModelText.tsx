import { controlId } from '../../domain/model-form/field-errors';
import { valueAt } from '../../domain/model-form/paths';
import { describedBy, Field } from '../../ui/Field';
import type { OptionsState } from './options-state';

/** A text box (or text area) for one field of the model being edited, its error beside it. */
export function ModelText({
  state,
  field,
  label,
  hint,
  multiline = false,
  width,
}: {
  state: OptionsState;
  field: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  width?: 'short' | 'medium';
}) {
  const id = controlId(field);
  const errors = state.placed.value.byField.get(field);
  const value = String(valueAt(state.form.value, field) ?? '');
  const common = {
    id,
    name: field,
    value,
    disabled: state.modelLocked.value,
    'aria-describedby': describedBy(id, hint, errors),
    'aria-invalid': errors?.length ? true : undefined,
    onInput: (event: Event) => state.setField(field, (event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {multiline ? (
        <textarea class="nhsuk-textarea" rows={4} {...common} />
      ) : (
        <input class={`nhsuk-input${width ? ` nhsuk-input--${width}` : ''}`} {...common} type="text" />
      )}
    </Field>
  );
}
