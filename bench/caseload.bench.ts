import { loadavg } from 'node:os';
import type { CaseEventBody } from '../domain/caseload/case';
import { CASELOAD_VIEWS } from '../domain/caseload/views';
import { ukDate } from '../domain/clock/uk-date';
import { referralSchema } from '../domain/referral';
import { addCaseEvent, caseDetail, caseloadCounts, caseloadPage } from '../server/store/caseload';
import { addLinkWorker, type Session } from '../server/store/link-workers';
import { minimalReferral, richReferral } from '../test-support/fixtures/referrals';
import { storeManyReferrals } from '../test-support/queue/many-referrals';
import { startPostgres } from '../test-support/queue/postgres-server';
import { type Queue, send, startQueue } from '../test-support/queue/queue';
import type { Metric, RecordMetric } from './run';

const STORED = 100_000;
const LOADS = 60;
const EVENTS = 200;
const SERVICE = 'riverside-link-workers';

const ana: Session = {
  linkWorker: { username: 'ana', displayName: 'Ana Link Worker' },
  administrator: false,
  serviceId: SERVICE,
  role: 'link-worker',
  csrfToken: 'bench',
  expiresAt: new Date('2099-01-01T00:00:00Z'),
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The 95th percentile of LOADS runs of `work` after 5 to warm up. */
async function p95(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return percentile(times, 95);
}

/**
 * A service's 100,000 referrals over the minutes before now (one in fifty still new, the rest decided as history
 * mostly is), with a caseload's spread: one open referral in three taken by Ana, one in six on the waiting list, one
 * in four first contacted.
 */
async function fill(queue: Queue): Promise<void> {
  await addLinkWorker(queue.db, {
    username: 'ana',
    displayName: 'Ana Link Worker',
    password: 'bench password',
    serviceId: SERVICE,
  });
  await storeManyReferrals(queue.db, STORED, { odsCode: 'L81001', serviceId: SERVICE });
  await queue.db.query(
    `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM referral
       WHERE status IN ('requested', 'accepted', 'contacted'))
     UPDATE referral r SET assigned_to = CASE WHEN n % 3 = 0 THEN 'ana' END,
       waiting_expected = CASE WHEN n % 6 = 1 AND r.status <> 'requested' THEN DATE '2099-07-01' END,
       first_contact_at = CASE WHEN n % 4 = 0 AND r.status <> 'requested' THEN r.received_at END
     FROM numbered WHERE numbered.id = r.id`,
  );
  await queue.db.query('ANALYZE referral');
}

/** One referral whose timeline holds 200 events (attempts and notes), stored as a link worker adds them. */
async function longCase(queue: Queue): Promise<string> {
  const sent = referralSchema.parse({
    ...minimalReferral,
    referrer: richReferral.referrer,
    verdict: { ...minimalReferral.verdict, modelVersion: 2 },
    id: crypto.randomUUID(),
  });
  if ((await send(queue, sent)).status !== 200) throw new Error('the long case’s referral was refused');
  for (let i = 0; i < EVENTS; i++) {
    const at = new Date();
    const body: CaseEventBody =
      i % 2 === 0
        ? { kind: 'attempt', attempt: { at: at.toISOString(), how: 'phone', outcome: 'no-answer' } }
        : { kind: 'note', note: { text: `Note ${i}: tried again, left a message with the receptionist.` } };
    const added = await addCaseEvent(queue.db, { referralId: sent.id, body, by: ana, at });
    if (added.kind !== 'added') throw new Error(`event ${i} was not added: ${JSON.stringify(added)}`);
  }
  return sent.id;
}

async function measureOn(queue: Queue, where: string, note: (name: string, value: number) => void): Promise<void> {
  await fill(queue);
  const today = ukDate(new Date());
  for (const view of CASELOAD_VIEWS) {
    // What a view's page reads: its first 50 rows and every view's count for the tabs.
    note(
      `queue.caseload-${view}-first-page-${where}`,
      await p95(async () => {
        const [page] = await Promise.all([
          caseloadPage(queue.db, { view, serviceId: SERVICE, username: 'ana', today }),
          caseloadCounts(queue.db, { serviceId: SERVICE, username: 'ana', today }),
        ]);
        if (page.referrals.length !== 50)
          throw new Error(`${view} has ${page.referrals.length} rows on its first page`);
      }),
    );
  }
  const id = await longCase(queue);
  note(
    `queue.caseload-detail-200-events-${where}`,
    await p95(async () => {
      const detail = await caseDetail(queue.db, id, SERVICE);
      if (detail?.events.length !== EVENTS) throw new Error('the long case’s timeline is short');
    }),
  );
}

/**
 * Each caseload view's first page (50 rows and the six counts) and a 200-event case's detail, read from the store with
 * 100,000 referrals stored, on the embedded database then on PostgreSQL: 95th percentiles.
 */
export async function measure(record: RecordMetric): Promise<Record<string, Metric>> {
  const results: Record<string, Metric> = {};
  const note = (name: string, value: number) => {
    results[name] = { value, unit: 'ms', goal: 50, better: 'lower' };
    record(name, results[name]);
    console.log(`${name}: p95 ${value.toFixed(1)} ms (load average ${loadavg()[0]?.toFixed(1)})`);
  };
  const embedded = await startQueue('pglite');
  try {
    await measureOn(embedded, 'embedded', note);
  } finally {
    await embedded.stop();
  }
  const postgres = await startPostgres();
  try {
    const queue = await startQueue({ postgres });
    try {
      await measureOn(queue, 'postgres', note);
    } finally {
      await queue.stop();
    }
  } finally {
    await postgres.stop();
  }
  return results;
}
