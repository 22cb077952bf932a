import type { ComponentChildren } from 'preact';

/**
 * A labelled form group in the NHS pattern: label, hint, the error beside the field (red bar, "Error:" for screen
 * readers), then the control. The control itself gets `describedBy` and `invalid` from the caller.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  children: ComponentChildren;
}) {
  return (
    <div class={`nhsuk-form-group${errors?.length ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
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
      {children}
    </div>
  );
}

/** The ids a control is described by: its hint and its error, when shown. */
export function describedBy(id: string, hint: string | undefined, errors: readonly string[] | undefined) {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
