import { describe, expect, it } from 'vitest';
import { checkReferral } from '../../domain/criteria';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { patientInBrief, patientLine, patientNeedsEntry } from '../../domain/pad/section-lines';
import { emptyDraft, type ReferralDraft } from '../../domain/referral/draft';

const FROM_RECORD: ReferralDraft = {
  ...emptyDraft(),
  patient: {
    nhsNumber: '943 476 5919',
    given: 'John',
    family: 'Smith',
    dateOfBirth: '1954-06-14',
    sex: 'male',
    phone: '0117 496 0123',
    postcode: 'BS16 4QG',
  },
  provenance: {
    nhsNumber: 'page',
    given: 'page',
    family: 'page',
    dateOfBirth: 'page',
    sex: 'page',
    phone: 'page',
    postcode: 'page',
  },
};

const needsEntry = (draft: ReferralDraft, problems: { field: string; message: string }[] = []) =>
  patientNeedsEntry({ draft, cards: checkReferral(BOUNDARIED_VCSE_MODEL, draft, '2026-12-02').cards, problems });

describe('the patient in one line', () => {
  it('names the patient, the NHS number and the date of birth written out, never in the browser’s form', () => {
    expect(patientLine(FROM_RECORD.patient)).toBe('John SMITH · 943 476 5919 · 14 Jun 1954');
    expect(patientInBrief(FROM_RECORD.patient)).toBe('John SMITH · 943 476 5919');
  });

  it('shows a date of birth that is not a date as it was read', () => {
    expect(patientLine({ ...FROM_RECORD.patient, dateOfBirth: '14/06/54' })).toBe(
      'John SMITH · 943 476 5919 · 14/06/54',
    );
  });

  it('stays one line while every detail is as the record gave it and nothing points at one', () => {
    expect(needsEntry(FROM_RECORD)).toBe(false);
  });

  it('opens when a detail that says who the patient is is empty or invalid', () => {
    expect(needsEntry({ ...FROM_RECORD, patient: { ...FROM_RECORD.patient, dateOfBirth: '' } })).toBe(true);
    expect(needsEntry({ ...FROM_RECORD, patient: { ...FROM_RECORD.patient, nhsNumber: '943 476 5918' } })).toBe(true);
  });

  it('opens when the referrer typed a detail, or when it is not from the record', () => {
    expect(needsEntry({ ...FROM_RECORD, provenance: { ...FROM_RECORD.provenance, phone: 'typed' } })).toBe(true);
    expect(needsEntry({ ...FROM_RECORD, patient: { ...FROM_RECORD.patient, email: 'j@example.org' } })).toBe(true);
  });

  it('opens when a failed Send points at one of its fields (the error summary links there)', () => {
    expect(needsEntry(FROM_RECORD, [{ field: 'patient.sex', message: 'Choose the patient’s sex' }])).toBe(true);
    expect(needsEntry(FROM_RECORD, [{ field: 'needs', message: 'Choose a need' }])).toBe(false);
  });
});
