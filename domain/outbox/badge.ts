import { referralReference } from '../referral/reference';
import { type DeliveryWatch, notDeliveredReason } from './overdue';
import type { OutboxRow } from './row';

/** What the toolbar button says about the outbox: a count on the badge, and the reasons in its tooltip. */
export type OutboxBadge = {
  /** Referrals not yet delivered (waiting, being sent, or needing attention); "" when none. */
  text: string;
  /** How many of them need the referrer's attention: the badge is then the warning colour. */
  attention: number;
  /** The button's tooltip: each one needing attention by its reference (never the patient's name) and why. */
  title: string;
};

export const BADGE_TITLE = 'Social Prescribing Pad';

/**
 * The badge for the rows not yet delivered (`queued`, `sending`, `needs-attention`; redacted ones are left out by the
 * caller: nothing can be done with them but refer again), `now` and by the practice's `watch` setting.
 */
export function outboxBadge(rows: OutboxRow[], now: number, watch: DeliveryWatch): OutboxBadge {
  const reasons = rows.flatMap((row) => {
    const reason =
      row.status === 'needs-attention'
        ? (row.lastError ?? 'The service refused this referral')
        : notDeliveredReason(row, now, watch);
    return reason ? [`${referralReference(row.id)}: ${reason}`] : [];
  });
  const waiting = rows.length - reasons.length;
  const lines = [
    reasons.length > 0 && `${reasons.length} ${reasons.length === 1 ? 'referral needs' : 'referrals need'} attention:`,
    ...reasons,
    waiting > 0 && `${waiting} waiting to send.`,
  ].filter((line) => typeof line === 'string');
  return {
    text: rows.length > 0 ? String(rows.length) : '',
    attention: reasons.length,
    title: lines.length ? `${BADGE_TITLE}\n${lines.join('\n')}` : BADGE_TITLE,
  };
}
