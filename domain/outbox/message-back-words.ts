import type { Connection } from '../caseload/case';
import { wellbeingChange, wellbeingWords } from '../caseload/wellbeing';
import { nhsDayOf } from '../clock/nhs-date';
import type { MessageBack } from '../fhir/read-message-back';
import { needLabel } from '../referral/needs';

type Closed = NonNullable<MessageBack['closing']>;

/** "joined Kingsmead Walking Group": what the person was connected to, as a GP would say it. */
export function connectedWords(connection: Connection): string {
  switch (connection.kind) {
    case 'group':
      return `joined ${connection.name}`;
    case 'activity':
      return `took up ${connection.name}`;
    case 'service':
      return `connected with ${connection.name}`;
    case 'other':
      return connection.name;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The wellbeing scores in words: the change when both ends were scored, else what was scored. */
export function scoresWords(wellbeing: Closed['wellbeing']): string | undefined {
  const { start, end } = wellbeing;
  const change = wellbeingChange(start, end);
  if (change) return change;
  if (end) return `at the end ${wellbeingWords(end)}`;
  if (start) return `at the start ${wellbeingWords(start)}`;
  return undefined;
}

/**
 * A closed case as the GP's Sent referrals show it: "Closed — completed by Sam Patel on 3 March 2027", then what
 * came of it ("joined Kingsmead Walking Group; needs met: Loneliness or isolation; ONS4: life satisfaction up from 4
 * to 7 (better)").
 */
export function closedWords(closing: Closed): { state: string; detail?: string } {
  const day = nhsDayOf(closing.at, 'long');
  const state =
    closing.reason === 'completed'
      ? `Closed — completed${closing.by ? ` by ${closing.by}` : ''} on ${day}`
      : `Closed — ${lowerFirst(closing.words)} (${closing.by ? `${closing.by}, ` : ''}${day})`;
  const scores = scoresWords(closing.wellbeing);
  const parts = [
    ...closing.connectedTo.map(connectedWords),
    ...(closing.needsMet.length > 0 ? [`needs met: ${closing.needsMet.map(needLabel).join(', ')}`] : []),
    ...(scores ? [scores] : []),
  ];
  return parts.length > 0 ? { state, detail: parts.join('; ') } : { state };
}
