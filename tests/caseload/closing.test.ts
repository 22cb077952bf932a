import { describe, expect, it } from 'vitest';
import { CLOSING_REASONS, closingSchema } from '../../domain/caseload/case';
import { closingConcept, closingLines, closingWords } from '../../domain/caseload/closing';
import { SNOMED } from '../../domain/fhir/systems';

describe('why a case closed, in words', () => {
  it('says each reason as the GP reads it', () => {
    expect(closingWords({ reason: 'completed' })).toBe('Completed');
    expect(closingWords({ reason: 'patient-declined' })).toBe('Patient declined');
    expect(closingWords({ reason: 'unable-to-contact', attempts: 3 })).toBe('Unable to contact after 3 attempts');
    expect(closingWords({ reason: 'unable-to-contact', attempts: 1 })).toBe('Unable to contact after 1 attempt');
    expect(closingWords({ reason: 'did-not-engage' })).toBe('Did not engage');
    expect(closingWords({ reason: 'referred-elsewhere', elsewhere: 'Citizens Advice' })).toBe(
      'Referred elsewhere: Citizens Advice',
    );
  });

  it('lists what the person was connected to, the needs met, the scores and the summary', () => {
    const closing = closingSchema.parse({
      reason: 'completed',
      connectedTo: [
        { kind: 'group', name: 'Walking for Health' },
        { kind: 'service', name: 'Citizens Advice' },
      ],
      needsMet: ['loneliness', 'money-debt'],
      wellbeing: {
        start: { kind: 'ons4', lifeSatisfaction: 4 },
        end: { kind: 'ons4', lifeSatisfaction: 7 },
      },
      summary: 'Walks weekly with the group.',
    });
    expect(closingLines(closing)).toEqual([
      'Completed',
      'Connected to: Group: Walking for Health; Service: Citizens Advice',
      'Needs met: Loneliness or isolation; Money and debt',
      'Wellbeing at the start: ONS4: life satisfaction 4/10; worthwhile, happiness, anxiety skipped',
      'Wellbeing at the end: ONS4: life satisfaction 7/10; worthwhile, happiness, anxiety skipped',
      'Change: ONS4: life satisfaction up from 4 to 7 (better)',
      'Summary for the GP: Walks weekly with the group.',
    ]);
    expect(closingLines(closingSchema.parse({ reason: 'did-not-engage' }))).toEqual(['Did not engage']);
  });
});

describe('the SNOMED CT concept of a closing', () => {
  it('is "Social prescribing declined" for a person who declined', () => {
    expect(closingConcept('patient-declined')).toEqual({
      code: '871711000000103',
      display: 'Social prescribing declined',
    });
  });

  it('is none where no published concept says exactly that, never a guess', () => {
    for (const reason of CLOSING_REASONS.filter((r) => r !== 'patient-declined'))
      expect(closingConcept(reason), reason).toBeUndefined();
  });

  it('is always one of the checked concepts the product lists', () => {
    const checked = Object.values(SNOMED).map((concept) => concept.code);
    for (const reason of CLOSING_REASONS) {
      const concept = closingConcept(reason);
      if (concept) expect(checked).toContain(concept.code);
    }
  });
});
