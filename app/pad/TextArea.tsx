import { fieldId } from '../../domain/pad/referral-from-draft';

/** A labelled box for a few lines in the referrer's own words, with the hint that says what to write. */
export function TextArea(props: {
  path: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const id = fieldId(props.path);
  return (
    <div class="pad-field">
      <label for={id}>{props.label}</label>
      <div class="pad-hint" id={`${id}-hint`}>
        {props.hint}
      </div>
      <textarea
        id={id}
        class="pad-textarea"
        rows={2}
        value={props.value}
        aria-describedby={`${id}-hint`}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}
