import { loadavg } from 'node:os';
import { storeManyReferrals } from '../test-support/queue/many-referrals';
import { startPostgres } from '../test-support/queue/postgres-server';
import { cookieOf, type Queue, signIn, startQueue } from '../test-support/queue/queue';
import type { Metric, RecordMetric } from './run';

const STORED = 100_000;
const LOADS = 60;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * The link worker's first page (what needs a decision: 50 rows, the count, the filters) over HTTP, signed in, with
 * 100,000 referrals stored, one in fifty still new: the 95th percentile of 60 loads after 5 to warm up.
 */
async function firstPage(queue: Queue): Promise<number> {
  await storeManyReferrals(queue.db, STORED, { odsCode: 'L81001' });
  const cookie = cookieOf(await signIn(queue));
  const load = async () => {
    const response = await fetch(`${queue.url}/inbox`, { headers: { Cookie: cookie } });
    const page = await response.text();
    if (response.status !== 200 || !page.includes('need a decision'))
      throw new Error(`the inbox answered ${response.status}`);
  };
  for (let i = 0; i < 5; i++) await load();
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    await load();
    times.push(performance.now() - start);
  }
  return percentile(times, 95);
}

/** The inbox's first page on the embedded database, then on PostgreSQL; each recorded as soon as it is measured. */
export async function measure(record: RecordMetric): Promise<Record<string, Metric>> {
  const results: Record<string, Metric> = {};
  const note = (name: string, value: number) => {
    results[name] = { value, unit: 'ms', goal: 50, better: 'lower' };
    record(name, results[name]);
    console.log(
      `${name}: p95 ${value.toFixed(1)} ms with ${STORED} referrals stored (load average ${loadavg()[0]?.toFixed(1)})`,
    );
  };
  const embedded = await startQueue('pglite');
  try {
    note('queue.inbox-first-page-embedded', await firstPage(embedded));
  } finally {
    await embedded.stop();
  }
  const postgres = await startPostgres();
  try {
    const queue = await startQueue({ postgres });
    try {
      note('queue.inbox-first-page-postgres', await firstPage(queue));
    } finally {
      await queue.stop();
    }
  } finally {
    await postgres.stop();
  }
  return results;
}
