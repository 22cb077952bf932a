import { optional } from '../../domain/pad/field-labels';
import { editField, type TextField, unreadableInRecord } from '../../domain/pad/record-fields';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { nhsNumberProblem } from '../../domain/referral/nhs-number';
import { SEXES } from '../../domain/referral/patient';
import { DateOfBirthField } from './DateOfBirthField';
import { PadFieldset } from './PadFieldset';
import { Provenance } from './Provenance';
import type { PadState } from './pad-state';
import { TextInput } from './TextInput';

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
  const unreadable = record ? unreadableInRecord(record) : {};
  const edit = (field: TextField) => (value: string) =>
    state.update((current) => editField(current, field, value, record));
  const field = (name: TextField, label: string, type?: 'tel' | 'email') => (
    <TextInput
      path={`patient.${name}`}
      label={label}
      type={type}
      value={patient[name] ?? ''}
      source={provenance[name]}
      unread={unreadable[name]}
      error={problemFor(`patient.${name}`)}
      onInput={edit(name)}
    />
  );
  const nhs = patient.nhsNumber ?? '';
  const nhsProblem = nhs.trim() ? nhsNumberProblem(nhs) : undefined;

  return (
    <PadFieldset title="Patient">
      {!record && <p class="pad-hint">No patient record is readable on screen: type the patient’s details.</p>}
      <TextInput
        path="patient.nhsNumber"
        label="NHS number"
        value={nhs}
        source={provenance.nhsNumber}
        unread={unreadable.nhsNumber}
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
        {field('given', 'Given name')}
        {field('family', 'Family name')}
      </div>
      <div class="pad-row">
        <DateOfBirthField state={state} />
        <div class={`pad-field${problemFor('patient.sex') ? ' pad-field--error' : ''}`}>
          <div class="pad-label-row">
            <label for={fieldId('patient.sex')}>Sex</label>
            <Provenance id={`${fieldId('patient.sex')}-source`} source={provenance.sex} />
          </div>
          {problemFor('patient.sex') && <p class="pad-error-message">{problemFor('patient.sex')}</p>}
          <select
            id={fieldId('patient.sex')}
            name="sex"
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
      {field('phone', 'Phone', 'tel')}
      <div class="pad-row">
        {field('email', `Email${optional(state.model.value, 'email')}`, 'email')}
        {field('postcode', 'Postcode')}
      </div>
    </PadFieldset>
  );
}
