// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueReferral } from '../../app/background/outbox/enqueue';
import { redactDelivered } from '../../app/background/outbox/retention';
import { runOutbox } from '../../app/background/outbox/run';
import { pollStatuses } from '../../app/background/outbox/status';
import { closingSchema } from '../../domain/caseload/case';
import { SYSTEMS } from '../../domain/fhir';
import { taskWithCase } from '../../domain/fhir/message-back';
import { type StandInQueue, startStandInQueue } from '../../test-support/queue/stand-in-queue';
import { aReferral, clock, drainer, freshOutbox } from './support';

let queue: StandInQueue;
beforeAll(async () => {
  queue = await startStandInQueue();
});
afterAll(() => queue.close());

const DAY = 24 * 60 * 60_000;

async function delivered() {
  const db = freshOutbox();
  const time = clock();
  const { deps, drain } = drainer(db, queue.url, queue.token, time.now);
  const referral = aReferral();
  await enqueueReferral(referral, { db, now: time.now() });
  expect(await drain()).toMatchObject({ delivered: 1 });
  return { db, time, deps, referral, row: () => db.referrals.get(referral.id) };
}

describe('the link worker’s status', () => {
  it('is asked for once due, stored when the link worker decides, and no longer asked for once final', async () => {
    const { time, deps, referral, row } = await delivered();
    expect(await pollStatuses(deps)).toBe(0); // not due yet
    time.advance(30_000);
    expect(await pollStatuses(deps)).toBe(0); // due, still "requested"
    expect(await row()).toMatchObject({ linkWorker: { status: 'requested' }, polls: 1 });
    expect((await row())?.pollAt).toBe(time.now() + 30_000);

    queue.decide(referral.id, {
      status: 'accepted',
      note: 'Will call on Monday.',
      by: 'Lee (link worker)',
      at: '2026-11-22T10:00:00Z',
    });
    time.advance(30_000);
    expect(await pollStatuses(deps)).toBe(1);
    expect(await row()).toMatchObject({
      linkWorker: { status: 'accepted', note: 'Will call on Monday.' },
      trail: [{ status: 'queued' }, { status: 'delivered' }, { status: 'accepted' }],
    });
    expect((await row())?.pollAt).toBeDefined(); // accepted is not the end: contact and completion follow

    queue.decide(referral.id, {
      status: 'redirected',
      redirectTo: 'Community mental health team',
      reason: 'Needs clinical support first.',
      by: 'Lee (link worker)',
      at: '2026-11-22T11:00:00Z',
    });
    expect(await pollStatuses(deps, { everything: true })).toBe(1);
    expect(await row()).toMatchObject({
      linkWorker: { status: 'redirected', redirectTo: 'Community mental health team' },
    });
    expect((await row())?.pollAt).toBeUndefined();
    time.advance(DAY);
    expect(await pollStatuses(deps, { everything: true })).toBe(0);
  });
});

describe('retention', () => {
  it('removes identifiable details of referrals delivered more than N days ago and keeps the status trail', async () => {
    const { db, time, deps, referral, row } = await delivered();
    queue.decide(referral.id, {
      status: 'accepted',
      note: 'Spoke to Margaret’s daughter.',
      by: 'Lee',
      at: '2026-11-22T10:00:00Z',
    });
    time.advance(30_000);
    await pollStatuses(deps);
    const waiting = aReferral();
    await enqueueReferral(waiting, { db, now: time.now() });

    expect(await redactDelivered(db, time.now() + 7 * DAY - 60_000, 7)).toBe(0);
    expect(await redactDelivered(db, time.now() + 7 * DAY, 7)).toBe(1);

    const kept = await row();
    expect(kept).toMatchObject({
      id: referral.id,
      status: 'delivered',
      linkWorker: { status: 'accepted' },
      trail: [{ status: 'queued' }, { status: 'delivered' }, { status: 'accepted' }],
    });
    for (const gone of ['nhsNumber', 'patientName'] as const) expect(kept?.[gone]).toBeUndefined();
    expect(await db.bundles.get(referral.id)).toBeUndefined();
    expect(kept?.linkWorker?.note).toBeUndefined();
    expect(JSON.stringify(kept)).not.toMatch(
      new RegExp(`${referral.patient.family}|${referral.patient.nhsNumber}|choir`),
    );
    // Not yet delivered: untouched, whatever its age.
    expect(await db.bundles.get(waiting.id)).toBeDefined();
  });

  it('runs with each outbox pass, by the champion’s number of days', async () => {
    const { db, time, deps, row } = await delivered();
    time.advance(3 * DAY);
    await runOutbox({ ...deps, retentionDays: 3 });
    expect((await row())?.redactedAt).toBe(time.now());
    expect(await db.referrals.count()).toBe(1);
  });
});

