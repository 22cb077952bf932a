import { describe, expect, it } from 'vitest';
import { applyRecord } from '../../domain/pad/record-fields';
import { emptyDraft } from '../../domain/referral/draft';

const ravi = {
  recordKey: 'nhs:9990034567',
  fields: { nhsNumber: '999 003 4567', family: 'PATEL', given: 'Ravi' },
  alerts: 'Interpreter: Gujarati',
};
const margaret = {
  recordKey: 'nhs:9990045674',
  fields: { nhsNumber: '999 004 5674', family: 'JONES', given: 'Margaret' },
  alerts: 'Hearing impaired No telephone',
};

describe('what the record’s alerts say, carried into the draft', () => {
  it('pre-fills the interpreter’s language from "Interpreter: Gujarati", marked from the record', () => {
    const draft = applyRecord(emptyDraft(), ravi);
    expect(draft.patient.interpreterLanguage).toBe('Gujarati');
    expect(draft.provenance.interpreterLanguage).toBe('page');
  });

  it('ticks the access needs the alerts name', () => {
    expect(applyRecord(emptyDraft(), margaret).patient.accessNeeds).toEqual(['hearing']);
  });

  it('offers them once: what the referrer then changes is theirs, even when the banner is read again', () => {
    const offered = applyRecord(emptyDraft(), ravi);
    const cleared = { ...offered, patient: { ...offered.patient, interpreterLanguage: '' } };
    expect(applyRecord(cleared, ravi).patient.interpreterLanguage).toBe('');
  });

  it('says nothing for alerts it does not know', () => {
    const draft = applyRecord(emptyDraft(), { ...ravi, alerts: 'Lives alone' });
    expect(draft.patient.interpreterLanguage ?? '').toBe('');
    expect(draft.patient.accessNeeds ?? []).toEqual([]);
  });
});
