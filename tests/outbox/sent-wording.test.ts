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

describe('the message back in the GP’s words', () => {
  const at = '2027-03-03T14:30:00.000Z';
  const delivered = (
    messageBack: OutboxRow['messageBack'],
    status: 'requested' | 'accepted' | 'contacted' | 'completed',
  ) => row({ status: 'delivered', linkWorker: { status, updatedAt: at }, messageBack });
  const closing = (changes: object) => ({
    reason: 'completed' as const,
    words: 'Completed',
    by: 'Sam Patel',
    at,
    connectedTo: [],
    needsMet: [],
    wellbeing: {},
    ...changes,
  });

  it.each([
    [closing({}), 'Closed — completed by Sam Patel on 3 March 2027', undefined],
    [
      closing({
        connectedTo: [
          { kind: 'group', name: 'Kingsmead Walking Group' },
          { kind: 'activity', name: 'gardening' },
          { kind: 'service', name: 'Citizens Advice' },
          { kind: 'other', name: 'a befriender' },
        ],
        needsMet: ['loneliness', 'money-debt'],
      }),
      'Closed — completed by Sam Patel on 3 March 2027',
      'joined Kingsmead Walking Group; took up gardening; connected with Citizens Advice; a befriender; needs met: Loneliness or isolation, Money and debt',
    ],
    [
      closing({ reason: 'unable-to-contact', words: 'Unable to contact after 3 attempts', by: undefined }),
      'Closed — unable to contact after 3 attempts (3 March 2027)',
      undefined,
    ],
    [
      closing({ reason: 'referred-elsewhere', words: 'Referred elsewhere: Citizens Advice' }),
      'Closed — referred elsewhere: Citizens Advice (Sam Patel, 3 March 2027)',
      undefined,
    ],
    [
      closing({ wellbeing: { end: { kind: 'ons4', lifeSatisfaction: 7 } } }),
      'Closed — completed by Sam Patel on 3 March 2027',
      'at the end ONS4: life satisfaction 7/10; worthwhile, happiness, anxiety skipped',
    ],
  ] as const)('%#: a closed case says how, who and when, and what came of it', (closed, state, detail) => {
    const view = sentReferralView(delivered({ closing: closed }, 'completed'), NOW, WATCH);
    expect(view).toMatchObject({ state, attention: false, closing: closed });
    expect(view.detail).toBe(detail);
  });

  it('an undecided referral past the service’s rule needs attention, in the service’s words', () => {
    const text = 'No response yet from Kingsmead Connect — 12 working days';
    const view = sentReferralView(delivered({ state: { code: 'overdue', text } }, 'requested'), NOW, WATCH);
    expect(view).toMatchObject({ state: text, attention: true });
  });

  it('an accepted referral with no contact past the service’s rule needs attention too', () => {
    const text = 'Accepted by Kingsmead Connect but no contact yet — 6 working days';
    const view = sentReferralView(delivered({ state: { code: 'overdue', text } }, 'accepted'), NOW, WATCH);
    expect(view).toMatchObject({ state: text, attention: true });
    // A later status than the words were written for is shown as it stands.
    const contacted = sentReferralView(delivered({ state: { code: 'overdue', text } }, 'contacted'), NOW, WATCH);
    expect(contacted).toMatchObject({ state: 'Contacted', attention: false });
  });

  it('says where an open case stands when the link worker left no note', () => {
    const text = 'On the waiting list: expected by 5 April 2027';
    const view = sentReferralView(delivered({ state: { code: 'waiting-list', text } }, 'accepted'), NOW, WATCH);
    expect(view).toMatchObject({ state: 'Accepted', detail: text, attention: false });
    const assigned = { state: { code: 'assigned', text: 'Assigned to Sam Patel' } } as const;
    expect(sentReferralView(delivered(assigned, 'requested'), NOW, WATCH)).toMatchObject({
      state: 'Delivered — awaiting the link worker',
      detail: 'Assigned to Sam Patel',
    });
  });
});
