import { optional } from '../../domain/pad/field-labels';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { ACCESS_NEEDS, CONTACT_MODES } from '../../domain/referral/patient';
import type { PadState } from './pad-state';

function toggled(list: string[] | undefined, code: string): string[] {
  const current = list ?? [];
  return current.includes(code) ? current.filter((item) => item !== code) : [...current, code];
}

/** How the link worker should make contact, an interpreter if one is needed, and access needs. */
export function ContactSection({ state }: { state: PadState }) {
  const { patient } = state.draft.value;
  const offered = state.model.value?.contactModes;
  const modes = offered ? CONTACT_MODES.filter((mode) => offered.includes(mode.code)) : CONTACT_MODES;
  const setPatient = (change: Partial<typeof patient>) =>
    state.update((draft) => ({ ...draft, patient: { ...draft.patient, ...change } }));
  return (
    <section class="pad-section" aria-labelledby="pad-contact-title">
      <h2 id="pad-contact-title">Contact and access</h2>
      <fieldset class="pad-question">
        <legend>How the patient would like to be contacted (optional)</legend>
        <div class="pad-checkboxes">
          {modes.map((mode) => (
            <label key={mode.code} class="pad-checkbox">
              <input
                type="checkbox"
                checked={(patient.contactModes ?? []).includes(mode.code)}
                onChange={() => setPatient({ contactModes: toggled(patient.contactModes, mode.code) })}
              />
              <span>{mode.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="pad-field">
        <label for={fieldId('patient.contactTimes')}>
          Best times to contact{optional(state.model.value, 'contactTimes')}
        </label>
        <input
          id={fieldId('patient.contactTimes')}
          class="pad-input"
          value={patient.contactTimes ?? ''}
          onInput={(event) => setPatient({ contactTimes: event.currentTarget.value })}
        />
      </div>
      <div class="pad-field">
        <label for={fieldId('patient.interpreterLanguage')}>Interpreter needed: language (leave blank if none)</label>
        <input
          id={fieldId('patient.interpreterLanguage')}
          class="pad-input"
          value={patient.interpreterLanguage ?? ''}
          onInput={(event) => setPatient({ interpreterLanguage: event.currentTarget.value })}
        />
      </div>
      <fieldset class="pad-question">
        <legend>Access needs (optional)</legend>
        <div class="pad-checkboxes">
          {ACCESS_NEEDS.map((need) => (
            <label key={need.code} class="pad-checkbox">
              <input
                type="checkbox"
                checked={(patient.accessNeeds ?? []).includes(need.code)}
                onChange={() => setPatient({ accessNeeds: toggled(patient.accessNeeds, need.code) })}
              />
              <span>{need.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
