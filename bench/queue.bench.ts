import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { referralToBundle } from '../domain/fhir';
import { type Referral, referralSchema } from '../domain/referral';
import { bodyHash, patientIdFor } from '../server/store/fhir-answers';
import { openDb } from '../server/store/open';
import { addPractice, issueToken } from '../server/store/practices';
import { inboxOrder } from '../server/store/referrals';
import { richReferral } from '../test-support/fixtures/referrals';
import { seedServices } from '../test-support/queue/services';
import { keptAlive, referralPost } from './kept-alive';
import { median } from './measure';
import type { Metric, RecordMetric } from './run';

const ODS = 'L81001';

function referrals(count: number): Referral[] {
  return Array.from({ length: count }, () => referralSchema.parse({ ...richReferral, id: randomUUID() }));
}

/** The real service in its own process (as deployed), on the embedded database in `dataDir`. QUEUE_BENCH_NODE_ARGS
 * passes Node options to it, e.g. `--cpu-prof --cpu-prof-dir=/tmp/queue-profile`. */
async function startService(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.QUEUE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      'server/main.ts',
      'serve',
      '--port',
      '0',
    ],
    {
      // One token sends every referral here, where in use many practices would: the per-token limit is off.
      env: { ...process.env, QUEUE_DATA_DIR: dataDir, DATABASE_URL: '', QUEUE_RATE_LIMIT_PER_MINUTE: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  for await (const chunk of child.stdout as NodeJS.ReadableStream) {
    output += chunk.toString();
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { url: match[1], child };
  }
  throw new Error(`the queue service did not start: ${output}`);
}

async function stopService(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Sends every request with `clients` concurrent clients, each on its own connection, each sending its next as soon as
 * the last is answered.
 */
async function post(connections: Connection[], requests: Buffer[]) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < requests.length) {
        const request = requests[next++] as Buffer;
        const sent = performance.now();
        const status = await connection.send(request);
        if (status !== 200) throw new Error(`a referral was refused: ${status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, latencies };
}

type Connection = Awaited<ReturnType<typeof keptAlive>>;

/**
 * `clients` clients on connections of their own, opened and warm before anything is timed (an outbox keeps its
 * connection alive; on this VM a burst of fresh connections costs tens of milliseconds by itself, and the first requests
 * on them wait behind it). Each round is timed on its own; the figures are the median round's.
 */
async function rounds(url: string, token: string, clients: number, perRound: number, count: number) {
  const target = new URL(`${url}/fhir`);
  const connections = await Promise.all(Array.from({ length: clients }, () => keptAlive(target)));
  const requests = (many: number) =>
    referrals(many).map((referral) =>
      referralPost(target, token, referral.id, JSON.stringify(referralToBundle(referral))),
    );
  try {
    await post(connections, requests(WARM_UP));
    const results = [];
    for (let round = 0; round < count; round++) results.push(await post(connections, requests(perRound)));
    return results;
  } finally {
    for (const connection of connections) connection.close();
  }
}

/** Referrals sent before timing on each set of connections (the service's code warms up too). */
const WARM_UP = 300;

/** The floor under any HTTP latency here: Node's own server answering "ok", one request at a time. */
async function bareRoundTrip(): Promise<number> {
  const server = createServer((_, response) => response.end('ok')).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const start = performance.now();
  for (let i = 0; i < 200; i++) await (await fetch(url)).text();
  server.close();
  return (performance.now() - start) / 200;
}

/** CPU time (user + system, ms) a process has used so far: a figure other load on the machine barely moves. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The same rows the service stores for each referral, inserted one by one with plain INSERTs: the database's own pace. */
async function plainInserts(dataDir: string, batch: Referral[]): Promise<number> {
  const db = await openDb({ dataDir });
  try {
    const rows = batch.map((referral) => [
      referral.id,
      ODS,
      referral.id,
      bodyHash(JSON.stringify(referralToBundle(referral))),
      patientIdFor(ODS, referral.patient.nhsNumber),
      referral.patient.nhsNumber,
      new Date().toISOString(),
      referral.needs,
      ['safeguarding'],
      referral.verdict.outcome,
      JSON.stringify(referral),
      true,
      inboxOrder(new Date(), true),
    ]);
    const start = performance.now();
    for (const row of rows)
      await db.query(
        `INSERT INTO referral (id, ods_code, idempotency_key, body_hash, patient_id, nhs_number, received_at, status,
           needs, safety_flags, verdict_outcome, referral, patient_created, inbox_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9, $10, $11, $12, $13)`,
        row,
      );
    return rows.length / ((performance.now() - start) / 1000);
  } finally {
    await db.close();
  }
}

/**
 * The queue service on the embedded database, over HTTP from another process (32 clients): referrals ingested per second (each
 * read, checked and stored with its idempotency record), against plain INSERTs of the same rows; and the 99th
 * percentile latency of a referral POST with 50 clients sending at once. Each is the median of three rounds: on this
 * machine one round's figure can be several times another's.
 * The 50 clients each send their next as soon as the last is answered, so a POST waits behind up to 49 others: the
 * mean latency is 50 ÷ the ingest rate (Little's law), and p99 ≤ 50 ms asks for about 1,000 referrals/s or more.
 * The load generator runs here, on the same 2 cores as the service; the plain inserts run with the service stopped.
 */
export async function measure(record: RecordMetric): Promise<Record<string, Metric>> {
  const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
  const dataDir = join(dir, 'db');
  try {
    const seed = await openDb({ dataDir });
    await addPractice(seed, { odsCode: ODS, name: 'Riverside Surgery' });
    // The agreements the fixtures' referrals are sent under (test-support/queue/services.ts) name these practices too.
    await addPractice(seed, { odsCode: 'Y02345', name: 'Hillside Health Centre' });
    await addPractice(seed, { odsCode: 'M85001', name: 'Canal Street Practice' });
    await seedServices(seed);
    const { token } = await issueToken(seed, ODS);
    await seed.close();

    const { url, child } = await startService(dataDir);
    let ingest: { seconds: number; latencies: number[] }[];
    let fifty: { seconds: number; latencies: number[] }[];
    const perRound = 1500;
    let cpuPerReferral = 0;
    try {
      const before = cpuMs(child.pid as number);
      ingest = await rounds(url, token, 32, perRound, 3);
      cpuPerReferral = (cpuMs(child.pid as number) - before) / (perRound * 3 + WARM_UP);
      fifty = await rounds(url, token, 50, 2000, 3);
    } finally {
      await stopService(child);
    }
    const ingestRates = ingest.map((round) => perRound / round.seconds);
    const p99s = fifty.map((round) => percentile(round.latencies, 99));
    const perSecond = median(ingestRates);
    record('queue.ingest', { value: perSecond, unit: 'referrals/s', goal: 1500, better: 'higher' });
    record('queue.p99-50-clients', { value: median(p99s), unit: 'ms', goal: 50, better: 'lower' });
    // How far these figures can be trusted: the goals are for a quiet 2-core machine, where a bare Node HTTP round
    // trip takes a fraction of a millisecond.
    const load = loadavg()
      .map((average) => average.toFixed(1))
      .join(' ');
    const floor = (await bareRoundTrip()).toFixed(2);
    console.log(
      `queue bench: load average ${load} on ${cpus().length} cores; a bare HTTP round trip takes ${floor} ms; the service used ${cpuPerReferral.toFixed(3)} ms of CPU per referral; rounds: ${ingestRates.map((rate) => rate.toFixed(0)).join(', ')} referrals/s, p99 ${p99s.map((p99) => p99.toFixed(1)).join(', ')} ms`,
    );
    const plain = median([
      await plainInserts(dataDir, referrals(1000)),
      await plainInserts(dataDir, referrals(1000)),
      await plainInserts(dataDir, referrals(1000)),
    ]);
    return {
      'queue.ingest': { value: perSecond, unit: 'referrals/s', goal: 1500, better: 'higher' },
      'queue.ingest-vs-plain': { value: perSecond / plain, unit: '×', goal: 0.5, better: 'higher' },
      'queue.p99-50-clients': {
        value: median(p99s),
        unit: 'ms',
        goal: 50,
        better: 'lower',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
