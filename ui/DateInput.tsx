import type { ComponentChildren } from 'preact';
import type { DatePart, DateParts } from '../domain/clock/date-parts';
import { Fieldset } from './Field';

const BOXES: readonly { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/**
 * A date as the NHS design system asks for one: day, month and year boxes (numeric keypad) under one legend, never a
 * browser date picker, which shows and reads dates in the browser's locale (07/03/1948 is 7 March in the UK). One error
 * for the group, its boxes marked; the first box in error (else the day) carries the group's id, so a link to the field
 * lands on it.
 */
export function DateInput({
  id,
  name,
  legend,
  hint = 'For example, 3 7 1948',
  value,
  error,
  note,
  disabled,
  onInput,
  children,
}: {
  id: string;
  /** The boxes' names are `<name>-day`, `<name>-month` and `<name>-year` (a server-rendered form posts them). */
  name: string;
  legend: ComponentChildren;
  hint?: string;
  value: DateParts;
  error?: { message: string; parts: readonly DatePart[] };
  /** Said after the hint, before the error. */
  note?: ComponentChildren;
  disabled?: boolean;
  onInput?: (value: DateParts) => void;
  /** Shown under the boxes: for example the date read back in words. */
  children?: ComponentChildren;
}) {
  const focus = error?.parts[0] ?? 'day';
  return (
    <Fieldset
      id={id}
      legend={legend}
      hint={hint}
      errors={error ? [error.message] : undefined}
      note={note}
      disabled={disabled}
    >
      <div class="nhsuk-date-input">
        {BOXES.map(({ part, label, width }) => {
          const boxId = part === focus ? id : `${id}-${part}`;
          const wrong = error?.parts.includes(part) ?? false;
          return (
            <div class="nhsuk-date-input__item" key={part}>
              <label class="nhsuk-label nhsuk-date-input__label" for={boxId}>
                {label}
              </label>
              <input
                id={boxId}
                name={`${name}-${part}`}
                class={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${wrong ? ' nhsuk-input--error' : ''}`}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={value[part]}
                aria-invalid={wrong ? 'true' : undefined}
                onInput={(event) => onInput?.({ ...value, [part]: event.currentTarget.value })}
              />
            </div>
          );
        })}
      </div>
      {children}
    </Fieldset>
  );
}
