import { SNOMED } from '../fhir/systems';
import { needLabel } from '../referral/needs';
import type { Closing, ClosingReason, Connection } from './case';
import { wellbeingChange, wellbeingWords } from './wellbeing';

/** Why a case closed, in the words the link worker and the GP read. */
export function closingWords(closing: Pick<Closing, 'reason' | 'attempts' | 'elsewhere'>): string {
  switch (closing.reason) {
    case 'completed':
      return 'Completed';
    case 'patient-declined':
      return 'Patient declined';
    case 'unable-to-contact': {
      const attempts = closing.attempts ?? 0;
      return `Unable to contact after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`;
    }
    case 'did-not-engage':
      return 'Did not engage';
    case 'referred-elsewhere':
      return `Referred elsewhere: ${closing.elsewhere ?? 'not said where'}`;
  }
}

/**
 * The SNOMED CT concept for a closing reason, only where the UK edition has one whose term says exactly that:
 * "Social prescribing declined" (871711000000103), which NHS England's guidance for link workers gives for a person
 * who declines. No published concept was found for a completed social prescribing referral, unable to contact, did
 * not engage or referred elsewhere, so those carry none (the message back uses our own code system and words).
 */
const CLOSING_CONCEPTS: Partial<Record<ClosingReason, { code: string; display: string }>> = {
  'patient-declined': SNOMED.socialPrescribingDeclined,
};

export function closingConcept(reason: ClosingReason): { code: string; display: string } | undefined {
  return CLOSING_CONCEPTS[reason];
}

const CONNECTION_KIND_WORDS: Record<Connection['kind'], string> = {
  activity: 'Activity',
  group: 'Group',
  service: 'Service',
  other: 'Other',
};

/** "Group: Walking for Health". */
export function connectionWords(connection: Connection): string {
  return `${CONNECTION_KIND_WORDS[connection.kind]}: ${connection.name}`;
}

/**
 * The closing as lines: the reason, what the person was connected to, the needs met, the wellbeing scores and their
 * change, the summary for the GP.
 */
export function closingLines(closing: Closing): string[] {
  const { start, end } = closing.wellbeing;
  const change = wellbeingChange(start, end);
  return [
    closingWords(closing),
    ...(closing.connectedTo.length ? [`Connected to: ${closing.connectedTo.map(connectionWords).join('; ')}`] : []),
    ...(closing.needsMet.length ? [`Needs met: ${closing.needsMet.map(needLabel).join('; ')}`] : []),
    ...(start ? [`Wellbeing at the start: ${wellbeingWords(start)}`] : []),
    ...(end ? [`Wellbeing at the end: ${wellbeingWords(end)}`] : []),
    ...(change ? [`Change: ${change}`] : []),
    ...(closing.summary ? [`Summary for the GP: ${closing.summary}`] : []),
  ];
}
