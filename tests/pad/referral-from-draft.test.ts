import { describe, expect, it } from 'vitest';
import { referralFromDraft } from '../../domain/pad/referral-from-draft';
import { emptyDraft } from '../../domain/referral/draft';
import type { SentVerdict } from '../../domain/referral/referral';
import { completeDraft } from './fixtures';

const ACCEPTED: SentVerdict = { modelId: 'bristol-vcse', modelVersion: 3, outcome: 'accept', rules: [] };
const ID = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const NOW = '2026-11-22T09:00:00.000Z';

describe('making the referral from the draft', () => {
  it('gives the referral to send, empty optional details left out', () => {
    const result = referralFromDraft(completeDraft(), ACCEPTED, ID, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.referral.id).toBe(ID);
    expect(result.referral.patient.postcode).toBe('BS1 4DJ');
    expect(result.referral.patient).not.toHaveProperty('email');
    expect(result.referral.patient).not.toHaveProperty('interpreterLanguage');
    expect(result.referral.referrer.odsCode).toBe('L81001');
    expect(result.referral.verdict).toEqual(ACCEPTED);
  });

  it('says what is missing or wrong, field by field, in words', () => {
    const draft = emptyDraft();
    draft.patient = { nhsNumber: '943 476 5918', given: 'John' };
    draft.safety = { 'suicidal-thoughts': false };
    const result = referralFromDraft(draft, ACCEPTED, ID, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          field: 'patient.nhsNumber',
          message: 'The NHS number’s check digit is wrong: please check it against the record.',
        },
        { field: 'patient.family', message: 'The family name is missing.' },
        { field: 'patient.sex', message: 'The patient’s sex is missing.' },
        { field: 'needs', message: 'Choose at least one need.' },
        {
          field: 'safety.psychosis',
          message: 'The safety question “Psychosis or unstable severe mental illness” is not answered.',
        },
        { field: 'referrer.name', message: 'Your name is missing.' },
      ]),
    );
    expect(result.problems.map((problem) => problem.field)).not.toContain('safety.suicidal-thoughts');
  });

  it('names the field that holds a character the queue cannot store (a NUL pasted in, half an emoji)', () => {
    const draft = completeDraft();
    draft.patient.given = 'Jo\u0000hn';
    draft.whatMatters = 'The allotment \ud83c';
    const result = referralFromDraft(draft, ACCEPTED, ID, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        field: 'patient.given',
        message:
          'The given name holds a character that cannot be sent (U+0000: a control character, or half of a broken one). Delete it and type the text again.',
      },
      {
        field: 'whatMatters',
        message:
          'What matters to the patient holds a character that cannot be sent (U+D83C: a control character, or half of a broken one). Delete it and type the text again.',
      },
    ]);
  });

  it('keeps tabs, new lines and whole emoji', () => {
    const draft = completeDraft();
    draft.whatMatters = 'Allotment\tsinging\r\nchoir 🎶';
    expect(referralFromDraft(draft, ACCEPTED, ID, NOW).ok).toBe(true);
  });

  it('holds the referral to the rules the queue holds it to, at the field to fix', () => {
    const draft = completeDraft();
    draft.consent = { referral: false, sharing: true };
    draft.patient.dateOfBirth = '2999-01-01';
    draft.overrideReason = 'ok';
    const result = referralFromDraft(draft, { ...ACCEPTED, overrideReason: 'ok' }, ID, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'consent.referral',
      'overrideReason',
      'overrideReason',
      'patient.dateOfBirth',
    ]);
    expect(result.problems[0]?.message).toBe(
      'The patient has not agreed to be referred: a referral needs their consent.',
    );
  });
});
