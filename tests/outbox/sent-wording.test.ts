import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../domain/outbox/row';
import { sentReferralView } from '../../domain/outbox/sent-wording';

const NOW = Date.UTC(2026, 10, 22, 12, 0);
const WATCH = { afterMinutes: 60, endpoint: 'https://queue.example.nhs.uk/fhir' };

function row(changes: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id: '1a2b3c4d-0000-4000-8000-000000000000',
    status: 'queued',
    practice: 'A12345',
    needs: [],
    createdAt: NOW - 60_000,
    updatedAt: NOW - 60_000,
    attempts: 0,
    nextAttemptAt: NOW,
    polls: 0,
    trail: [],
    ...changes,
  };
}

describe('sent referral in the GP words', () => {
  it('shows the reference people quote on the phone', () => {
    expect(sentReferralView(row(), NOW, WATCH).reference).toBe('SP-1A2B-3C4D');
  });

  it('queued or sending is "Waiting to send", with when it tries again', () => {
    const later = sentReferralView(row({ nextAttemptAt: NOW + 5 * 60_000 }), NOW, WATCH);
    expect(later.state).toBe('Waiting to send');
    expect(later.detail).toMatch(/^Will try again at \d\d:\d\d$/);
    expect(sentReferralView(row({ status: 'sending' }), NOW, WATCH).state).toBe('Waiting to send');
  });

  it('a refused referral needs attention, says why, and can be sent again', () => {
    const view = sentReferralView(row({ status: 'needs-attention', lastError: 'Unknown practice' }), NOW, WATCH);
    expect(view).toMatchObject({ state: 'Needs attention', detail: 'Unknown practice', canSendAgain: true });
  });

  it('delivered without a link worker answer awaits the link worker', () => {
    const view = sentReferralView(row({ status: 'delivered' }), NOW, WATCH);
    expect(view).toMatchObject({ state: 'Delivered — awaiting the link worker', canSendAgain: false });
  });

  it.each([
    [{ status: 'accepted' as const, note: 'Will call Tuesday' }, 'Accepted', 'Will call Tuesday'],
    [{ status: 'declined' as const, reason: 'Out of area' }, 'Declined', 'Out of area'],
    [{ status: 'redirected' as const, redirectTo: 'Age UK' }, 'Redirected', 'To Age UK'],
    [{ status: 'contacted' as const, note: 'Left voicemail' }, 'Contacted', 'Left voicemail'],
    [{ status: 'completed' as const, note: 'Joined walking group' }, 'Completed', 'Joined walking group'],
  ])('link worker %o reads as %s', (lw, state, detail) => {
    const view = sentReferralView(
      row({ status: 'delivered', linkWorker: { ...lw, updatedAt: '2026-11-22' } }),
      NOW,
      WATCH,
    );
    expect(view).toMatchObject({ state, detail });
  });
});
