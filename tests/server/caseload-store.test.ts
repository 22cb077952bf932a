import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventBody } from '../../domain/caseload/case';
import { DEFAULT_RESPONSE_RULE, responseDue } from '../../domain/caseload/response-rule';
import { CASELOAD_VIEWS, type CaseloadView, inCaseloadView } from '../../domain/caseload/views';
import type { fhir4, LinkWorkerStatus } from '../../domain/fhir';
import { type Referral, referralSchema } from '../../domain/referral';
import {
  addCaseEvent,
  assign,
  CASELOAD_COUNT_UP_TO,
  caseDetail,
  caseloadCounts,
  caseloadPage,
  fillResponseDue,
  responseRuleOf,
  setResponseRule,
} from '../../server/store/caseload';
import {
  addLinkWorker,
  disableLinkWorker,
  enableLinkWorker,
  type LinkWorkerRole,
  type Session,
  serviceLinkWorkers,
} from '../../server/store/link-workers';
import { removeClosedDetails } from '../../server/store/retention';
import { minimalReferral, richReferral } from '../../test-support/fixtures/referrals';
import { storeManyReferrals } from '../../test-support/queue/many-referrals';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import { type Queue, send, startQueue } from '../../test-support/queue/queue';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

const RIVERSIDE = 'riverside-link-workers';
const BRISTOL = 'bristol-community-connectors';

function session(username: string, displayName: string, serviceId: string, role: LinkWorkerRole): Session {
  return {
    linkWorker: { username, displayName },
    administrator: false,
    serviceId,
    role,
    csrfToken: 'not used by the store',
    expiresAt: new Date('2099-01-01T00:00:00Z'),
  };
}

const ana = session('ana', 'Ana Link Worker', RIVERSIDE, 'link-worker');
const ben = session('ben', 'Ben Link Worker', RIVERSIDE, 'link-worker');
const lee = session('lee', 'Lee Service Lead', RIVERSIDE, 'service-lead');
const kit = session('kit', 'Kit Connector', BRISTOL, 'link-worker');

/** A referral from L81001 under version 2 of "open", which Riverside agreed (test-support/queue/services.ts). */
function referral(flagged = false): Referral {
  const base = flagged
    ? richReferral
    : { ...minimalReferral, referrer: richReferral.referrer, verdict: { ...minimalReferral.verdict, modelVersion: 2 } };
  return referralSchema.parse({ ...base, id: crypto.randomUUID(), createdAt: new Date().toISOString() });
}

const note = (text: string): CaseEventBody => ({ kind: 'note', note: { text } });

