import { isFinal, type LinkWorkerStatus } from '../fhir/task';

/** The link worker's caseload, as six views of the service's referrals. */
export const CASELOAD_VIEWS = ['new', 'mine', 'unassigned', 'overdue', 'waiting-list', 'closed'] as const;
export type CaseloadView = (typeof CASELOAD_VIEWS)[number];

export const CASELOAD_VIEW_LABELS: Record<CaseloadView, string> = {
  new: 'New',
  mine: 'Mine',
  unassigned: 'Unassigned',
  overdue: 'Overdue',
  'waiting-list': 'Waiting list',
  closed: 'Closed',
};

/** One line each, shown under the view's tab. "Open" is any referral not yet in a final status. */
export const CASELOAD_VIEW_MEANINGS: Record<CaseloadView, string> = {
  new: 'Waiting for a decision (accept, decline or redirect), safety-flagged referrals first.',
  mine: 'Open referrals assigned to you.',
  unassigned: 'Open referrals no one is assigned to.',
  overdue:
    'No decision after the decision due day, or accepted with no contact after the first contact due day (in working days).',
  'waiting-list': 'Open referrals accepted onto the waiting list.',
  closed: 'Declined, redirected, completed or cancelled.',
};

/** What a view needs to know of one referral. Days are UK days, 'YYYY-MM-DD'. */
export type CaseFacts = {
  status: LinkWorkerStatus['status'];
  assignedTo?: string;
  onWaitingList: boolean;
  decisionDue: string;
  contactDue: string;
  firstContactAt?: string;
};

/** Overdue on `today`: undecided past the decision due day, or accepted and not yet reached past the contact due day. */
export function isOverdue(c: CaseFacts, today: string): boolean {
  if (c.status === 'requested') return today > c.decisionDue;
  return c.status === 'accepted' && c.firstContactAt === undefined && today > c.contactDue;
}

/**
 * Whether a referral is in a view for `username` on `today`: the rule each view's query keeps (the store's SQL is
 * checked against it).
 */
export function inCaseloadView(view: CaseloadView, c: CaseFacts, who: { username: string; today: string }): boolean {
  const open = !isFinal(c.status);
  switch (view) {
    case 'new':
      return c.status === 'requested';
    case 'mine':
      return open && c.assignedTo === who.username;
    case 'unassigned':
      return open && c.assignedTo === undefined;
    case 'overdue':
      return isOverdue(c, who.today);
    case 'waiting-list':
      return open && c.onWaitingList;
    case 'closed':
      return !open;
  }
}
