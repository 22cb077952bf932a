import { describe, expect, it } from 'vitest';
import { CLOSING_REASONS, closingSchema } from '../../domain/caseload/case';
import { closingConcept } from '../../domain/caseload/closing';
import { SNOMED, SYSTEMS, taskResource } from '../../domain/fhir';
import { taskWithCase } from '../../domain/fhir/message-back';
import { readMessageBack } from '../../domain/fhir/read-message-back';
import { outcomeHeading, outcomeRecordEntry } from '../../domain/record-entry/outcome-entry';

import { richReferral } from '../../test-support/fixtures/referrals';

const ID = '1a2b3c4d-0000-4000-8000-000000000000';

describe('the outcome’s entry for the clinical record', () => {
  it('reads as a coded entry where a concept is verified, with everything the message back carried', () => {
    expect(
      outcomeRecordEntry(ID, {
        reason: 'patient-declined',
        words: 'Patient declined',
        by: 'Sam Patel',
        at: '2027-03-03T23:30:00.000Z',
        connectedTo: [{ kind: 'service', name: 'Citizens Advice' }],
        needsMet: ['money-debt'],
        wellbeing: {
          start: { kind: 'ons4', lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 7 },
          end: { kind: 'ons4', lifeSatisfaction: 6, worthwhile: 5, happiness: 3, anxiety: 5 },
        },
        summary: 'Chose to use Citizens Advice directly.',
      }),
    ).toBe(
      [
        'Social prescribing declined (SNOMED CT 871711000000103)',
        'Date: 3 Mar 2027',
        'Outcome: Patient declined',
        'Closed by: Sam Patel (link worker)',
        'Connected to: connected with Citizens Advice',
        'Needs met: Money and debt',
        'Wellbeing at the start: ONS4: life satisfaction 4/10, worthwhile 5/10, happiness 3/10, anxiety 7/10',
        'Wellbeing at the end: ONS4: life satisfaction 6/10, worthwhile 5/10, happiness 3/10, anxiety 5/10',
        'Change: ONS4: life satisfaction up from 4 to 6 (better), worthwhile unchanged at 5, happiness unchanged at 3, anxiety down from 7 to 5 (better)',
        'Summary from the link worker: Chose to use Citizens Advice directly.',
        'Reference: SP-1A2B-3C4D',
      ].join('\n'),
    );
  });

  it.each(CLOSING_REASONS)('files %s only under its own verified concept, or says it has none', (reason) => {
    const concept = closingConcept(reason);
    const heading = outcomeHeading(reason, 'The words');
    if (concept) expect(heading).toBe(`${concept.display} (SNOMED CT ${concept.code})`);
    else
      expect(heading).toBe(
        'Social prescribing outcome: The words (no SNOMED CT concept for this outcome: record it as text)',
      );
  });
});

describe('a code the service sends', () => {
  it('never reaches the record: the concept comes from the reason, through our verified table', () => {
    const task = taskWithCase(taskResource(richReferral, 'Patient/p-1', 'ServiceRequest/sr-1'), {
      status: 'completed',
      attempts: 1,
      closing: closingSchema.parse({ reason: 'completed' }),
      at: '2027-03-03T14:30:00.000Z',
    });
    // A Task whose outcome claims the decline's concept for a completed case.
    const wrong = {
      ...task,
      output: task.output?.map((o, index) =>
        index === 0
          ? {
              ...o,
              valueCodeableConcept: {
                ...o.valueCodeableConcept,
                coding: [
                  { system: SYSTEMS.snomed, ...SNOMED.socialPrescribingDeclined },
                  ...(o.valueCodeableConcept?.coding ?? []),
                ],
              },
            }
          : o,
      ),
    };
    const closing = readMessageBack(wrong).closing;
    expect(closing?.reason).toBe('completed');
    expect(closing && outcomeRecordEntry(ID, closing)).not.toContain(SNOMED.socialPrescribingDeclined.code);
  });
});
