import { describe, expect, it } from 'vitest';
import { patientSlip } from '../../domain/patient-slip/patient-slip';
import { MODEL_PARTS, REFERRAL } from '../pad/fixtures';

describe('the patient slip', () => {
  it('tells the patient what happens next, how they will be contacted and how to reach the service', () => {
    const slip = patientSlip(REFERRAL, MODEL_PARTS);
    expect(slip.forWhom).toBe('John Smith');
    expect(slip.reference).toBe('SP-1A2B-3C4D');
    expect(Object.fromEntries(slip.sections.map((section) => [section.heading, section.lines]))).toEqual({
      'What you talked about': ['Loneliness or isolation', 'Bereavement'],
      'What happens next': [
        'A link worker from Bristol Community Connectors will get in touch to arrange a first conversation about what matters to you.',
        'There is a waiting list at the moment: it is usually about 3 weeks.',
      ],
      'How they will contact you': [
        'They will contact you by phone call or letter.',
        'You asked to be contacted: Weekday mornings.',
      ],
      'The service': [
        'Bristol Community Connectors',
        '0117 496 0000, connectors@example.org',
        'Quote your reference SP-1A2B-3C4D.',
      ],
      'If you feel worse': ['Contact your GP practice, or call NHS 111. In an emergency, call 999.'],
    });
  });

  it('uses the service’s own words for what happens next and offers its ways of contact when the patient chose none it offers', () => {
    const slip = patientSlip(
      { ...REFERRAL, patient: { ...REFERRAL.patient, contactModes: ['video'], interpreterLanguage: 'Polish' } },
      {
        ...MODEL_PARTS,
        capacity: { status: 'open' },
        service: { ...MODEL_PARTS.service, whatHappensNext: 'We phone within 5 working days.' },
      },
    );
    const byHeading = Object.fromEntries(slip.sections.map((section) => [section.heading, section.lines]));
    expect(byHeading['What happens next']).toEqual(['We phone within 5 working days.']);
    expect(byHeading['How they will contact you']).toEqual([
      'They will contact you by phone call, letter or in person.',
      'You asked to be contacted: Weekday mornings.',
      'An interpreter will be arranged (Polish).',
    ]);
  });
});
