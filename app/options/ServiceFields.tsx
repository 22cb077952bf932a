import { MODEL_KINDS } from '../../domain/model/model';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';

/** The model's name and kind, and the service it describes. */
export function ServiceFields({ state }: { state: OptionsState }) {
  return (
    <section class="options-card" aria-labelledby="model-service-heading">
      <h3 id="model-service-heading">The model and the service</h3>
      <ModelText state={state} field="name" label="Model name" />
      <ModelText
        state={state}
        field="id"
        label="Model id"
        hint="Stays the same across versions: lower-case letters, digits and dashes."
        width="medium"
      />
      <ModelChoiceGroup
        state={state}
        field="kind"
        legend="Kind of model"
        multiple={false}
        choices={MODEL_KINDS.map((kind) => ({ value: kind.kind, label: kind.label, hint: kind.explanation }))}
      />
      <ModelText state={state} field="service.name" label="Service name" />
      <ModelText state={state} field="service.contact" label="How to contact the service" />
      <ModelText
        state={state}
        field="service.whatHappensNext"
        label="What happens next (optional)"
        hint="Told to the patient on their slip."
        multiline
      />
    </section>
  );
}
