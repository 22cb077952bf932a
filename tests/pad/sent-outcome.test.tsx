import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SentReferralList } from '../../app/pad/SentReferrals';
import { closingSchema } from '../../domain/caseload/case';
import { taskResource } from '../../domain/fhir';
import { taskWithCase } from '../../domain/fhir/message-back';
import { readMessageBack } from '../../domain/fhir/read-message-back';
import type { OutboxRow } from '../../domain/outbox/row';
import { richReferral } from '../../test-support/fixtures/referrals';
import { renderRoot } from './render-root';

/** What the GP sees in Sent referrals once the service has closed the case, or has not answered past its rule. */
const root = renderRoot();
const NOW = Date.UTC(2027, 2, 17, 12);
const WATCH = { afterMinutes: 60, endpoint: 'https://queue.example.nhs.uk/fhir' };
const task = taskResource(richReferral, 'Patient/p-1', `ServiceRequest/${richReferral.id}`);

function delivered(messageBack: OutboxRow['messageBack'], status: 'requested' | 'completed'): OutboxRow {
  return {
    id: richReferral.id,
    status: 'delivered',
    practice: 'L81001',
    needs: ['loneliness'],
    createdAt: NOW - 20 * 86_400_000,
    updatedAt: NOW,
    attempts: 1,
    nextAttemptAt: 0,
    polls: 5,
    trail: [],
    linkWorker: { status, updatedAt: '2027-03-03T14:30:00.000Z' },
    ...(messageBack ? { messageBack } : {}),
  };
}

async function show(row: OutboxRow) {
  await act(() => {
    render(
      <SentReferralList title="This patient" list={{ rows: [row], loaded: true }} watch={WATCH} now={NOW} />,
      root(),
    );
  });
  return root().querySelector('.pad-sent-item') as HTMLElement;
}

describe('Sent referrals after the message back', () => {
  it('shows a closed case in plain words, the summary, and the outcome’s entry for the record', async () => {
    const closing = closingSchema.parse({
      reason: 'completed',
      connectedTo: [{ kind: 'group', name: 'Kingsmead Walking Group' }],
      summary: 'Walks with the group on Tuesdays.',
      wellbeing: { start: { kind: 'ons4', lifeSatisfaction: 4 }, end: { kind: 'ons4', lifeSatisfaction: 7 } },
    });
    const back = readMessageBack(
      taskWithCase(task, {
        status: 'completed',
        attempts: 2,
        closing,
        closedBy: 'Sam Patel',
        at: '2027-03-03T14:30:00Z',
      }),
    );
    const item = await show(delivered(back, 'completed'));
    expect(item.querySelector('.pad-sent-state')?.textContent).toBe(
      'Closed — completed by Sam Patel on 3 March 2027: joined Kingsmead Walking Group; ONS4: life satisfaction up from 4 to 7 (better)',
    );
    expect(item.querySelector('.pad-sent-summary')?.textContent).toBe(
      'Summary from the link worker: Walks with the group on Tuesdays.',
    );
    const entry = item.querySelector('textarea') as HTMLTextAreaElement;
    expect(item.querySelector(`label[for="${entry.id}"]`)?.textContent).toBe(
      'Outcome of SP-3F2B-8C1E for the clinical record',
    );
    expect(entry.value.split('\n')[0]).toBe(
      'Social prescribing outcome: Completed (no SNOMED CT concept for this outcome: record it as text)',
    );
    expect(entry.value).toContain('Connected to: joined Kingsmead Walking Group');
    expect(item.classList.contains('pad-sent-item--attention')).toBe(false);
  });

  it('heads a patient’s decline with SNOMED CT 871711000000103', async () => {
    const closing = closingSchema.parse({ reason: 'patient-declined' });
    const back = readMessageBack(
      taskWithCase(task, {
        status: 'completed',
        attempts: 1,
        closing,
        closedBy: 'Sam Patel',
        at: '2027-03-03T14:30:00Z',
      }),
    );
    const item = await show(delivered(back, 'completed'));
    expect(item.querySelector('.pad-sent-state')?.textContent).toBe(
      'Closed — patient declined (Sam Patel, 3 March 2027)',
    );
    expect((item.querySelector('textarea') as HTMLTextAreaElement).value.split('\n')[0]).toBe(
      'Social prescribing declined (SNOMED CT 871711000000103)',
    );
  });

  it('says when the service has not answered past its rule, as needing attention', async () => {
    const words = 'No response yet from Kingsmead Connect — 12 working days';
    const item = await show(delivered({ state: { code: 'overdue', text: words } }, 'requested'));
    expect(item.querySelector('.pad-sent-state')?.textContent).toBe(words);
    expect(item.classList.contains('pad-sent-item--attention')).toBe(true);
    expect(item.querySelector('textarea')).toBeNull();
  });
});
