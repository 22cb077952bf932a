import type { LinkWorkerStatus } from '../../domain/fhir';

type Status = LinkWorkerStatus['status'];

export const STATUS_LABELS: Record<Status, string> = {
  requested: 'New',
  accepted: 'Accepted',
  declined: 'Declined',
  redirected: 'Redirected',
  contacted: 'Contacted',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** What a link worker may decide; 'requested' and 'cancelled' are the referrer's, not theirs. */
export const DECISIONS = [
  { status: 'accepted', label: 'Accept', hint: 'The service will take this referral on.' },
  { status: 'declined', label: 'Decline', hint: 'Say why: the referrer is told.' },
  { status: 'redirected', label: 'Redirect', hint: 'Say where to: the referrer is told.' },
  { status: 'contacted', label: 'Contacted', hint: 'You have been in touch with the person.' },
  { status: 'completed', label: 'Completed', hint: 'The work with this person has ended.' },
] as const satisfies readonly { status: Status; label: string; hint: string }[];
