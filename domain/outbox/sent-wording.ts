import { ukTime } from '../clock/nhs-date';
import { needLabel } from '../referral/needs';
import { referralReference } from '../referral/reference';
import type { OutboxRow } from './row';

/** What the GP reads about one sent referral: its state in their words, plus what to do about it. */
export type SentReferralView = {
  id: string;
  reference: string;
  needs: string[];
  sentAt: number;
  /** The state in a GP's words, e.g. "Waiting to send", "Declined". */
  state: string;
  /** The reason, destination, note or next try that goes with the state, when there is one. */
  detail?: string;
  /** Only a referral the service refused can be sent again. */
  canSendAgain: boolean;
};

/** One outbox row as the pad's Sent referrals list shows it. */
export function sentReferralView(row: OutboxRow, now = Date.now()): SentReferralView {
  const base = {
    id: row.id,
    reference: referralReference(row.id),
    needs: row.needs.map(needLabel),
    sentAt: row.createdAt,
    canSendAgain: false,
  };
  switch (row.status) {
    case 'queued':
    case 'sending':
      return {
        ...base,
        state: 'Waiting to send',
        detail: row.nextAttemptAt > now ? `Will try again at ${ukTime(row.nextAttemptAt)}` : 'Sending now',
      };
    case 'needs-attention': {
      const reason = row.lastError ?? 'The service refused this referral';
      if (row.redactedAt === undefined)
        return { ...base, state: 'Needs attention', detail: reason, canSendAgain: true };
      // Its details were removed after the retention period: it cannot be sent again, only referred again.
      return {
        ...base,
        state: 'Needs attention',
        detail: `${reason}. Its details have been removed from this browser: refer the patient again.`,
      };
    }
    case 'delivered':
      return { ...base, ...linkWorkerWords(row.linkWorker) };
  }
}

function linkWorkerWords(lw: OutboxRow['linkWorker']): { state: string; detail?: string } {
  switch (lw?.status) {
    case undefined:
    case 'requested':
      return { state: 'Delivered — awaiting the link worker' };
    case 'accepted':
      return { state: 'Accepted', detail: lw.note };
    case 'declined':
      return { state: 'Declined', detail: lw.reason ?? lw.note };
    case 'redirected':
      return { state: 'Redirected', detail: lw.redirectTo ? `To ${lw.redirectTo}` : lw.note };
    case 'contacted':
      return { state: 'Contacted', detail: lw.note };
    case 'completed':
      return { state: 'Completed', detail: lw.note };
    case 'cancelled':
      return { state: 'Cancelled', detail: lw.reason ?? lw.note };
  }
}
