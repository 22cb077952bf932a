import { partsOf, partsText } from '../../domain/clock/date-parts';
import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { editField, unreadableInRecord } from '../../domain/pad/record-fields';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { ageOn, dateOfBirthProblem, parseDateOfBirth } from '../../domain/referral/date-of-birth';
import { DateInput } from '../../ui/DateInput';
import { Provenance } from './Provenance';
import type { PadState } from './pad-state';

/**
 * The date of birth as day, month and year boxes, with where it came from (or what the record shows that could not be
 * read), its one error, and the date read back in words ("3 July 1948, aged 78") so that a misread order shows.
 */
export function DateOfBirthField({ state }: { state: PadState }) {
  const { patient, provenance } = state.draft.value;
  const record = state.record.value ?? undefined;
  const text = patient.dateOfBirth ?? '';
  const parts = partsOf(text);
  const id = fieldId('patient.dateOfBirth');
  const today = ukDate(Date.now());
  const iso = parseDateOfBirth(text);
  const problem = text ? dateOfBirthProblem(text, today) : undefined;
  // A half-typed date is not wrong yet (the check lists what is missing); a whole one, or one from elsewhere, may be.
  const shown = problem && (!text.includes('/') || Object.values(parts).every((part) => part.trim() !== ''));
  const sent = state.problems.value.find((found) => found.field === 'patient.dateOfBirth')?.message;
  const error = shown ? problem : sent ? { message: sent, parts: ['day', 'month', 'year'] as const } : undefined;
  return (
    <DateInput
      id={id}
      name="dateOfBirth"
      legend={
        <>
          Date of birth{' '}
          <Provenance
            id={`${id}-source`}
            source={provenance.dateOfBirth}
            unread={record && unreadableInRecord(record).dateOfBirth}
          />
        </>
      }
      value={parts}
      error={error}
      onInput={(typed) => state.update((current) => editField(current, 'dateOfBirth', partsText(typed), record))}
    >
      {iso && !problem && (
        <p class="pad-hint pad-date-read" id={`${id}-read`}>
          {nhsDate(iso)}, aged {ageOn(iso, today)}
        </p>
      )}
    </DateInput>
  );
}
