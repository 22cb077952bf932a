import { nhsDate, nhsDateTime } from '../clock/nhs-date';
import type { LinkWorkerStatus } from '../fhir/task';
import type { CaseEvent, ContactAttempt } from './case';
import { closingLines, closingWords } from './closing';

/** One line of a referral's history on the detail page, in plain words. `at` is an ISO instant. */
export type TimelineEntry = { at: string; who: string; title: string; lines: string[] };

/** The referral's arrival: when, from whom ("Dr Asha Patel, Riverside Surgery"), and what it asked in a few lines. */
export type Arrival = { receivedAt: string; from: string; lines: string[] };

/** A recorded decision, as the store keeps it (its DecisionRecord fits). */
export type TimelineDecision = {
  status: LinkWorkerStatus['status'];
  reason?: string;
  note?: string;
  redirectTo?: string;
  byName: string;
  at: string;
};

const DECISION_TITLES: Record<LinkWorkerStatus['status'], string> = {
  requested: 'Back to waiting for a decision',
  accepted: 'Accepted',
  declined: 'Declined',
  redirected: 'Redirected',
  contacted: 'In contact',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

const CONTACT_WAY_WORDS: Record<ContactAttempt['how'], string> = {
  phone: 'Phoned',
  text: 'Texted',
  email: 'Emailed',
  letter: 'Wrote',
  visit: 'Visited',
  'via-carer': 'Through their carer',
};

const OUTCOME_WORDS: Record<ContactAttempt['outcome'], string> = {
  reached: 'reached the person',
  'no-answer': 'no answer',
  'message-left': 'left a message',
  'wrong-number': 'wrong number',
};

/** "Phoned — no answer". */
export function attemptWords(attempt: Pick<ContactAttempt, 'how' | 'outcome'>): string {
  return `${CONTACT_WAY_WORDS[attempt.how]} — ${OUTCOME_WORDS[attempt.outcome]}`;
}

function decisionEntry(decision: TimelineDecision): TimelineEntry {
  return {
    at: decision.at,
    who: decision.byName,
    title: DECISION_TITLES[decision.status],
    lines: [
      ...(decision.reason ? [`Reason: ${decision.reason}`] : []),
      ...(decision.redirectTo ? [`Redirected to: ${decision.redirectTo}`] : []),
      ...(decision.note ? [`Note: ${decision.note}`] : []),
    ],
  };
}

function eventEntry(event: CaseEvent): TimelineEntry {
  const base = { at: event.at, who: event.byName };
  switch (event.kind) {
    case 'assigned':
      return { ...base, title: `Assigned to ${event.toName}`, lines: [] };
    case 'unassigned':
      return { ...base, title: 'No longer assigned', lines: [] };
    case 'attempt': {
      // Placed at when it happened; said when it was written down, if that was another time.
      const recorded =
        Date.parse(event.attempt.at) === Date.parse(event.at) ? [] : [`Recorded ${nhsDateTime(event.at)}`];
      const note = event.attempt.note ? [event.attempt.note] : [];
      return { ...base, at: event.attempt.at, title: attemptWords(event.attempt), lines: [...note, ...recorded] };
    }
    case 'note':
      return { ...base, title: 'Case note', lines: [event.note.text] };
    case 'next-action':
      return { ...base, title: 'Next action', lines: [event.action.text, `By ${nhsDate(event.action.due)}`] };
    case 'waiting-list':
      return {
        ...base,
        title: 'On the waiting list',
        lines: [`The person can expect to hear by ${nhsDate(event.waiting.expected)}`],
      };
    case 'closed':
      return { ...base, title: `Closed: ${closingWords(event.closing)}`, lines: closingLines(event.closing).slice(1) };
  }
}

/**
 * Everything that happened to a referral, oldest first: its arrival, each decision and each case event. Entries at
 * the same instant keep the order given (arrival, then decisions, then events in stored order).
 */
export function timeline(arrival: Arrival, decisions: TimelineDecision[], events: CaseEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { at: arrival.receivedAt, who: arrival.from, title: 'Referral received', lines: arrival.lines },
    ...decisions.map(decisionEntry),
    ...events.map(eventEntry),
  ];
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}
