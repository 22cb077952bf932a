import type { ComponentChildren } from 'preact';
import { fieldId } from '../../domain/pad/referral-from-draft';
import type { Provenance as Source } from '../../domain/referral/patient';
import { Provenance } from './Provenance';

type Props = {
  path: string;
  label: string;
  value: string;
  source?: Source;
  /** What the record shows here that could not be read, when it does. */
  unread?: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
  hint?: ComponentChildren;
  error?: string;
  onInput: (value: string) => void;
};

/** One labelled text control with where its value came from, its hint and its error (NHS form-group pattern). */
export function TextInput({
  path,
  label,
  value,
  source,
  unread,
  type = 'text',
  autocomplete,
  inputMode,
  hint,
  error,
  onInput,
}: Props) {
  const id = fieldId(path);
  const describedBy =
    [source || unread !== undefined ? `${id}-source` : '', hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class={`pad-field${error ? ' pad-field--error' : ''}`}>
      <div class="pad-label-row">
        <label for={id}>{label}</label>
        <Provenance id={`${id}-source`} source={source} unread={unread} />
      </div>
      {hint && (
        <div class="pad-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="pad-error-message" id={`${id}-error`}>
          <span class="pad-visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={path.split('.').at(-1)}
        class="pad-input"
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete ?? 'off'}
        inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
