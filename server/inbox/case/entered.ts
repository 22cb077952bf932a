import type { DateParts } from '../../../domain/clock/date-parts';

/** A case form as posted (`parseBody({ all: true })`): each field's text, or texts for checkboxes; kept to show again. */
export type Entered = Record<string, string | string[]>;

/** What is wrong, and where (a control's id); for a date, which of its boxes. */
export type { Problem } from '../../services/read-forms';

export function enteredForm(form: Record<string, unknown>): Entered {
  const entered: Entered = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'string') entered[name] = value;
    else if (Array.isArray(value)) entered[name] = value.filter((item): item is string => typeof item === 'string');
  }
  return entered;
}

/** One field's text as typed, trimmed ('' when missing; the first when a text field was posted twice). */
export function text(entered: Entered, name: string): string {
  const value = entered[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Every value posted under a name: the boxes ticked. */
export function values(entered: Entered, name: string): string[] {
  const value = entered[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The day, month and year boxes of the NHS date input named `name`. */
export function dateBoxes(entered: Entered, name: string): DateParts {
  return {
    day: text(entered, `${name}-day`),
    month: text(entered, `${name}-month`),
    year: text(entered, `${name}-year`),
  };
}
