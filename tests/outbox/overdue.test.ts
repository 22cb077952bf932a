import { describe, expect, it } from 'vitest';
import { outboxBadge } from '../../domain/outbox/badge';
import { deliveryWatch, duration, notDeliveredReason } from '../../domain/outbox/overdue';
import type { OutboxRow } from '../../domain/outbox/row';
import { sentReferralView } from '../../domain/outbox/sent-wording';

/** Saved at 10:02 GMT on 22 Nov 2026; each test moves the clock on from there. */
const SAVED = Date.UTC(2026, 10, 22, 10, 2);
const MINUTE = 60_000;
const WATCH = { afterMinutes: 60, endpoint: 'https://queue.example.nhs.uk/fhir' };
const UNREACHABLE = 'The queue service could not be reached; it will be tried again.';

function waiting(changes: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id: '1a2b3c4d-0000-4000-8000-000000000000',
    status: 'queued',
    practice: 'L81001',
    needs: ['loneliness'],
    createdAt: SAVED,
    updatedAt: SAVED,
    attempts: 5,
    nextAttemptAt: SAVED + 70 * MINUTE,
    lastError: UNREACHABLE,
    polls: 0,
    trail: [{ at: SAVED, status: 'queued' }],
    ...changes,
  };
}

describe('a referral still not delivered after the practice’s set time needs attention', () => {
  it('is only waiting up to a minute before the hour, and needs attention from the hour, with the reason', () => {
    const before = sentReferralView(waiting(), SAVED + 59 * MINUTE, WATCH);
    expect(before).toMatchObject({ state: 'Waiting to send', attention: false, canSendAgain: false });

    const after = sentReferralView(waiting(), SAVED + 60 * MINUTE, WATCH);
    expect(after).toMatchObject({ state: 'Needs attention', attention: true, canSendAgain: true });
    expect(after.detail).toBe(
      `Not delivered after 1 hour: the queue at queue.example.nhs.uk has not answered since 10:02 — ${UNREACHABLE}`,
    );
  });

  it('follows the setting: 90 minutes, and a row being sent counts as waiting', () => {
    const watch = { ...WATCH, afterMinutes: 90 };
    expect(notDeliveredReason(waiting(), SAVED + 89 * MINUTE, watch)).toBeUndefined();
    expect(notDeliveredReason(waiting({ status: 'sending' }), SAVED + 90 * MINUTE, watch)).toMatch(
      /^Not delivered after 90 minutes: the queue at queue\.example\.nhs\.uk has not answered since 10:02 — /,
    );
  });

  it('says the time in UK time, with the day once the clock has passed midnight', () => {
    const summer = Date.UTC(2026, 6, 1, 22, 30); // 23:30 BST
    const row = waiting({ createdAt: summer });
    expect(notDeliveredReason(row, summer + 61 * MINUTE, WATCH)).toContain('since 23:30 on 1 Jul —');
    expect(notDeliveredReason(row, summer + 20 * MINUTE + 60 * MINUTE, { ...WATCH, afterMinutes: 80 })).toContain(
      'since 23:30 on 1 Jul',
    );
    expect(notDeliveredReason(waiting(), SAVED + 61 * MINUTE, WATCH)).toContain('since 10:02 —');
  });

  it('says what to do when no queue is set, and that it is still tried when nothing has failed yet', () => {
    expect(notDeliveredReason(waiting(), SAVED + 2 * 60 * MINUTE, { afterMinutes: 60 })).toBe(
      'Not delivered after 1 hour: no link worker queue is set for this practice — ask your practice champion.',
    );
    const { lastError: _none, ...untried } = waiting();
    expect(notDeliveredReason(untried, SAVED + 60 * MINUTE, WATCH)).toMatch(/since 10:02 — it will be tried again\.$/);
  });

  it('never touches a referral delivered or refused, however old', () => {
    const late = SAVED + 24 * 60 * MINUTE;
    expect(notDeliveredReason(waiting({ status: 'delivered' }), late, WATCH)).toBeUndefined();
    expect(sentReferralView(waiting({ status: 'delivered' }), late, WATCH).state).toBe(
      'Delivered — awaiting the link worker',
    );
    const refused = waiting({ status: 'needs-attention', lastError: 'Unknown practice' });
    expect(sentReferralView(refused, late, WATCH)).toMatchObject({
      state: 'Needs attention',
      detail: 'Unknown practice',
    });
  });

  it('reads the setting, 60 minutes until the settings are read', () => {
    expect(deliveryWatch(undefined)).toEqual({ afterMinutes: 60 });
    expect(deliveryWatch({ notDeliveredAfterMinutes: 120, queue: { endpoint: WATCH.endpoint, token: 't' } })).toEqual({
      afterMinutes: 120,
      endpoint: WATCH.endpoint,
    });
    expect([1, 45, 60, 90, 120].map(duration)).toEqual(['1 minute', '45 minutes', '1 hour', '90 minutes', '2 hours']);
  });
});

describe('the toolbar badge', () => {
  it('counts what is not delivered; red with each reason in its tooltip once one needs attention', () => {
    const rows = [waiting(), waiting({ id: '2b3c4d5e-0000-4000-8000-000000000000', createdAt: SAVED + 50 * MINUTE })];
    const early = outboxBadge(rows, SAVED + 30 * MINUTE, WATCH);
    expect(early).toEqual({ text: '2', attention: 0, title: 'Social Prescribing Pad\n2 waiting to send.' });

    const late = outboxBadge(rows, SAVED + 61 * MINUTE, WATCH);
    expect(late.text).toBe('2');
    expect(late.attention).toBe(1);
    expect(late.title).toBe(
      'Social Prescribing Pad\n1 referral needs attention:\n' +
        `SP-1A2B-3C4D: Not delivered after 1 hour: the queue at queue.example.nhs.uk has not answered since 10:02 — ${UNREACHABLE}\n` +
        '1 waiting to send.',
    );
  });

  it('is empty with the plain title when nothing waits; a refusal needs attention at once', () => {
    expect(outboxBadge([], SAVED, WATCH)).toEqual({ text: '', attention: 0, title: 'Social Prescribing Pad' });
    const refused = outboxBadge([waiting({ status: 'needs-attention', lastError: 'Unknown practice' })], SAVED, WATCH);
    expect(refused).toMatchObject({ text: '1', attention: 1 });
    expect(refused.title).toContain('SP-1A2B-3C4D: Unknown practice');
  });
});
