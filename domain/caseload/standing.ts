import type { CaseEvent, Closing, NextAction, WaitingList } from './case';

/**
 * Where a case stands after its events: the one reading the case page, the caseload's columns and the Task the GP
 * reads all take, so that they never disagree.
 */
export type CaseStanding = {
  assigned?: { to: string; toName: string };
  attempts: number;
  /** When the person was first reached. */
  firstContactAt?: string;
  /** On the waiting list now. */
  waiting?: WaitingList;
  /** The next action still to do (none once closed). */
  next?: NextAction;
  closed?: { closing: Closing; by: string; byName: string; at: string };
};

/** When an event happened: an attempt when it was made (it may be written down later), anything else when stored. */
const happened = (event: CaseEvent) => new Date(event.kind === 'attempt' ? event.attempt.at : event.at).getTime();

/**
 * Whether the person is on the waiting list is decided by the later, by when it happened, of being put on it and being
 * reached: reached after being put on it, the person is in contact (off it); put on it after a call that reached them,
 * they wait. By when it happened, not when written down: a call at 14:30 written down after the waiting list at 14:31
 * is still before it. Equal times: the one written down later.
 */
function waitingNow(events: readonly CaseEvent[]): WaitingList | undefined {
  let latest: { at: number; waiting?: WaitingList } | undefined;
  for (const event of events) {
    const moves = event.kind === 'waiting-list' || (event.kind === 'attempt' && event.attempt.outcome === 'reached');
    if (!moves) continue;
    const at = happened(event);
    if (latest && at < latest.at) continue;
    latest = { at, ...(event.kind === 'waiting-list' ? { waiting: event.waiting } : {}) };
  }
  return latest?.waiting;
}

/** The standing after `events`, oldest first (as stored). A closed case has no open next action or waiting list. */
export function caseStanding(events: readonly CaseEvent[]): CaseStanding {
  const standing: CaseStanding = { attempts: 0 };
  for (const event of events) {
    if (event.kind === 'assigned') standing.assigned = { to: event.to, toName: event.toName };
    if (event.kind === 'unassigned') delete standing.assigned;
    if (event.kind === 'next-action') standing.next = event.action;
    if (event.kind === 'closed')
      standing.closed = { closing: event.closing, by: event.by, byName: event.byName, at: event.at };
    if (event.kind !== 'attempt') continue;
    standing.attempts += 1;
    const first = standing.firstContactAt;
    if (event.attempt.outcome === 'reached' && (!first || happened(event) < new Date(first).getTime()))
      standing.firstContactAt = event.attempt.at;
  }
  const waiting = waitingNow(events);
  if (standing.closed) {
    delete standing.next;
    return standing;
  }
  return waiting ? { ...standing, waiting } : standing;
}
