import { describe, expect, it } from 'vitest';
import { type CaseEvent, caseEventSchema } from '../../domain/caseload/case';
import { attemptWords, timeline } from '../../domain/caseload/timeline';

let nextId = 1;
function event(at: string, body: unknown, byName = 'Sam Jones'): CaseEvent {
  return { ...caseEventSchema.parse(body), id: nextId++, at, by: 'sam', byName };
}

const arrival = {
  receivedAt: '2026-12-02T09:00:00Z',
  from: 'Dr Asha Patel, Riverside Surgery',
  lines: ['Needs: Loneliness or isolation'],
};

describe('a referral’s timeline', () => {
  it('tells everything oldest first, in plain words', () => {
    const entries = timeline(
      arrival,
      [{ status: 'accepted', note: 'Fits our model.', byName: 'Sam Jones', at: '2026-12-03T10:00:00Z' }],
      [
        event('2026-12-02T11:00:00Z', { kind: 'assigned', to: 'sam', toName: 'Sam Jones' }),
        event('2026-12-04T09:30:00Z', {
          kind: 'attempt',
          attempt: { at: '2026-12-04T09:30:00Z', how: 'phone', outcome: 'no-answer' },
        }),
        event('2026-12-04T15:00:00Z', { kind: 'note', note: { text: 'Daughter says mornings are best.' } }),
        event('2026-12-07T09:10:00Z', {
          kind: 'attempt',
          attempt: { at: '2026-12-07T09:05:00Z', how: 'phone', outcome: 'reached', note: 'Keen to try a group.' },
        }),
        event('2026-12-07T09:20:00Z', { kind: 'next-action', action: { text: 'Send group times', due: '2026-12-09' } }),
        event('2026-12-07T09:25:00Z', { kind: 'waiting-list', waiting: { expected: '2027-01-11' } }),
        event('2027-02-01T12:00:00Z', {
          kind: 'closed',
          closing: { reason: 'completed', connectedTo: [{ kind: 'group', name: 'Walking for Health' }] },
        }),
      ],
    );
    expect(entries.map(({ who, title, lines }) => ({ who, title, lines }))).toEqual([
      {
        who: 'Dr Asha Patel, Riverside Surgery',
        title: 'Referral received',
        lines: ['Needs: Loneliness or isolation'],
      },
      { who: 'Sam Jones', title: 'Assigned to Sam Jones', lines: [] },
      { who: 'Sam Jones', title: 'Accepted', lines: ['Note: Fits our model.'] },
      { who: 'Sam Jones', title: 'Phoned — no answer', lines: [] },
      { who: 'Sam Jones', title: 'Case note', lines: ['Daughter says mornings are best.'] },
      {
        who: 'Sam Jones',
        title: 'Phoned — reached the person',
        lines: ['Keen to try a group.', 'Recorded 7 Dec 2026, 09:10'],
      },
      { who: 'Sam Jones', title: 'Next action', lines: ['Send group times', 'By 9 December 2026'] },
      { who: 'Sam Jones', title: 'On the waiting list', lines: ['The person can expect to hear by 11 January 2027'] },
      { who: 'Sam Jones', title: 'Closed: Completed', lines: ['Connected to: Group: Walking for Health'] },
    ]);
  });

  it('places an attempt at when it happened, even if written down later', () => {
    const entries = timeline(
      arrival,
      [{ status: 'declined', reason: 'Out of area', byName: 'Alex Lee', at: '2026-12-05T10:00:00Z' }],
      [
        event('2026-12-06T10:00:00Z', {
          kind: 'attempt',
          attempt: { at: '2026-12-04T16:00:00Z', how: 'text', outcome: 'message-left' },
        }),
      ],
    );
    expect(entries.map((entry) => entry.title)).toEqual(['Referral received', 'Texted — left a message', 'Declined']);
    expect(entries[1]?.at).toBe('2026-12-04T16:00:00Z');
    expect(entries[2]?.lines).toEqual(['Reason: Out of area']);
  });

  it('keeps the given order for entries at the same instant', () => {
    const at = '2026-12-03T10:00:00Z';
    const entries = timeline(
      arrival,
      [],
      [
        event(at, { kind: 'note', note: { text: 'First' } }),
        event(at, { kind: 'note', note: { text: 'Second' } }),
        event(at, { kind: 'unassigned' }),
      ],
    );
    expect(entries.slice(1).map((entry) => entry.lines[0] ?? entry.title)).toEqual([
      'First',
      'Second',
      'No longer assigned',
    ]);
  });

  it('says each way of trying to reach the person', () => {
    expect(attemptWords({ how: 'via-carer', outcome: 'reached' })).toBe('Through their carer — reached the person');
    expect(attemptWords({ how: 'email', outcome: 'no-answer' })).toBe('Emailed — no answer');
  });
});
