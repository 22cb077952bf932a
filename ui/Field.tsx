import type { ComponentChildren } from 'preact';

type GroupProps = {
  id: string;
  hint?: string;
  errors?: readonly string[];
  /** Said after the hint, before the error: for example that policy sets this value. */
  note?: ComponentChildren;
  children: ComponentChildren;
};

/** The ids a control is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: string | undefined, errors: readonly string[] | undefined) {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** The hint, note and errors under a label or legend: the error in red, "Error:" for screen readers. */
function HintAndErrors({ id, hint, errors, note }: Omit<GroupProps, 'children'>) {
  return (
    <>
      {hint && (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {note}
      {errors?.map((message) => (
        <p class="nhsuk-error-message" id={`${id}-error`} key={message}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {message}
        </p>
      ))}
    </>
  );
}

function groupClass(errors: readonly string[] | undefined): string {
  return `nhsuk-form-group${errors?.length ? ' nhsuk-form-group--error' : ''}`;
}

/**
 * A labelled form group in the NHS pattern: label, hint, the error beside the field (red bar), then the control. The
 * control itself gets `describedBy` and `invalid` from the caller.
 */
export function Field({ id, label, hint, errors, note, children }: GroupProps & { label: string }) {
  return (
    <div class={groupClass(errors)}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <HintAndErrors id={id} hint={hint} errors={errors} note={note} />
      {children}
    </div>
  );
}

/** A group of controls under one legend (NHS fieldset pattern), described by its hint and error. */
export function Fieldset({
  id,
  legend,
  hint,
  errors,
  note,
  disabled,
  children,
}: GroupProps & { legend: ComponentChildren; disabled?: boolean }) {
  return (
    <div class={groupClass(errors)}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(id, hint, errors)} disabled={disabled}>
        <legend class="nhsuk-fieldset__legend">{legend}</legend>
        <HintAndErrors id={id} hint={hint} errors={errors} note={note} />
        {children}
      </fieldset>
    </div>
  );
}
