import { optional } from '../../domain/pad/field-labels';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { ACCESS_NEEDS, CONTACT_MODES } from '../../domain/referral/patient';
import type { PadState } from './pad-state';

function toggled(list: string[] | undefined, code: string): string[] {
  const current = list ?? [];
  return current.includes(code) ? current.filter((item) => item !== code) : [...current, code];
}

/** A question answered by ticking any of its choices. */
function Checkboxes(props: {
  legend: string;
  choices: readonly { code: string; label: string }[];
  chosen: readonly string[] | undefined;
  onToggle: (code: string) => void;
}) {
  return (
    <fieldset class="pad-question">
      <legend>{props.legend}</legend>
      <div class="pad-checkboxes">
        {props.choices.map((choice) => (
          <label key={choice.code} class="pad-checkbox">
            <input
              type="checkbox"
              checked={(props.chosen ?? []).includes(choice.code)}
              onChange={() => props.onToggle(choice.code)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** How the link worker should make contact, an interpreter if one is needed, and access needs. */
export function ContactSection({ state }: { state: PadState }) {
  const { patient } = state.draft.value;
  const offered = state.model.value?.contactModes;
  const modes = offered ? CONTACT_MODES.filter((mode) => offered.includes(mode.code)) : CONTACT_MODES;
  const setPatient = (change: Partial<typeof patient>) =>
    state.update((draft) => ({ ...draft, patient: { ...draft.patient, ...change } }));
  const text = (field: 'contactTimes' | 'interpreterLanguage', label: string) => (
    <div class="pad-field">
      <label for={fieldId(`patient.${field}`)}>{label}</label>
      <input
        id={fieldId(`patient.${field}`)}
        class="pad-input"
        value={patient[field] ?? ''}
        onInput={(event) => setPatient({ [field]: event.currentTarget.value })}
      />
    </div>
  );
  return (
    <section class="pad-section" aria-labelledby="pad-contact-title">
      <h2 id="pad-contact-title">Contact and access</h2>
      <Checkboxes
        legend="How the patient would like to be contacted (optional)"
        choices={modes}
        chosen={patient.contactModes}
        onToggle={(code) => setPatient({ contactModes: toggled(patient.contactModes, code) })}
      />
      {text('contactTimes', `Best times to contact${optional(state.model.value, 'contactTimes')}`)}
      {text('interpreterLanguage', 'Interpreter needed: language (leave blank if none)')}
      <Checkboxes
        legend="Access needs (optional)"
        choices={ACCESS_NEEDS}
        chosen={patient.accessNeeds}
        onToggle={(code) => setPatient({ accessNeeds: toggled(patient.accessNeeds, code) })}
      />
    </section>
  );
}
