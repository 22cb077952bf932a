import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Closing } from '../../domain/caseload/case';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../domain/clock/bank-holidays';
import { workingDaysBetween } from '../../domain/clock/working-days';
import type { ReportCount } from '../../domain/evaluation/report-counts';
import { weekOf } from '../../domain/evaluation/weeks';
import type { Referral } from '../../domain/referral';
import { addCaseEvent } from '../../server/store/caseload';
import type { Session } from '../../server/store/link-workers';
import { recordDecision } from '../../server/store/referrals';
import { reportCounts } from '../../server/store/reports';
import { overriddenReferral, richReferral } from '../../test-support/fixtures/referrals';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import { type Queue, send, startQueue } from '../../test-support/queue/queue';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});
const SERVICE = 'riverside-link-workers';

/** The rich referral under another id with another verdict, its safety rule kept (the queue checks it is there). */
function variant(id: string, verdict: Partial<Referral['verdict']>): Referral {
  const rules = ['safety.safeguarding', ...(verdict.rules ?? [])];
  return { ...richReferral, id, verdict: { ...richReferral.verdict, ...verdict, rules } };
}

const sum = (counts: ReportCount[], measure: string, key?: string) =>
  counts.filter((c) => c.measure === measure && (key === undefined || c.key === key)).reduce((s, c) => s + c.n, 0);

describe.each(['embedded database (PGlite)', 'PostgreSQL server'])(
  'the summary counts (migration 013) on the %s',
  (kind) => {
    let queue: Queue;
    beforeAll(async () => {
      queue = await startQueue(kind.startsWith('embedded') ? 'pglite' : { postgres });
    });
    afterAll(async () => {
      await queue?.stop();
    });

    it('count each referral as it arrives and each decision as it is made, in the same transaction', async () => {
      const inModel = variant('11111111-1111-4111-8111-111111111111', { rules: [] });
      const outOfScope = variant('22222222-2222-4222-8222-222222222222', { rules: ['scope.need'] });
      const overridden = { ...overriddenReferral, id: '33333333-3333-4333-8333-333333333333' };
      for (const referral of [inModel, outOfScope, overridden])
        expect((await send(queue, referral, queue.tokens[referral.referrer.odsCode as 'L81001'])).status).toBe(200);

      const decided = await recordDecision(queue.db, {
        id: outOfScope.id,
        seenVersion: 1,
        decision: { status: 'declined', reason: '  Needs  Crisis team ', at: new Date().toISOString() },
        by: { username: 'rosa', displayName: 'Rosa Link Worker' },
        apply: (task) => task,
      });
      expect(decided.kind).toBe('decided');

      const week = weekOf(new Date().toISOString().slice(0, 10));
      const counts = await reportCounts(queue.db, { serviceId: SERVICE, from: week, to: week });
      const mine = counts.filter((c) => c.measure !== 'referrals' || c.odsCode !== '');
      expect(sum(mine, 'referrals')).toBe(3);
      expect([sum(counts, 'verdict', 'in-model'), sum(counts, 'verdict', 'out-of-scope')]).toEqual([1, 1]);
      expect(sum(counts, 'verdict', 'overridden')).toBe(1);
      expect(sum(counts, 'safety-flagged')).toBe(3);
      expect(sum(counts, 'decision', 'declined')).toBe(1);
      expect(counts.find((c) => c.measure === 'decline-reason')?.key).toBe('needs crisis team');
      expect(sum(counts, 'days-to-decision', '0')).toBe(1);
      expect(sum(counts, 'need', 'loneliness')).toBe(2);
    });

    it('count first contact, the closing reason and the change in wellbeing as a case goes on', async () => {
      const id = '44444444-4444-4444-8444-444444444444';
      expect((await send(queue, variant(id, { rules: [] }))).status).toBe(200);
      const now = new Date();
      const by: Session = {
        linkWorker: { username: 'rosa', displayName: 'Rosa Link Worker' },
        administrator: false,
        role: 'link-worker',
        csrfToken: '',
        expiresAt: now,
      };
      const attempt = { at: now.toISOString(), how: 'phone', outcome: 'reached' } as const;
      expect(
        (await addCaseEvent(queue.db, { referralId: id, body: { kind: 'attempt', attempt }, by, at: now })).kind,
      ).toBe('added');
      const closing: Closing = {
        reason: 'completed',
        connectedTo: [],
        needsMet: [],
        wellbeing: {
          start: { kind: 'swemwbs', items: [2, 2, 3, 2, 2, 3, 2] },
          end: { kind: 'swemwbs', items: [3, 3, 3, 4, 3, 3, 3] },
        },
      };
      expect(
        (await addCaseEvent(queue.db, { referralId: id, body: { kind: 'closed', closing }, by, at: now })).kind,
      ).toBe('added');

      const week = weekOf(new Date().toISOString().slice(0, 10));
      const counts = await reportCounts(queue.db, { serviceId: SERVICE, from: week, to: week });
      expect(sum(counts, 'days-to-first-contact', '0')).toBe(1);
      // The attempt that reached the person was its first decision too: one more, beside the first test's decline.
      expect(sum(counts, 'days-to-decision', '0')).toBe(2);
      expect(sum(counts, 'closure', 'completed')).toBe(1);
      expect(sum(counts, 'wellbeing-change')).toBe(1);
      expect(counts.find((c) => c.measure === 'wellbeing-change')?.key).toBe('swemwbs:6');
    });

    it('count working days as the caseload does: the same bank holidays, the same days between (property)', async () => {
      const held = await queue.db.query<{ day: string }>('SELECT day::text AS day FROM bank_holiday ORDER BY day');
      expect(held.map((row) => row.day)).toEqual(Object.values(ENGLAND_AND_WALES_BANK_HOLIDAYS).flat().sort());
      const day = fc
        .integer({ min: 0, max: 6 * 365 })
        .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
      const pairs = fc.sample(fc.tuple(day, fc.integer({ min: -5, max: 90 })), 60).map(([from, span]) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
        return [from, to] as const;
      });
      for (const [from, to] of pairs) {
        const [row] = await queue.db.query<{ n: number }>('SELECT working_days_between($1::date, $2::date) AS n', [
          from,
          to,
        ]);
        expect([from, to, row?.n]).toEqual([from, to, workingDaysBetween(from, to)]);
      }
    });
  },
);
