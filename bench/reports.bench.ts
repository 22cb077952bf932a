import { loadavg } from 'node:os';
import { runCommand } from '../server/admin/commands';
import { startPostgres } from '../test-support/queue/postgres-server';
import { cookieOf, LINK_WORKER, type Queue, signIn, startQueue } from '../test-support/queue/queue';
import { storeYearOfReferrals } from '../test-support/reports/year-of-referrals';
import type { Metric, RecordMetric } from './run';

const SERVICE = 'riverside-link-workers';
const LEAD = { username: 'bench-lead', displayName: 'Bench Lead', password: 'the bench lead’s password' };
const LOADS = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * The service lead's report over a year (52 weeks: every table, chart and the drift monitor) over HTTP, signed in,
 * with `count` referrals from 200 practices stored: the 95th percentile of 20 loads after 2 to warm up.
 */
async function yearReport(queue: Queue, count: number): Promise<number> {
  const started = performance.now();
  await storeYearOfReferrals(queue.db, {
    count,
    practices: 200,
    serviceId: SERVICE,
    decidedBy: LINK_WORKER.username,
    now: new Date(),
  });
  console.log(`  stored ${count} referrals in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await runCommand(queue.db, {
    command: 'add-link-worker',
    args: [LEAD.username, LEAD.displayName],
    password: LEAD.password,
    service: SERVICE,
    serviceLead: true,
  });
  const cookie = cookieOf(await signIn(queue, LEAD.password, LEAD.username));
  const load = async () => {
    const response = await fetch(`${queue.url}/inbox/reports?weeks=52`, { headers: { Cookie: cookie } });
    const page = await response.text();
    if (response.status !== 200 || !page.includes('Role drift'))
      throw new Error(`the report answered ${response.status}`);
  };
  for (let i = 0; i < 2; i++) await load();
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    await load();
    times.push(performance.now() - start);
  }
  return percentile(times, 95);
}

/** A year's report over 100,000 referrals on the embedded database, then over 1,000,000 on PostgreSQL. */
export async function measure(record: RecordMetric): Promise<Record<string, Metric>> {
  const results: Record<string, Metric> = {};
  const note = (name: string, value: number, count: number) => {
    results[name] = { value, unit: 'ms', goal: 1000, better: 'lower' };
    record(name, results[name]);
    console.log(
      `${name}: p95 ${value.toFixed(0)} ms over ${count} referrals (load average ${loadavg()[0]?.toFixed(1)})`,
    );
  };
  const embedded = await startQueue('pglite');
  try {
    note('reports.year-report-embedded-100k', await yearReport(embedded, 100_000), 100_000);
  } finally {
    await embedded.stop();
  }
  const postgres = await startPostgres();
  try {
    const queue = await startQueue({ postgres });
    try {
      note('reports.year-report-postgres-1m', await yearReport(queue, 1_000_000), 1_000_000);
    } finally {
      await queue.stop();
    }
  } finally {
    await postgres.stop();
  }
  return results;
}
