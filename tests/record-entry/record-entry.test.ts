import { describe, expect, it } from 'vitest';
import { OPEN_PCN_MODEL } from '../../domain/model/examples';
import { patientSlip } from '../../domain/patient-slip/patient-slip';
import { clinicalRecordEntry } from '../../domain/record-entry/record-entry';
import { referralReference } from '../../domain/referral/reference';
import { MODEL_PARTS, REFERRAL } from '../pad/fixtures';

describe('the entry for the clinical record', () => {
  it('reads as a coded entry with everything the next clinician needs', () => {
    expect(clinicalRecordEntry(REFERRAL, MODEL_PARTS)).toBe(
      [
        'Referral to social prescribing service (SNOMED CT 871731000000106)',
        // 23:30 UTC on 30 June is 00:30 on 1 July in the UK: the record shows the UK day.
        'Date: 1 Jul 2026',
        'Patient: John SMITH, NHS No. 943 476 5919, born 12 Mar 1950',
        'Service: Bristol Community Connectors (boundaried model “Over-55s connecting”, version 3)',
        'Needs: Loneliness or isolation; Bereavement',
        'What matters to the patient: Getting back to the allotment',
        'Safety questions answered yes: Safeguarding concern (including domestic abuse)',
        'Verdict: Outside the agreed model, sent with the referrer’s reason: Lives alone, recently widowed',
        'Consent: to the referral given; to sharing details with the service given',
        'Referred by: Dr Asha Patel (GP), L81001',
        'Reference: SP-1A2B-3C4D',
      ].join('\n'),
    );
  });

  it('records a flagged safety answer and the route the referrer confirmed they used', () => {
    const entry = clinicalRecordEntry(
      {
        ...REFERRAL,
        safety: { ...REFERRAL.safety, 'suicidal-thoughts': true },
        verdict: {
          modelId: OPEN_PCN_MODEL.id,
          modelVersion: OPEN_PCN_MODEL.version,
          outcome: 'review',
          rules: ['safety.suicidal-thoughts', 'safety.suicidal-thoughts.route-used'],
        },
      },
      OPEN_PCN_MODEL,
    );
    expect(entry).toContain(
      'Verdict: In the agreed model, with points for the link worker: a safety answer is flagged, and the referrer confirmed they used the route given\n',
    );
    expect(entry).toContain(
      'Flagged for the link worker: Suicidal thoughts or self-harm; the referrer confirmed they used NHS 111 option 2 (urgent mental health) or the duty GP today (Call NHS 111 and choose option 2',
    );
    const slip = patientSlip(
      { ...REFERRAL, verdict: { ...REFERRAL.verdict, rules: ['safety.suicidal-thoughts.route-used'] } },
      OPEN_PCN_MODEL,
    );
    const help = slip.sections.find((section) => section.heading === 'Other help to contact now');
    expect(help?.lines).toEqual([
      'NHS 111 option 2 (urgent mental health) or the duty GP today: Call NHS 111 and choose option 2, or book a same-day appointment with the duty GP; 999 if life is at immediate risk.',
    ]);
    expect(JSON.stringify(slip)).not.toMatch(/suicid/i);
  });

  it('says "none" when no safety question was answered yes, and no reason when nothing was overridden', () => {
    const entry = clinicalRecordEntry(
      {
        ...REFERRAL,
        whatMatters: '',
        safety: { ...REFERRAL.safety, safeguarding: false },
        verdict: { modelId: 'bristol-vcse', modelVersion: 3, outcome: 'accept', rules: [] },
      },
      MODEL_PARTS,
    );
    expect(entry).toContain('Safety questions answered yes: none');
    expect(entry).toContain('Verdict: In the agreed model\n');
    expect(entry).not.toContain('What matters');
  });

  it('dates in winter are the same day in the UK as in UTC', () => {
    expect(clinicalRecordEntry({ ...REFERRAL, createdAt: '2026-01-05T23:30:00Z' }, MODEL_PARTS)).toContain(
      'Date: 5 Jan 2026\n',
    );
  });

  it('shortens the UUID to a reference people can read out', () => {
    expect(referralReference('0f9e8d7c-6b5a-4c3d-8e1f-000000000000')).toBe('SP-0F9E-8D7C');
  });
});