describe('the message back', () => {
  const closing = closingSchema.parse({
    reason: 'completed',
    connectedTo: [{ kind: 'group', name: 'Kingsmead Walking Group' }],
    summary: 'Walks with the group on Tuesdays.',
    wellbeing: { start: { kind: 'ons4', lifeSatisfaction: 4 }, end: { kind: 'ons4', lifeSatisfaction: 7 } },
  });
  const at = '2027-03-03T14:30:00.000Z';

  it('keeps where the case stands, and the outcome read by the poll that finds the Task closed (the last poll)', async () => {
    const { time, deps, referral, row } = await delivered();
    queue.changeTask(referral.id, (task) =>
      taskWithCase(task, { status: 'accepted', attempts: 1, waiting: { expected: '2027-04-05' }, at }),
    );
    time.advance(30_000);
    expect(await pollStatuses(deps)).toBe(1);
    expect((await row())?.messageBack).toEqual({
      state: { code: 'waiting-list', text: 'On the waiting list: expected by 5 April 2027' },
    });

    queue.changeTask(referral.id, (task) =>
      taskWithCase(task, { status: 'completed', attempts: 2, closing, closedBy: 'Sam Patel', at }),
    );
    expect(await pollStatuses(deps, { everything: true })).toBe(1);
    const closed = await row();
    expect(closed?.pollAt).toBeUndefined();
    expect(closed?.linkWorker?.status).toBe('completed');
    expect(closed?.messageBack?.closing).toMatchObject({
      reason: 'completed',
      by: 'Sam Patel',
      connectedTo: closing.connectedTo,
      summary: closing.summary,
      wellbeing: closing.wellbeing,
    });
    // Kept after the retention period, but for the summary (free text that may name the person).
    time.advance(8 * DAY);
    await redactDelivered(deps.db, time.now(), 7);
    expect((await row())?.messageBack?.closing).toMatchObject({ reason: 'completed', by: 'Sam Patel' });
    expect((await row())?.messageBack?.closing?.summary).toBeUndefined();
  });

  it('goes on polling a referral with no decision, and keeps the overdue words when the service gives them', async () => {
    const { time, deps, referral, row } = await delivered();
    for (let poll = 0; poll < 12; poll++) {
      time.advance(DAY);
      await pollStatuses(deps);
    }
    expect((await row())?.pollAt).toBeGreaterThan(time.now());
    const words = 'No response yet from Kingsmead Connect — 12 working days';
    queue.changeTask(referral.id, (task) => ({
      ...task,
      businessStatus: { coding: [{ system: SYSTEMS.caseState, code: 'overdue' }], text: words },
    }));
    time.advance(DAY);
    expect(await pollStatuses(deps)).toBe(1);
    expect((await row())?.messageBack).toEqual({ state: { code: 'overdue', text: words } });
    expect((await row())?.pollAt).toBeGreaterThan(time.now());
    // Nothing new: not counted as a change again.
    time.advance(DAY);
    expect(await pollStatuses(deps)).toBe(0);
  });
});
