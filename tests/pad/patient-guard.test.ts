import { describe, expect, it } from 'vitest';
import { NO_RECORD } from '../../domain/drafts/saved-draft';
import { checkPatientOnScreen, patientLabel } from '../../domain/pad/patient-guard';
import type { RecordOnScreen } from '../../domain/pad/record-fields';

const JOHN_DRAFT = { nhsNumber: '9434765919', given: 'John', family: 'Smith' };
const JOHN: RecordOnScreen = {
  recordKey: 'nhs:9434765919',
  fields: { nhsNumber: '943 476 5919', given: 'John', family: 'SMITH' },
};
const MARY: RecordOnScreen = {
  recordKey: 'nhs:4010232137',
  fields: { nhsNumber: '401 023 2137', given: 'Mary', family: 'Jones' },
};

describe('the wrong-patient guard', () => {
  it('lets the draft be sent while its own patient is on screen', () => {
    expect(checkPatientOnScreen(JOHN.recordKey, JOHN_DRAFT, JOHN)).toEqual({ kind: 'same' });
  });

  it('says whose the draft is and whom the record now shows when the patient changes', () => {
    expect(checkPatientOnScreen(JOHN.recordKey, JOHN_DRAFT, MARY)).toEqual({
      kind: 'different',
      draftFor: 'John SMITH, 943 476 5919',
      recordShows: 'Mary JONES, 401 023 2137',
      message: 'This draft is for John SMITH, 943 476 5919 — the record now shows Mary JONES, 401 023 2137.',
    });
  });

  it('sees a different person by NHS number even if the page keeps the same record key', () => {
    const check = checkPatientOnScreen(JOHN.recordKey, JOHN_DRAFT, { ...MARY, recordKey: JOHN.recordKey });
    expect(check).toEqual({
      kind: 'nhs-differs',
      recordNhsNumber: '4010232137',
      message: 'The NHS number in this referral (943 476 5919) is not the one on the record (401 023 2137).',
    });
  });

  it('guards a draft begun with no record on screen once a record with another NHS number appears', () => {
    expect(checkPatientOnScreen(NO_RECORD, JOHN_DRAFT, MARY).kind).toBe('different');
    expect(checkPatientOnScreen(NO_RECORD, JOHN_DRAFT, JOHN).kind).toBe('same');
  });

  it('does not block when no record is on screen', () => {
    expect(checkPatientOnScreen(JOHN.recordKey, JOHN_DRAFT, undefined)).toEqual({ kind: 'no-record' });
  });

  it('names people without a valid NHS number plainly', () => {
    expect(patientLabel({ given: 'Ann', family: 'Lee', nhsNumber: '123' })).toBe('Ann LEE, NHS No. 123');
    expect(patientLabel({})).toBe('an unnamed patient');
  });
});