describe.each(['embedded database (PGlite)', 'PostgreSQL server'])('the caseload store on the %s', (kind) => {
  let queue: Queue;
  const now = () => new Date();

  /** A referral sent over HTTP as a pad sends it, stored by the real queue: its id. */
  async function arrived(flagged = false): Promise<string> {
    const sent = referral(flagged);
    expect((await send(queue, sent)).status).toBe(200);
    return sent.id;
  }

  async function eventCount(referralId: string): Promise<number> {
    const [row] = await queue.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM case_event WHERE referral_id = $1',
      [referralId],
    );
    return row?.n ?? -1;
  }

  beforeAll(async () => {
    queue = await startQueue(kind.startsWith('embedded') ? 'pglite' : { postgres });
    for (const [who, serviceId] of [
      [ana, RIVERSIDE],
      [ben, RIVERSIDE],
      [lee, RIVERSIDE],
      [kit, BRISTOL],
    ] as const)
      await addLinkWorker(queue.db, {
        username: who.linkWorker.username,
        displayName: who.linkWorker.displayName,
        password: 'a long enough password',
        serviceId,
        role: who.role,
      });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('fixes a referral’s due days on arrival with its service’s rule then; a later rule leaves them', async () => {
    expect(await responseRuleOf(queue.db, RIVERSIDE)).toEqual(DEFAULT_RESPONSE_RULE);
    const before = await arrived();
    const first = await caseDetail(queue.db, before, RIVERSIDE);
    expect(first && { decisionDue: first.decisionDue, contactDue: first.contactDue }).toEqual({
      decisionDue: responseDue(first?.receivedAt ?? '', DEFAULT_RESPONSE_RULE).decisionDue,
      contactDue: responseDue(first?.receivedAt ?? '', DEFAULT_RESPONSE_RULE).contactDue,
    });
    const rule = { firstContactWorkingDays: 2, decisionWorkingDays: 3, dueSoonWorkingDays: 1 };
    expect(await setResponseRule(queue.db, RIVERSIDE, rule, 'lee', now())).toBe(true);
    expect(await responseRuleOf(queue.db, RIVERSIDE)).toEqual(rule);
    const after = await arrived();
    const second = await caseDetail(queue.db, after, RIVERSIDE);
    expect(second?.decisionDue).toBe(responseDue(second?.receivedAt ?? '', rule).decisionDue);
    expect(second?.contactDue).toBe(responseDue(second?.receivedAt ?? '', rule).contactDue);
    expect((await caseDetail(queue.db, before, RIVERSIDE))?.decisionDue).toBe(first?.decisionDue);
    await setResponseRule(queue.db, RIVERSIDE, DEFAULT_RESPONSE_RULE, 'lee', now());
  });

  it('lets a link worker take an unassigned referral or give up their own, and only a lead assign others', async () => {
    const id = await arrived();
    expect(await assign(queue.db, { referralId: id, to: 'ben', by: ana, at: now() })).toEqual({
      kind: 'refused',
      reason: 'Only a service lead can assign a referral to someone else.',
    });
    expect(await assign(queue.db, { referralId: id, to: 'ana', by: ana, at: now() })).toEqual({ kind: 'assigned' });
    expect(await assign(queue.db, { referralId: id, to: 'ben', by: ben, at: now() })).toEqual({
      kind: 'refused',
      reason: 'Ana Link Worker has this referral: only a service lead can reassign it.',
    });
    expect(await assign(queue.db, { referralId: id, to: null, by: ben, at: now() })).toMatchObject({ kind: 'refused' });
    expect(await assign(queue.db, { referralId: id, to: 'kit', by: lee, at: now() })).toEqual({
      kind: 'refused',
      reason: 'kit is not an enabled link worker of this referral’s service.',
    });
    expect(await assign(queue.db, { referralId: id, to: 'ben', by: lee, at: now() })).toEqual({ kind: 'assigned' });
    expect(await assign(queue.db, { referralId: id, to: null, by: ben, at: now() })).toEqual({ kind: 'assigned' });
    expect(await assign(queue.db, { referralId: id, to: 'ana', by: kit, at: now() })).toMatchObject({
      kind: 'refused',
    });
    expect(await assign(queue.db, { referralId: crypto.randomUUID(), to: 'ana', by: ana, at: now() })).toEqual({
      kind: 'not-found',
    });
    const detail = await caseDetail(queue.db, id, RIVERSIDE);
    expect(detail?.assignedTo).toBeUndefined();
    expect(detail?.events.map((event) => [event.kind, event.by])).toEqual([
      ['assigned', 'ana'],
      ['assigned', 'lee'],
      ['unassigned', 'ben'],
    ]);
    expect(detail?.events[1]).toMatchObject({
      kind: 'assigned',
      to: 'ben',
      toName: 'Ben Link Worker',
      byName: 'Lee Service Lead',
    });
  });

  it('gives a referral to one of two link workers pressing "Assign to me" at once, and tells the other who has it', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await arrived();
      const results = await Promise.all(
        [ana, ben].map((who) => assign(queue.db, { referralId: id, to: who.linkWorker.username, by: who, at: now() })),
      );
      const winner = results[0]?.kind === 'assigned' ? ana : ben;
      expect(results.map((result) => result.kind).sort()).toEqual(['assigned', 'refused']);
      expect(results.find((result) => result.kind === 'refused')).toEqual({
        kind: 'refused',
        reason: `${winner.linkWorker.displayName} has this referral: only a service lead can reassign it.`,
      });
      const detail = await caseDetail(queue.db, id, RIVERSIDE);
      expect(detail?.assignedTo).toBe(winner.linkWorker.username);
      expect(detail?.events).toHaveLength(1);
    }
  });

  it('works a case: attempts, a note, the waiting list (accepted), first contact, closing (completed), in order', async () => {
    const id = await arrived();
    const start = (await caseDetail(queue.db, id, RIVERSIDE))?.version ?? 0;
    const add = (body: CaseEventBody) => addCaseEvent(queue.db, { referralId: id, body, by: ana, at: now() });
    const attempt = (outcome: 'no-answer' | 'reached') =>
      add({ kind: 'attempt', attempt: { at: new Date().toISOString(), how: 'phone', outcome } });
    expect(await attempt('no-answer')).toMatchObject({ kind: 'added' });
    expect(await add(note('Left a voicemail; will try after lunch.'))).toMatchObject({ kind: 'added' });
    expect(await add({ kind: 'waiting-list', waiting: { expected: '2099-01-05' } })).toMatchObject({ kind: 'added' });
    let detail = await caseDetail(queue.db, id, RIVERSIDE);
    expect(detail?.status).toBe('accepted');
    expect(detail?.waitingExpected).toBe('2099-01-05');
    expect(detail?.decidedAt).toBeDefined();
    expect(detail?.firstContactAt).toBeUndefined();
    expect(await attempt('reached')).toMatchObject({ kind: 'added' });
    expect(
      await add({ kind: 'next-action', action: { text: 'Phone back about the walking group', due: '2099-01-10' } }),
    ).toMatchObject({ kind: 'added' });
    detail = await caseDetail(queue.db, id, RIVERSIDE);
    expect(detail?.status).toBe('contacted');
    expect(detail?.firstContactAt).toBeDefined();
    expect(detail?.nextActionDue).toBe('2099-01-10');
    const closing = {
      kind: 'closed',
      closing: { reason: 'completed', connectedTo: [{ kind: 'group', name: 'Walking group' }] },
    };
    expect(await add(closing as CaseEventBody)).toMatchObject({ kind: 'added' });
    detail = await caseDetail(queue.db, id, RIVERSIDE);
    expect(detail?.status).toBe('completed');
    expect(detail?.closedAt).toBeDefined();
    expect(detail?.task.status).toBe('completed');
    // The Task changed with each event the GP hears about (attempts, waiting list, closing), not with notes.
    expect(detail?.version).toBe(start + 4);
    expect(detail?.task.meta?.versionId).toBe(String(start + 4));
    expect(detail?.events.map((event) => event.kind)).toEqual([
      'attempt',
      'note',
      'waiting-list',
      'attempt',
      'next-action',
      'closed',
    ]);
    expect(detail?.events[1]).toMatchObject({
      note: { text: 'Left a voicemail; will try after lunch.' },
      by: 'ana',
      byName: 'Ana Link Worker',
    });
    const audited = await queue.db.query<{ action: string; detail: string }>(
      'SELECT action, detail FROM audit_event WHERE referral_id = $1 ORDER BY id',
      [id],
    );
    expect(audited.map((row) => row.detail)).toEqual([
      'attempt',
      'note',
      'waiting-list',
      'attempt',
      'next-action',
      'closed: completed',
    ]);
  });

  it('refuses a note with a NUL, an event on another service’s referral and one on a closed case, storing nothing', async () => {
    const id = await arrived();
    expect(
      await addCaseEvent(queue.db, { referralId: id, body: note('Rang\u0000back'), by: ana, at: now() }),
    ).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('The note'),
    });
    expect(
      await addCaseEvent(queue.db, { referralId: id, body: note('Spoke to her daughter.'), by: kit, at: now() }),
    ).toEqual({
      kind: 'refused',
      reason: 'This referral is not one of your service’s: nothing was added to it.',
    });
    const future = {
      kind: 'attempt',
      attempt: { at: '2099-01-01T10:00:00Z', how: 'phone', outcome: 'reached' },
    } as const;
    expect(await addCaseEvent(queue.db, { referralId: id, body: future, by: ana, at: now() })).toMatchObject({
      kind: 'refused',
    });
    expect(await eventCount(id)).toBe(0);
    const closing = { kind: 'closed', closing: { reason: 'did-not-engage' } } as CaseEventBody;
    expect(await addCaseEvent(queue.db, { referralId: id, body: closing, by: ana, at: now() })).toMatchObject({
      kind: 'added',
    });
    expect(await addCaseEvent(queue.db, { referralId: id, body: note('One more thing.'), by: ana, at: now() })).toEqual(
      {
        kind: 'refused',
        reason: 'This case is closed: nothing more can be added to it.',
      },
    );
    expect(await assign(queue.db, { referralId: id, to: 'ana', by: ana, at: now() })).toMatchObject({
      kind: 'refused',
    });
    expect(await eventCount(id)).toBe(1);
    expect(await caseDetail(queue.db, id, BRISTOL)).toBeUndefined();
  });

  it('keeps case events append-only, and retention removes a closed case’s notes with its details', async () => {
    const id = await arrived();
    await addCaseEvent(queue.db, { referralId: id, body: note('Her son Tom is her carer.'), by: ana, at: now() });
    await expect(queue.db.query(`UPDATE case_event SET body = '{}' WHERE referral_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(queue.db.query('DELETE FROM case_event WHERE referral_id = $1', [id])).rejects.toThrow(/append-only/);
    const closing = { kind: 'closed', closing: { reason: 'completed', summary: 'Tom says she loves the choir.' } };
    await addCaseEvent(queue.db, {
      referralId: id,
      body: closing as CaseEventBody,
      by: ana,
      at: new Date(Date.now() - 40 * 86_400_000),
    });
    await removeClosedDetails(queue.db, 30, now());
    const bodies = await queue.db.query<{ body: unknown }>(
      'SELECT body FROM case_event WHERE referral_id = $1 ORDER BY id',
      [id],
    );
    expect(bodies.map((row) => row.body)).toEqual([
      { kind: 'note' },
      { kind: 'closed', closing: { reason: 'completed' } },
    ]);
    const [task] = await queue.db.query<{ task: string }>('SELECT task::text FROM referral WHERE id = $1', [id]);
    expect(task?.task).not.toContain('Tom');
  });

  it('lets a lead list, disable and enable their service’s link workers; a disabled one’s open cases go back to Unassigned', async () => {
    const id = await arrived();
    expect(await assign(queue.db, { referralId: id, to: 'ben', by: ben, at: now() })).toEqual({ kind: 'assigned' });
    expect((await serviceLinkWorkers(queue.db, RIVERSIDE)).map((worker) => [worker.username, worker.disabled])).toEqual(
      expect.arrayContaining([
        ['ana', false],
        ['ben', false],
        ['lee', false],
      ]),
    );
    const disable = (username: string) => disableLinkWorker(queue.db, username, now(), 'lee', RIVERSIDE);
    expect(await disable('kit')).toBe(false);
    expect(await disable('ben')).toBe(true);
    expect(await disable('ben')).toBe(false);
    const detail = await caseDetail(queue.db, id, RIVERSIDE);
    expect(detail?.assignedTo).toBeUndefined();
    expect(detail?.events.at(-1)).toMatchObject({ kind: 'unassigned', by: 'lee' });
    expect(detail?.task.owner).toBeUndefined();
    expect(await assign(queue.db, { referralId: id, to: 'ben', by: lee, at: now() })).toMatchObject({
      kind: 'refused',
    });
    expect((await serviceLinkWorkers(queue.db, RIVERSIDE)).find((worker) => worker.username === 'ben')?.disabled).toBe(
      true,
    );
    const enable = (username: string) => enableLinkWorker(queue.db, username, now(), 'lee', RIVERSIDE);
    expect(await enable('kit')).toBe(false);
    expect(await enable('ben')).toBe(true);
    const audited = await queue.db.query<{ action: string; detail: string }>(
      `SELECT action, detail FROM audit_event WHERE actor = 'lee' AND action LIKE 'link-worker-%' ORDER BY id`,
    );
    expect(audited).toEqual([
      { action: 'link-worker-disabled', detail: 'ben' },
      { action: 'link-worker-enabled', detail: 'ben' },
    ]);
  });

  it('fills the due days of referrals stored without them (from before migration 011) with their service’s rule', async () => {
    const id = await arrived();
    const before = await caseDetail(queue.db, id, RIVERSIDE);
    await queue.db.query('UPDATE referral SET decision_due = NULL, contact_due = NULL WHERE id = $1', [id]);
    expect(await fillResponseDue(queue.db)).toBe(1);
    const after = await caseDetail(queue.db, id, RIVERSIDE);
    expect([after?.decisionDue, after?.contactDue]).toEqual([before?.decisionDue, before?.contactDue]);
    expect(await fillResponseDue(queue.db)).toBe(0);
  });

  describe('with 510 more referrals', () => {
    const TODAY = '2099-06-01';
    beforeAll(async () => {
      await storeManyReferrals(queue.db, 510, { odsCode: 'L81001', serviceId: RIVERSIDE, newEvery: 3 });
      // A spread of cases: one in four taken by Ana, one in five on the waiting list, one in seven first contacted.
      await queue.db.query(
        `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM referral
           WHERE service_id = $1 AND idempotency_key = id::text)
         UPDATE referral r SET assigned_to = CASE WHEN n % 4 = 0 THEN 'ana' END,
           waiting_expected = CASE WHEN n % 5 = 0 THEN DATE '2099-07-01' END,
           first_contact_at = CASE WHEN n % 7 = 0 THEN r.received_at END
         FROM numbered WHERE numbered.id = r.id`,
        [RIVERSIDE],
      );
    });

    /** The service's referrals in a view by the domain's rule (inCaseloadView), read apart from the views' SQL. */
    async function expected(view: CaseloadView, username: string): Promise<string[]> {
      const rows = await queue.db.query<{
        id: string;
        inbox_order: string;
        status: LinkWorkerStatus['status'];
        assigned_to: string | null;
        waiting_expected: string | null;
        first_contact_at: Date | null;
        decision_due: string;
        contact_due: string;
      }>(
        `SELECT id, inbox_order, status, assigned_to, waiting_expected::text, first_contact_at, decision_due::text,
           contact_due::text FROM referral WHERE service_id = $1 AND details_removed_at IS NULL`,
        [RIVERSIDE],
      );
      return rows
        .filter((row) =>
          inCaseloadView(
            view,
            {
              status: row.status,
              ...(row.assigned_to ? { assignedTo: row.assigned_to } : {}),
              onWaitingList: row.waiting_expected !== null,
              decisionDue: row.decision_due,
              contactDue: row.contact_due,
              ...(row.first_contact_at ? { firstContactAt: new Date(row.first_contact_at).toISOString() } : {}),
            },
            { username, today: TODAY },
          ),
        )
        .sort((a, b) => Number(a.inbox_order) - Number(b.inbox_order) || (a.id < b.id ? -1 : 1))
        .map((row) => row.id);
    }

    it.each(CASELOAD_VIEWS)('pages through "%s" with nothing lost or repeated, in the inbox’s order', async (view) => {
      const want = await expected(view, 'ana');
      expect(want.length).toBeGreaterThan(50);
      const seen: string[] = [];
      let page = await caseloadPage(queue.db, { view, serviceId: RIVERSIDE, username: 'ana', today: TODAY });
      expect(page.total).toBe(Math.min(want.length, CASELOAD_COUNT_UP_TO + 1));
      for (;;) {
        seen.push(...page.referrals.map((row) => row.id));
        if (!page.next) break;
        page = await caseloadPage(queue.db, {
          view,
          serviceId: RIVERSIDE,
          username: 'ana',
          today: TODAY,
          after: page.next,
        });
      }
      expect(seen).toEqual(want);
      const counts = await caseloadCounts(queue.db, { serviceId: RIVERSIDE, username: 'ana', today: TODAY });
      expect(counts[view]).toBe(Math.min(want.length, CASELOAD_COUNT_UP_TO + 1));
    });

    it('shows each row’s due days, assignee and waiting date, and filters within a view', async () => {
      const page = await caseloadPage(queue.db, { view: 'mine', serviceId: RIVERSIDE, username: 'ana', today: TODAY });
      const row = page.referrals[0];
      expect(row?.assignedName).toBe('Ana Link Worker');
      expect(row?.decisionDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row?.contactDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const accepted = await caseloadPage(queue.db, {
        view: 'waiting-list',
        status: 'accepted',
        serviceId: RIVERSIDE,
        username: 'ana',
        today: TODAY,
      });
      expect(
        accepted.referrals.every((listed) => listed.status === 'accepted' && listed.waitingExpected === '2099-07-01'),
      ).toBe(true);
      const waiting = await caseloadPage(queue.db, {
        view: 'waiting-list',
        serviceId: RIVERSIDE,
        username: 'ana',
        today: TODAY,
      });
      expect(accepted.total).toBeGreaterThan(0);
      expect(accepted.total).toBeLessThan(waiting.total);
      const other = await caseloadCounts(queue.db, { serviceId: BRISTOL, username: 'kit', today: TODAY });
      expect(other).toEqual({ new: 0, mine: 0, unassigned: 0, overdue: 0, 'waiting-list': 0, closed: 0 });
    });
  });

  it('answers GET Task, past the service’s rule with no decision, with "No response yet" and a new ETag', async () => {
    const id = await arrived();
    const read = () =>
      fetch(`${queue.url}/fhir/Task/${id}`, { headers: { Authorization: `Bearer ${queue.tokens.L81001}` } });
    const fresh = await read();
    expect(fresh.headers.get('ETag')).toBe('W/"1"');
    expect(((await fresh.json()) as fhir4.Task).businessStatus?.coding?.[0]?.code).not.toBe('overdue');
    queue.advance(30 * 86_400_000);
    const late = await read();
    const task = (await late.json()) as fhir4.Task;
    expect(task.businessStatus?.coding?.[0]?.code).toBe('overdue');
    expect(task.businessStatus?.text).toMatch(/^No response yet from Riverside link workers — \d+ working days$/);
    expect(late.headers.get('ETag')).toMatch(/^W\/"1-.+"$/);
    const polled = await fetch(`${queue.url}/fhir/Task/${id}`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}`, 'If-None-Match': 'W/"1"' },
    });
    expect(polled.status).toBe(200);
    const search = await fetch(`${queue.url}/fhir/Task?focus=ServiceRequest/${id}`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}` },
    });
    const found = ((await search.json()) as fhir4.Bundle).entry?.[0]?.resource as fhir4.Task;
    expect(found.businessStatus?.text).toBe(task.businessStatus?.text);
  });

  it('answers GET Task, accepted with no contact past the rule, with "no contact yet" until the person is reached', async () => {
    const id = await arrived();
    // By the queue's clock, as the tests have moved it: the events a minute after arrival.
    const [row] = await queue.db.query<{ received: Date }>(
      'SELECT received_at AS received FROM referral WHERE id = $1',
      [id],
    );
    const at = new Date(new Date(row?.received ?? 0).getTime() + 60_000);
    const add = (body: CaseEventBody, when: Date) =>
      addCaseEvent(queue.db, { referralId: id, body, by: ana, at: when });
    expect(await add({ kind: 'waiting-list', waiting: { expected: '2099-01-05' } }, at)).toMatchObject({
      kind: 'added',
    });
    const read = async () =>
      (await (
        await fetch(`${queue.url}/fhir/Task/${id}`, { headers: { Authorization: `Bearer ${queue.tokens.L81001}` } })
      ).json()) as fhir4.Task;
    expect((await read()).businessStatus?.coding?.[0]?.code).toBe('waiting-list');
    expect((await caseDetail(queue.db, id, RIVERSIDE))?.waitingExpected).toBe('2099-01-05');
    queue.advance(30 * 86_400_000);
    const late = await read();
    expect(late.businessStatus?.coding?.[0]?.code).toBe('overdue');
    expect(late.businessStatus?.text).toMatch(
      /^Accepted by Riverside link workers but no contact yet — \d+ working days$/,
    );
    const reached = new Date(at.getTime() + 60_000);
    const call = { at: reached.toISOString(), how: 'phone', outcome: 'reached' } as const;
    expect(await add({ kind: 'attempt', attempt: call }, reached)).toMatchObject({ kind: 'added' });
    expect((await read()).businessStatus?.coding?.[0]?.code).toBe('in-contact');
    // Off the waiting list in the caseload too (the Waiting list view reads this column).
    expect((await caseDetail(queue.db, id, RIVERSIDE))?.waitingExpected).toBeUndefined();
  });
});
