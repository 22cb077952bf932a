import { ModelChoiceGroup } from './ModelChoiceGroup';
import { ModelText } from './ModelText';
import type { OptionsState } from './options-state';
import { RouteFields } from './RouteFields';

/** Whether the service is taking referrals now. */
export function CapacityFields({ state }: { state: OptionsState }) {
  const status = state.form.value?.capacity.status;
  return (
    <section class="options-card" aria-labelledby="model-capacity-heading">
      <h3 id="model-capacity-heading">Capacity</h3>
      <ModelChoiceGroup
        state={state}
        field="capacity.status"
        legend="Is the service taking referrals?"
        multiple={false}
        choices={[
          { value: 'open', label: 'Open' },
          { value: 'waiting-list', label: 'Waiting list', hint: 'Referrers are told the typical wait.' },
          { value: 'paused', label: 'Paused', hint: 'Referrers are sent elsewhere.' },
        ]}
      />
      {status === 'waiting-list' && (
        <ModelText state={state} field="capacity.typicalWeeks" label="Typical wait in weeks" width="short" />
      )}
      {status === 'paused' && (
        <>
          <ModelText state={state} field="capacity.message" label="Message while paused (optional)" multiline />
          <RouteFields state={state} base="capacity.redirectTo" legend="While paused, refer to" />
        </>
      )}
    </section>
  );
}
