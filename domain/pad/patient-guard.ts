import { NO_RECORD } from '../drafts/saved-draft';
import type { DraftPatient } from '../referral/draft';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from '../referral/nhs-number';
import { fromPage, type RecordOnScreen } from './record-fields';

export type PatientCheck =
  | { kind: 'same' }
  /** Nothing readable on screen (e.g. the clinician is on the appointments list): the draft stays usable. */
  | { kind: 'no-record' }
  /** Another patient's record is on screen. */
  | { kind: 'different'; draftFor: string; recordShows: string; message: string }
  /** This patient's record, but the NHS number typed into the draft is not the record's. */
  | { kind: 'nhs-differs'; recordNhsNumber: string; message: string };

/** "John SMITH, 943 476 5919" — how a person is named when it matters which one. */
export function patientLabel(patient: { given?: string; family?: string; nhsNumber?: string }): string {
  const name =
    [patient.given?.trim(), patient.family?.trim().toUpperCase()].filter(Boolean).join(' ') || 'an unnamed patient';
  const digits = normaliseNhsNumber(patient.nhsNumber ?? '');
  return isValidNhsNumber(digits)
    ? `${name}, ${formatNhsNumber(digits)}`
    : digits
      ? `${name}, NHS No. ${patient.nhsNumber}`
      : name;
}

function recordPatient(record: RecordOnScreen) {
  return {
    given: record.fields.given ? fromPage('given', record.fields.given) : undefined,
    family: record.fields.family ? fromPage('family', record.fields.family) : undefined,
    nhsNumber: record.fields.nhsNumber ? fromPage('nhsNumber', record.fields.nhsNumber) : undefined,
  };
}

/**
 * The wrong-patient guard: is the record on screen the patient this draft is for? A different record key, or a different
 * valid NHS number, means a different person; the draft must then not be sent until the referrer acts.
 */
export function checkPatientOnScreen(
  /** The record key the draft was opened from, or NO_RECORD. */
  ownerKey: string,
  patient: DraftPatient,
  record: RecordOnScreen | undefined,
): PatientCheck {
  if (!record) return { kind: 'no-record' };
  const onScreen = recordPatient(record);
  const draftNhs = normaliseNhsNumber(patient.nhsNumber ?? '');
  const screenNhs = normaliseNhsNumber(onScreen.nhsNumber ?? '');
  const otherRecord = ownerKey !== NO_RECORD && ownerKey !== record.recordKey;
  const otherNhs = isValidNhsNumber(draftNhs) && isValidNhsNumber(screenNhs) && draftNhs !== screenNhs;
  if (!otherRecord && !otherNhs) return { kind: 'same' };
  if (!otherRecord && ownerKey !== NO_RECORD) {
    return {
      kind: 'nhs-differs',
      recordNhsNumber: screenNhs,
      message: `The NHS number in this referral (${formatNhsNumber(draftNhs)}) is not the one on the record (${formatNhsNumber(screenNhs)}).`,
    };
  }
  const draftFor = patientLabel(patient);
  const recordShows = patientLabel(onScreen);
  return {
    kind: 'different',
    draftFor,
    recordShows,
    message: `This draft is for ${draftFor} — the record now shows ${recordShows}.`,
  };
}
