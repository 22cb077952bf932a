import { REQUIRABLE_FIELDS } from '../../domain/model/model';
import { CONTACT_MODES } from '../../domain/referral/patient';
import { ModelChoiceGroup } from './ModelChoiceGroup';
import type { OptionsState } from './options-state';

const REQUIRED_LABELS: Record<(typeof REQUIRABLE_FIELDS)[number], string> = {
  phone: 'Phone number',
  email: 'Email address',
  postcode: 'Postcode',
  contactTimes: 'Best times to contact',
  whatMatters: 'What matters to the person',
};

/** What the referral must carry, how the service contacts people, and whether the boundary may be overridden. */
export function RequirementsFields({ state }: { state: OptionsState }) {
  return (
    <section class="options-card" aria-labelledby="model-requirements-heading">
      <h3 id="model-requirements-heading">What a referral needs</h3>
      <ModelChoiceGroup
        state={state}
        field="requiredFields"
        legend="Required details"
        hint="Name, NHS number, date of birth and sex are always required."
        choices={REQUIRABLE_FIELDS.map((field) => ({ value: field, label: REQUIRED_LABELS[field] }))}
        multiple
      />
      <ModelChoiceGroup
        state={state}
        field="contactModes"
        legend="Ways the service contacts people"
        choices={CONTACT_MODES.map((mode) => ({ value: mode.code, label: mode.label }))}
        multiple
      />
      <ModelChoiceGroup
        state={state}
        field="overridesAllowed"
        legend="May a referrer go ahead outside the agreed scope, giving a reason?"
        hint="Never for a safety question that redirects."
        choices={[
          { value: 'true', label: 'Yes, with a reason the link worker sees' },
          { value: 'false', label: 'No' },
        ]}
        multiple={false}
      />
    </section>
  );
}
