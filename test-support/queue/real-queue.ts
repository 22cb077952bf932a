import { applyDecision } from '../../domain/fhir';
import type { Referral } from '../../domain/referral';
import { recordDecision } from '../../server/store/referrals';
import { LINK_WORKER, startQueue } from './queue';

/**
 * The real queue service (Hono on PGlite in memory, test-support/queue/queue.ts) for the outbox's tests: where to send
 * (`/fhir`), the practice token of the pad's practice (L81001), and what it stored, read from its database.
 */
export async function startRealQueue() {
  const queue = await startQueue('pglite');
  return {
    url: queue.url,
    token: queue.tokens.L81001,
    /** The referrals the service stored under this id (its primary key: at most one). */
    async stored(id: string): Promise<Referral[]> {
      const rows = await queue.db.query<{ referral: Referral }>('SELECT referral FROM referral WHERE id = $1', [id]);
      return rows.map((row) => row.referral);
    },
    async count(): Promise<number> {
      const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
      return rows[0]?.n ?? -1;
    },
    /** A link worker's decline with its reason, as the inbox records it (tests of what the GP hears back). */
    async decline(id: string, reason: string): Promise<void> {
      const decision = { status: 'declined' as const, reason, at: new Date().toISOString() };
      const by = LINK_WORKER;
      const outcome = await recordDecision(queue.db, {
        id,
        seenVersion: 1,
        decision,
        by,
        apply: (task) => applyDecision(task, { ...decision, by: by.displayName }),
      });
      if (outcome.kind !== 'decided') throw new Error(`The decline was not recorded: ${outcome.kind}`);
    },
    stop: () => queue.stop(),
  };
}
export type RealQueue = Awaited<ReturnType<typeof startRealQueue>>;
