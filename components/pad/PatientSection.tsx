import { editField, type TextField } from '../../lib/pad/record-fields';
import { fieldId } from '../../lib/pad/referral-from-draft';
import { nhsNumberProblem } from '../../lib/referral/nhs-number';
import { SEXES } from '../../lib/referral/patient';
import { PatientTextField } from './PatientTextField';
import { Provenance } from './Provenance';
import type { PadState } from './pad-state';

const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not known',
};

/** The patient, pre-filled from the record on screen and editable; the NHS number is checked as it is typed. */
export function PatientSection({ state }: { state: PadState }) {
  const draft = state.draft.value;
  const { patient, provenance } = draft;
  const record = state.record.value ?? undefined;
  const problemFor = (path: string) => state.problems.value.find((problem) => problem.field === path)?.message;
  const edit = (field: TextField) => (value: string) =>
    state.update((current) => editField(current, field, value, record));
  const nhs = patient.nhsNumber ?? '';
  const nhsProblem = nhs.trim() ? nhsNumberProblem(nhs) : undefined;

  return (
    <fieldset class="pad-section">
      <legend>
        <h2>Patient</h2>
      </legend>
      {!record && <p class="pad-hint">No patient record is readable on screen: type the patient’s details.</p>}
      <div class="pad-row">
        <PatientTextField
          path="patient.given"
          label="Given name"
          value={patient.given ?? ''}
          source={provenance.given}
          error={problemFor('patient.given')}
          onInput={edit('given')}
        />
        <PatientTextField
          path="patient.family"
          label="Family name"
          value={patient.family ?? ''}
          source={provenance.family}
          error={problemFor('patient.family')}
          onInput={edit('family')}
        />
      </div>
      <PatientTextField
        path="patient.nhsNumber"
        label="NHS number"
        value={nhs}
        source={provenance.nhsNumber}
        inputMode="numeric"
        error={nhsProblem ?? problemFor('patient.nhsNumber')}
        hint={
          nhs.trim() && !nhsProblem ? (
            <span class="pad-check" role="status">
              Checked: a valid NHS number
            </span>
          ) : (
            '10 digits, for example 943 476 5919'
          )
        }
        onInput={edit('nhsNumber')}
      />
      <div class="pad-row">
        <PatientTextField
          path="patient.dateOfBirth"
          label="Date of birth"
          type="date"
          value={patient.dateOfBirth ?? ''}
          source={provenance.dateOfBirth}
          error={problemFor('patient.dateOfBirth')}
          onInput={edit('dateOfBirth')}
        />
        <div class={`pad-field${problemFor('patient.sex') ? ' pad-field--error' : ''}`}>
          <div class="pad-label-row">
            <label for={fieldId('patient.sex')}>Sex</label>
            <Provenance id={`${fieldId('patient.sex')}-source`} source={provenance.sex} />
          </div>
          {problemFor('patient.sex') && <p class="pad-error-message">{problemFor('patient.sex')}</p>}
          <select
            id={fieldId('patient.sex')}
            class="pad-select"
            aria-describedby={provenance.sex ? `${fieldId('patient.sex')}-source` : undefined}
            value={patient.sex ?? ''}
            onChange={(event) => edit('sex')(event.currentTarget.value)}
          >
            <option value="">Choose</option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {SEX_LABELS[sex]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PatientTextField
        path="patient.phone"
        label="Phone"
        type="tel"
        value={patient.phone ?? ''}
        source={provenance.phone}
        error={problemFor('patient.phone')}
        onInput={edit('phone')}
      />
      <div class="pad-row">
        <PatientTextField
          path="patient.email"
          label="Email (optional)"
          type="email"
          value={patient.email ?? ''}
          source={provenance.email}
          error={problemFor('patient.email')}
          onInput={edit('email')}
        />
        <PatientTextField
          path="patient.postcode"
          label="Postcode"
          value={patient.postcode ?? ''}
          source={provenance.postcode}
          error={problemFor('patient.postcode')}
          onInput={edit('postcode')}
        />
      </div>
    </fieldset>
  );
}
