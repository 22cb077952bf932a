import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_OUTCOMES, type CaseEvent, type CaseEventBody, closingSchema } from '../../domain/caseload/case';
import { caseStanding } from '../../domain/caseload/standing';
import { SYSTEMS, taskResource } from '../../domain/fhir';
import { taskWithCase } from '../../domain/fhir/message-back';
import { richReferral } from '../../test-support/fixtures/referrals';

const START = Date.parse('2027-03-01T09:00:00.000Z');
const MINUTE = 60_000;
const requested = taskResource(richReferral, 'Patient/p-1', `ServiceRequest/${richReferral.id}`);

/** One thing a link worker writes down, `gap` minutes after the last; an attempt made `earlier` minutes before. */
const step = fc.record({
  gap: fc.integer({ min: 0, max: 90 }),
  what: fc.oneof(
    fc.record({ kind: fc.constant('attempt'), outcome: fc.constantFrom(...ATTEMPT_OUTCOMES), earlier: fc.nat(240) }),
    fc.record({ kind: fc.constant('waiting-list'), day: fc.integer({ min: 10, max: 28 }) }),
    fc.record({ kind: fc.constant('next-action'), day: fc.integer({ min: 10, max: 28 }) }),
    fc.record({ kind: fc.constant('note') }),
  ),
});

/** The case's events as stored: in the order written down, each at the queue's time then. */
function eventsOf(steps: readonly StepValue[], closed: boolean) {
  let at = START;
  const events: CaseEvent[] = [];
  const add = (body: CaseEventBody) =>
    events.push({ ...body, id: events.length + 1, at: new Date(at).toISOString(), by: 'sam', byName: 'Sam Patel' });
  for (const { gap, what } of steps) {
    at += gap * MINUTE;
    if (what.kind === 'attempt') {
      const made = new Date(at - what.earlier * MINUTE).toISOString();
      add({ kind: 'attempt', attempt: { at: made, how: 'phone', outcome: what.outcome } });
    }
    if (what.kind === 'waiting-list') add({ kind: 'waiting-list', waiting: { expected: `2027-04-${what.day}` } });
    if (what.kind === 'next-action')
      add({ kind: 'next-action', action: { text: 'Ring back', due: `2027-04-${what.day}` } });
    if (what.kind === 'note') add({ kind: 'note', note: { text: 'A note' } });
  }
  if (closed) add({ kind: 'closed', closing: closingSchema.parse({ reason: 'completed' }) });
  return events;
}
type StepValue = typeof step extends fc.Arbitrary<infer T> ? T : never;

const happened = (e: CaseEvent) => Date.parse(e.kind === 'attempt' ? e.attempt.at : e.at);

/**
 * The model, said another way: the person is on the waiting list when some waiting-list event has no call that reached
 * them after it (by when each happened; at the same time, the one written down later is after) — the list of the
 * latest such — and nothing is on a list or to do once the case is closed.
 */
function model(events: readonly CaseEvent[]) {
  const closed = events.some((e) => e.kind === 'closed');
  const reached = events.filter((e) => e.kind === 'attempt' && e.attempt.outcome === 'reached');
  const after = (a: CaseEvent, b: CaseEvent) =>
    happened(a) > happened(b) || (happened(a) === happened(b) && a.id > b.id);
  const stillWaiting = events.filter((w) => w.kind === 'waiting-list' && !reached.some((r) => after(r, w)));
  const last = stillWaiting.at(-1);
  const waiting = !closed && last?.kind === 'waiting-list' ? last.waiting : undefined;
  const lastNext = events.filter((e) => e.kind === 'next-action').at(-1);
  const firstContact = [...reached].sort((a, b) => happened(a) - happened(b))[0];
  return {
    waiting,
    next: !closed && lastNext?.kind === 'next-action' ? lastNext.action : undefined,
    firstContactAt: firstContact?.kind === 'attempt' ? firstContact.attempt.at : undefined,
    state: closed ? 'closed' : waiting ? 'waiting-list' : reached.length > 0 ? 'in-contact' : 'new',
  };
}

describe('where a case stands after its events', () => {
  it('agrees with the model over any order of attempts, waiting lists and next actions, and so does the Task', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.boolean(), (steps, closed) => {
        const events = eventsOf(steps, closed);
        const standing = caseStanding(events);
        const expected = model(events);
        expect(standing.waiting).toEqual(expected.waiting);
        expect(standing.next).toEqual(expected.next);
        expect(standing.firstContactAt).toBe(expected.firstContactAt);
        expect(standing.attempts).toBe(events.filter((e) => e.kind === 'attempt').length);
        const task = taskWithCase(requested, {
          status: standing.firstContactAt ? 'contacted' : 'requested',
          attempts: standing.attempts,
          ...(standing.firstContactAt ? { firstContactAt: standing.firstContactAt } : {}),
          ...(standing.waiting ? { waiting: standing.waiting } : {}),
          ...(standing.closed ? { closing: standing.closed.closing, closedBy: standing.closed.byName } : {}),
          at: new Date(START).toISOString(),
        });
        const code = task.businessStatus?.coding?.find((c) => c.system === SYSTEMS.caseState)?.code;
        expect(code).toBe(expected.state);
      }),
      { numRuns: 500 },
    );
  });

  it('takes a person reached after the waiting list off it, and one put on it after a call back on', () => {
    const call = { gap: 5, what: { kind: 'attempt', outcome: 'reached', earlier: 0 } } as const;
    const wait = { gap: 5, what: { kind: 'waiting-list', day: 20 } } as const;
    expect(caseStanding(eventsOf([wait, call], false)).waiting).toBeUndefined();
    expect(caseStanding(eventsOf([call, wait], false)).waiting).toEqual({ expected: '2027-04-20' });
    // A call made before the waiting list but written down after it: still on the list.
    const late = { gap: 5, what: { kind: 'attempt', outcome: 'reached', earlier: 30 } } as const;
    expect(caseStanding(eventsOf([wait, late], false)).waiting).toEqual({ expected: '2027-04-20' });
  });

  it('keeps how, by whom and when a case closed, with no next action or waiting list left open', () => {
    const steps = [
      { gap: 1, what: { kind: 'waiting-list', day: 20 } },
      { gap: 1, what: { kind: 'next-action', day: 21 } },
    ] as const;
    const standing = caseStanding(eventsOf(steps, true));
    expect(standing).toMatchObject({ closed: { byName: 'Sam Patel', at: new Date(START + 2 * MINUTE).toISOString() } });
    expect(standing.closed?.closing.reason).toBe('completed');
    expect(standing.next).toBeUndefined();
    expect(standing.waiting).toBeUndefined();
  });
});
