import { describe, expect, it } from 'vitest';
import { applyRecord, editField, type RecordOnScreen, unreadableInRecord } from '../../domain/pad/record-fields';
import { isUntouched } from '../../domain/pad/untouched';
import { emptyDraft } from '../../domain/referral/draft';

const JOHN: RecordOnScreen = {
  recordKey: 'nhs:9434765919',
  fields: {
    nhsNumber: '943 476 5919',
    given: ' John ',
    family: 'SMITH',
    dateOfBirth: '12-Mar-1950',
    sex: 'Male',
    phone: '07700 900123',
    postcode: 'bs1 4dj',
  },
};

describe('pre-filling from the record', () => {
  it('takes what the page shows, as the referral holds it, each field marked "from the record"', () => {
    const draft = applyRecord(emptyDraft(), JOHN);
    expect(draft.patient).toEqual({
      nhsNumber: '943 476 5919',
      given: 'John',
      family: 'SMITH',
      dateOfBirth: '1950-03-12',
      sex: 'male',
      phone: '07700 900123',
      postcode: 'BS1 4DJ',
    });
    expect(draft.provenance).toEqual({
      nhsNumber: 'page',
      given: 'page',
      family: 'page',
      dateOfBirth: 'page',
      sex: 'page',
      phone: 'page',
      postcode: 'page',
    });
  });

  it('keeps what the referrer typed when the record is read again, and follows the record elsewhere', () => {
    const typed = editField(applyRecord(emptyDraft(), JOHN), 'phone', '0117 496 0001', JOHN);
    expect(typed.provenance.phone).toBe('typed');
    const moved = applyRecord(typed, {
      ...JOHN,
      fields: { ...JOHN.fields, phone: '07700 900999', postcode: 'BS2 0JA' },
    });
    expect(moved.patient.phone).toBe('0117 496 0001');
    expect(moved.patient.postcode).toBe('BS2 0JA');
    expect(moved.provenance.postcode).toBe('page');
  });

  it('marks a field typed back to the record’s value as from the record again', () => {
    const draft = applyRecord(emptyDraft(), JOHN);
    const edited = editField(draft, 'given', 'Jon', JOHN);
    expect(edited.provenance.given).toBe('typed');
    expect(editField(edited, 'given', 'John', JOHN).provenance.given).toBe('page');
  });

  it('marks a date of birth typed as the record’s date, in any form, as from the record', () => {
    const draft = editField(applyRecord(emptyDraft(), JOHN), 'dateOfBirth', '12/3/1950', JOHN);
    expect(draft.provenance.dateOfBirth).toBe('page');
    expect(editField(draft, 'dateOfBirth', '13/3/1950', JOHN).provenance.dateOfBirth).toBe('typed');
  });

  it('leaves a date of birth it cannot read empty and unmarked, for the referrer, and names what the record shows', () => {
    const smudged: RecordOnScreen = { ...JOHN, fields: { ...JOHN.fields, dateOfBirth: ' 12-Mar-50?? ' } };
    expect(unreadableInRecord(smudged)).toEqual({ dateOfBirth: '12-Mar-50??' });
    expect(unreadableInRecord(JOHN)).toEqual({});
    // A draft that held it as "from the record" (before this control) is cleared too.
    const before = {
      ...emptyDraft(),
      patient: { dateOfBirth: '12-Mar-50??' },
      provenance: { dateOfBirth: 'page' as const },
    };
    const draft = applyRecord(before, smudged);
    expect(draft.patient.dateOfBirth).toBe('');
    expect(draft.provenance.dateOfBirth).toBeUndefined();
    expect(draft.provenance.given).toBe('page');
    expect(isUntouched(draft)).toBe(true);
    const typed = editField(draft, 'dateOfBirth', '12/3/1950', smudged);
    expect(typed.provenance.dateOfBirth).toBe('typed');
    expect(applyRecord(typed, smudged).patient.dateOfBirth).toBe('12/3/1950');
  });

  it('names what the adapter found but could not read, and reads "Not recorded" as nothing', () => {
    const { dateOfBirth: _, postcode: __, ...rest } = JOHN.fields;
    const found: RecordOnScreen = {
      ...JOHN,
      fields: rest,
      unread: { dateOfBirth: '12-Mar-50??', phone: 'Not recorded', postcode: 'No fixed abode' },
    };
    expect(unreadableInRecord(found)).toEqual({ dateOfBirth: '12-Mar-50??', postcode: 'No fixed abode' });
  });

  it('marks everything typed when no record is on screen', () => {
    expect(editField(emptyDraft(), 'nhsNumber', '943 476 5919', undefined).provenance.nhsNumber).toBe('typed');
  });
});

describe('an untouched draft', () => {
  it('is one with nothing entered beyond the record and the remembered referrer', () => {
    const draft = applyRecord(emptyDraft(), JOHN);
    expect(isUntouched({ ...draft, referrer: { name: 'Dr Asha Patel' } })).toBe(true);
    expect(isUntouched({ ...draft, needs: ['loneliness'] })).toBe(false);
    expect(isUntouched({ ...draft, safety: { psychosis: false } })).toBe(false);
    expect(isUntouched({ ...draft, consent: { sharing: false } })).toBe(false);
    expect(isUntouched(editField(draft, 'phone', '0117 496 0001', JOHN))).toBe(false);
  });
});
