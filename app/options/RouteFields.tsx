import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';

/** Where to send someone instead: the service, how to contact it, and guidance for the referrer. */
export function RouteFields({
  state,
  base,
  legend,
  hint,
}: {
  state: OptionsState;
  base: string;
  legend: string;
  hint?: string;
}) {
  return (
    <fieldset class="nhsuk-fieldset options-route">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
      {hint && <div class="nhsuk-hint">{hint}</div>}
      <ModelText state={state} field={`${base}.service`} label="Service" />
      <ModelText state={state} field={`${base}.contact`} label="How to contact it" />
      <ModelText state={state} field={`${base}.guidance`} label="Guidance for the referrer (optional)" multiline />
      <ModelText
        state={state}
        field={`${base}.serviceId`}
        label="The service’s id in the practice’s directory (optional)"
        hint="For example kingsmead-valley-pcn-sp: the pad then offers to refer there in one press."
        width="medium"
      />
    </fieldset>
  );
}
