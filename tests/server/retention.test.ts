import { describe, expect, it, vi } from 'vitest';
import { type fhir4, linkWorkerStatus } from '../../domain/fhir';
import { referralSchema } from '../../domain/referral';
import { startRetention } from '../../server/retention';
import { richReferral } from '../../test-support/fixtures/referrals';
import { cookieOf, csrfFrom, decide, readTask, send, signIn } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const DAY = 86_400_000;
const closed = referralSchema.parse({ ...richReferral, id: 'c1053d00-0000-4000-8000-000000000001' });
const open = referralSchema.parse({ ...richReferral, id: 'c1053d00-0000-4000-8000-000000000002' });

describe('the queue’s retention of closed referrals', () => {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const queue = queueForTests();

  it('removes the identifiable details of a referral 90 days after its decline, keeping its status trail and the counts', async () => {
    await send(queue, closed);
    await send(queue, open);
    const cookie = cookieOf(await signIn(queue));
    const csrf = await csrfFrom(queue, cookie, `/inbox/referrals/${closed.id}`);
    const reason = 'Needs the memory clinic first: Mr Smith of 1 High Street.';
    const declined = { csrf, version: '1', status: 'declined', reason, note: 'Spoke to his daughter Jane.' };
    expect((await decide(queue, cookie, closed.id, declined)).status).toBe(303);
    expect((await decide(queue, cookie, open.id, { csrf, version: '1', status: 'accepted' })).status).toBe(303);
    const counts = () =>
      queue.db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM referral GROUP BY status ORDER BY status',
      );
    const before = await counts();

    // Day 89: nothing goes. The sweep runs at once and on its schedule, on the service's clock; it ends by forgetting
    // sign-in attempts untried for a day, so a stale one gone says that a sweep has run.
    offset = 89 * DAY;
    await queue.db.query("INSERT INTO sign_in_attempt VALUES ('nobody', 1, NULL, $1)", [new Date(0)]);
    let retention = startRetention({ db: queue.db, now }, 90, 20);
    await vi.waitFor(async () => {
      const [row] = await queue.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM sign_in_attempt WHERE username = 'nobody'",
      );
      expect(row?.n).toBe(0);
    });
    await retention.stop();
    const [kept] = await queue.db.query<{ referral: unknown }>('SELECT referral FROM referral WHERE id = $1', [
      closed.id,
    ]);
    expect(kept?.referral).not.toBeNull();

    // Day 91: the declined referral's details go; the accepted one (not closed) keeps all of its.
    offset = 91 * DAY;
    retention = startRetention({ db: queue.db, now }, 90, 20);
    await vi.waitFor(
      async () => {
        const [row] = await queue.db.query('SELECT 1 FROM referral WHERE id = $1 AND details_removed_at IS NOT NULL', [
          closed.id,
        ]);
        expect(row).toBeDefined();
      },
      { timeout: 10_000 },
    );
    await retention.stop();

    const rows = await queue.db.query<Record<string, unknown>>(
      'SELECT id, referral, nhs_number, response, status, needs, safety_flags, verdict_outcome, ods_code FROM referral WHERE id = ANY ($1::uuid[]) ORDER BY id',
      [[closed.id, open.id]],
    );
    expect(rows[0]).toMatchObject({ referral: null, nhs_number: null, response: null, status: 'declined' });
    expect(rows[0]?.needs).toEqual(closed.needs);
    expect(rows[1]).toMatchObject({ status: 'accepted', nhs_number: open.patient.nhsNumber });
    expect(referralSchema.parse(rows[1]?.referral)).toEqual(open);
    expect(await counts()).toEqual(before);

    // The trail: who decided what and when stays; the words, which may name the person, go.
    const decisions = await queue.db.query(
      'SELECT status, reason, note, by_username FROM decision WHERE referral_id = $1',
      [closed.id],
    );
    expect(decisions).toEqual([{ status: 'declined', reason: null, note: null, by_username: 'rosa' }]);
    const stored = JSON.stringify(await queue.db.query('SELECT * FROM referral WHERE id = $1', [closed.id]));
    for (const detail of [closed.patient.family, closed.patient.nhsNumber, 'Mr Smith', 'Jane'])
      expect(stored).not.toContain(detail);

    // The practice still reads the decision; the link worker's inbox no longer lists it and says why.
    const task = (await (await readTask(queue, closed.id, queue.tokens.L81001)).json()) as fhir4.Task;
    expect(linkWorkerStatus(task)).toMatchObject({ ok: true, status: { status: 'declined' } });
    expect(JSON.stringify(task)).not.toContain('Jane');
    const list = await (
      await fetch(`${queue.url}/inbox?status=any`, { headers: { Cookie: cookieOf(await signIn(queue)) } })
    ).text();
    expect(list).not.toContain(closed.id);
    expect(list).toContain(open.id);
    const detail = await fetch(`${queue.url}/inbox/referrals/${closed.id}`, {
      headers: { Cookie: cookieOf(await signIn(queue)) },
    });
    expect(detail.status).toBe(404);
    expect(await detail.text()).toContain('its details were removed');
    const audited = await queue.db.query('SELECT actor FROM audit_event WHERE action = $1 AND referral_id = $2', [
      'details-removed',
      closed.id,
    ]);
    expect(audited).toEqual([{ actor: 'retention' }]);
  });
});
