import { randomUUID } from 'node:crypto';
import { queuedRow } from '../app/background/outbox/enqueue';
import { service } from '../server/context';
import { type RunningServer, startServer } from '../server/serve';
import { buildTestExtension } from '../test-support/browser/build';
import {
  fillPad,
  launchOn,
  newProfile,
  type OutboxBrowser,
  outboxRows,
  putRows,
  removeProfile,
  tellDrain,
  useQueue,
} from '../test-support/browser/outbox-browser';
import { richReferral } from '../test-support/fixtures/referrals';
import { type Queue, startQueue } from '../test-support/queue/queue';
import { median } from './measure';
import type { RecordMetric } from './run';

/** Referrals waiting in each round of the drain measurement. */
const WAITING = 500;

/**
 * The outbox in Chromium with the tests' build of the extension (made first: test-support/browser/build.ts), sending
 * to the real queue service (Hono on PGlite in memory, in this process) on 127.0.0.1:
 * - send-to-commit: from the Send click to the pad saying "Saved", which it says only once the row is committed with
 *   strict durability (so this includes the Bundle build, the commit and the pad's render of "Saved");
 * - drain-throughput: referrals that waited while the queue was down (every one tried once and refused a connection),
 *   delivered per second once the queue is back and the network returns (a page's `online` event, relayed to the
 *   worker), counted in the service's database: exactly that many stored, each once.
 * The service's per-token rate limit is off: it is the drain being measured (500 fit its default burst anyway).
 */
export async function measure(record: RecordMetric): Promise<undefined> {
  // Playwright records the worker's network traffic by default (every request and response sent over DevTools to this
  // process): a GP's browser has nothing watching it, and on this machine that cost about a fifth of the browser's CPU time in a drain.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK ??= '1';
  buildTestExtension('ignore');
  const queue = await startQueue('pglite');
  const returning = await queueThatComesBack(queue);
  const profile = newProfile();
  const browser = await launchOn(profile);
  try {
    await useQueue(browser, returning.endpoint, queue.tokens.L81001);
    const sendToCommit: number[] = [];
    for (let i = 0; i < 15; i++) sendToCommit.push(await timeSend(browser));
    record('outbox.send-to-commit', { value: median(sendToCommit), unit: 'ms', goal: 10, better: 'lower' });
    const throughput: number[] = [];
    for (let round = 0; round < 3; round++) throughput.push(await drainAfterReconnect(browser, queue, returning));
    console.log(`outbox bench: drain rounds ${throughput.map((rate) => rate.toFixed(0)).join(', ')} referrals/s`);
    record('outbox.drain-throughput', { value: median(throughput), unit: 'referrals/s', goal: 100, better: 'higher' });
    return undefined;
  } finally {
    await browser.context.close().catch(() => undefined);
    await returning.down();
    await queue.stop();
    removeProfile(profile);
  }
}

/**
 * A second HTTP server on the seeded queue's database, on a port of its own that it can leave and come back to:
 * while it is down a connection to the endpoint is refused, as with a stopped service.
 */
async function queueThatComesBack(queue: Queue) {
  const app = service(queue.db, { rateLimit: { perMinute: 0, burst: 0 } });
  let server: RunningServer | undefined = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  const port = Number(new URL(server.url).port);
  return {
    endpoint: `${server.url}/fhir`,
    async up() {
      server ??= await startServer(app, { port, hostname: '127.0.0.1' });
    },
    async down() {
      await server?.close();
      server = undefined;
    },
  };
}

/** Click to "Saved", timed inside the pad page. */
async function timeSend(browser: OutboxBrowser): Promise<number> {
  const pad = await fillPad(browser);
  const ms = await pad.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (![...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent?.startsWith('Saved'))) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Send referral'))?.click();
      }),
  );
  await pad.close();
  return ms;
}

async function drainAfterReconnect(
  browser: OutboxBrowser,
  queue: Queue,
  returning: Awaited<ReturnType<typeof queueThatComesBack>>,
): Promise<number> {
  // Whatever was sent before (the timed Sends) is delivered first, so that the count below is only this round's.
  await until(async () => (await outboxRows(browser)).every((row) => row.status === 'delivered'));
  await returning.down();
  const rows = Array.from({ length: WAITING }, () => queuedRow({ ...richReferral, id: randomUUID() }, Date.now()));
  const ids = rows.map(({ row }) => row.id);
  await putRows(browser, rows);
  await tellDrain(browser);
  // Every row tried once and waiting out its backoff, as after a spell offline.
  const waiting = new Set(ids);
  await until(
    async () =>
      (await outboxRows(browser)).filter((row) => waiting.has(row.id) && row.attempts > 0 && row.status === 'queued')
        .length === WAITING,
  );
  await returning.up();
  const before = await storedCount(queue);
  const start = performance.now();
  await browser.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'outbox:online' }),
  );
  // The whole table's count is the cheapest question to ask the service's database every 20 ms while it ingests.
  await until(async () => (await storedCount(queue)) - before >= WAITING, 20);
  const rate = WAITING / ((performance.now() - start) / 1000);
  // What the service holds once the outbox has settled: each referral once (its id is the table's key), none missing.
  await until(
    async () =>
      (await outboxRows(browser)).filter((row) => waiting.has(row.id) && row.status === 'delivered').length === WAITING,
  );
  const stored = await storedOf(queue, ids);
  const added = (await storedCount(queue)) - before;
  if (stored !== WAITING || added !== WAITING) {
    throw new Error(`The queue stored ${stored} of the ${WAITING} referrals that waited (${added} rows added).`);
  }
  return rate;
}

async function storedCount(queue: Queue): Promise<number> {
  const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
  return rows[0]?.n ?? -1;
}

async function storedOf(queue: Queue, ids: string[]): Promise<number> {
  const rows = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral WHERE id = ANY($1)', [ids]);
  return rows[0]?.n ?? -1;
}

async function until(condition: () => boolean | Promise<boolean>, everyMs = 50): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The outbox bench waited two minutes for a condition.');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
