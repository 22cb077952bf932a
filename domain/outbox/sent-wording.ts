import { ukTime } from '../clock/nhs-date';
import type { MessageBack } from '../fhir/read-message-back';
import { needLabel } from '../referral/needs';
import { referralReference } from '../referral/reference';
import { closedWords } from './message-back-words';
import { type DeliveryWatch, notDeliveredReason } from './overdue';
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
  /** Refused by the service, or still not delivered after the practice's set time: the referrer should look. */
  attention: boolean;
  /**
   * A referral the service refused can be sent again; one overdue is offered it too (it is tried at once, though the
   * outbox goes on trying it anyway).
   */
  canSendAgain: boolean;
  /** Closed by the service: the outcome as the message back gave it (for the record entry), and its summary. */
  closing?: NonNullable<MessageBack['closing']>;
};

/** One outbox row as the pad's Sent referrals list shows it, `now` and by the practice's `watch` setting. */
export function sentReferralView(row: OutboxRow, now: number, watch: DeliveryWatch): SentReferralView {
  const base = {
    id: row.id,
    reference: referralReference(row.id),
    needs: row.needs.map(needLabel),
    sentAt: row.createdAt,
    attention: false,
    canSendAgain: false,
  };
  switch (row.status) {
    case 'queued':
    case 'sending': {
      const overdue = notDeliveredReason(row, now, watch);
      if (overdue) return { ...base, state: 'Needs attention', detail: overdue, attention: true, canSendAgain: true };
      return {
        ...base,
        state: 'Waiting to send',
        detail: row.nextAttemptAt > now ? `Will try again at ${ukTime(row.nextAttemptAt)}` : 'Sending now',
      };
    }
    case 'needs-attention': {
      const reason = row.lastError ?? 'The service refused this referral';
      if (row.redactedAt === undefined)
        return { ...base, state: 'Needs attention', detail: reason, attention: true, canSendAgain: true };
      // Its details were removed after the retention period: it cannot be sent again, only referred again.
      return {
        ...base,
        state: 'Needs attention',
        attention: true,
        detail: `${reason}. Its details have been removed from this browser: refer the patient again.`,
      };
    }
    case 'delivered':
      return { ...base, ...deliveredWords(row) };
  }
}

/**
 * What the service has said: the outcome once the case is closed; while no decision is made past the service's rule,
 * that there is no response yet, or once accepted with no contact past it, that there is no contact yet (each needs
 * the GP's attention); else the link worker's status, with where the case
 * stands when there is no note.
 */
function deliveredWords(row: OutboxRow): Pick<SentReferralView, 'state' | 'detail' | 'closing'> & { attention?: true } {
  const back = row.messageBack;
  if (back?.closing) return { ...closedWords(back.closing), closing: back.closing };
  const status = row.linkWorker?.status ?? 'requested';
  // Overdue against the service's rule: undecided, or accepted with no contact yet (the queue's words for each).
  if (back?.state?.code === 'overdue' && (status === 'requested' || status === 'accepted'))
    return { state: back.state.text, attention: true };
  const words = linkWorkerWords(row.linkWorker);
  return words.detail === undefined && back?.state ? { ...words, detail: back.state.text } : words;
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
