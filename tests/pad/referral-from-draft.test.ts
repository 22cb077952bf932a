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
});
