import { partsOf, partsText } from '../../domain/clock/date-parts';
import { controlId } from '../../domain/model-form/field-errors';
import { valueAt } from '../../domain/model-form/paths';
import { DateInput } from '../../ui/DateInput';
import type { OptionsState } from './options-state';

/** A date of the model being edited (agreed on, review by) as day, month and year boxes, its error beside it. */
export function ModelDate({
  state,
  field,
  label,
  hint,
}: {
  state: OptionsState;
  field: string;
  label: string;
  hint?: string;
}) {
  const id = controlId(field);
  const message = state.placed.value.byField.get(field)?.[0];
  return (
    <DateInput
      id={id}
      name={field}
      legend={label}
      hint={hint ? `${hint} For example, 1 4 2026.` : 'For example, 1 4 2026'}
      value={partsOf(String(valueAt(state.form.value, field) ?? ''))}
      error={message ? { message, parts: ['day', 'month', 'year'] } : undefined}
      disabled={state.modelLocked.value}
      onInput={(parts) => state.setField(field, partsText(parts))}
    />
  );
}
