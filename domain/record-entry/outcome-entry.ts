import type { ClosingReason } from '../caseload/case';
import { closingConcept } from '../caseload/closing';
import { wellbeingWords } from '../caseload/wellbeing';
import { nhsDayOf } from '../clock/nhs-date';
import type { MessageBack } from '../fhir/read-message-back';
import { connectedWords, scoresWords } from '../outbox/message-back-words';
import { needLabel } from '../referral/needs';
import { referralReference } from '../referral/reference';

type Closed = NonNullable<MessageBack['closing']>;

/**
 * The coded line that heads the entry. The concept is looked up here from the closing reason in our own verified
 * table (caseload/closing.ts), never taken from the Task's coding: a code the service sent cannot put a wrong concept
 * in the GP's record. A reason with no verified concept says so rather than guess one.
 */
export function outcomeHeading(reason: ClosingReason, words: string): string {
  const concept = closingConcept(reason);
  if (concept) return `${concept.display} (SNOMED CT ${concept.code})`;
  return `Social prescribing outcome: ${words} (no SNOMED CT concept for this outcome: record it as text)`;
}

/** The text a GP pastes into the record when the service closes the case: the outcome, coded where it can be. */
export function outcomeRecordEntry(referralId: string, closing: Closed): string {
  const { start, end } = closing.wellbeing;
  const lines = [
    outcomeHeading(closing.reason, closing.words),
    `Date: ${nhsDayOf(closing.at)}`,
    `Outcome: ${closing.words}`,
  ];
  if (closing.by) lines.push(`Closed by: ${closing.by} (link worker)`);
  if (closing.connectedTo.length > 0)
    lines.push(`Connected to: ${closing.connectedTo.map((c) => connectedWords(c)).join('; ')}`);
  if (closing.needsMet.length > 0) lines.push(`Needs met: ${closing.needsMet.map(needLabel).join('; ')}`);
  if (start) lines.push(`Wellbeing at the start: ${wellbeingWords(start)}`);
  if (end) lines.push(`Wellbeing at the end: ${wellbeingWords(end)}`);
  const change = start && end ? scoresWords(closing.wellbeing) : undefined;
  if (change) lines.push(`Change: ${change}`);
  if (closing.summary) lines.push(`Summary from the link worker: ${closing.summary}`);
  lines.push(`Reference: ${referralReference(referralId)}`);
  return lines.join('\n');
}
