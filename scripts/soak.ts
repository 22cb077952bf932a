/**
 * The outbox soak (run by hand, not in CI): `npx tsx scripts/soak.ts [count]`.
 * Builds the extension, starts Chromium with it and a queue on 127.0.0.1 behind a proxy answering 30% of POSTs with
 * 500, puts `count` (default 1,000) referrals in the extension's outbox, then keeps triggering drains while stopping
 * the service worker at random moments, until every row is delivered. Prints what the receiving end saw.
 */
import { randomUUID } from 'node:crypto';
import { queuedRow } from '../app/background/outbox/enqueue';
import { buildTestExtension } from '../test-support/browser/build';
import {
  launchOn,
  newProfile,
  outboxCreated,
  outboxRows,
  putRows,
  removeProfile,
  stopServiceWorker,
  tellDrain,
  useQueue,
} from '../test-support/browser/outbox-browser';
import { richReferral } from '../test-support/fixtures/referrals';
import { startFaultProxy } from '../test-support/queue/fault-proxy';
import { startStandInQueue } from '../test-support/queue/stand-in-queue';

const count = Number(process.argv[2] ?? 1000);
const started = Date.now();
/** The whole soak, build included: past this it has stalled, and says so rather than hanging. */
const OVERALL_LIMIT_MS = 20 * 60_000;
const stall = setTimeout(() => {
  console.error(`Soak stalled: not finished after ${OVERALL_LIMIT_MS / 60_000} minutes.`);
  process.exit(2);
}, OVERALL_LIMIT_MS);
stall.unref();
buildTestExtension('ignore');

const queue = await startStandInQueue();
const proxy = await startFaultProxy(queue.url);
proxy.mode = 'flaky';
proxy.failShare = 0.3;
const profile = newProfile();
const browser = await launchOn(profile);
let stops = 0;
try {
  await useQueue(browser, proxy.url, queue.token);
  // The worker creates the database on its first drain; writing before that hung (an empty database, no stores).
  await outboxCreated(browser);
  console.log(`extension up, outbox created in ${seconds(started)} s; enqueueing ${count}`);
  // The rows enqueueReferral would write (built by the same code), written through the page's IndexedDB in batches.
  const ids: string[] = [];
  for (let batch = 0; batch < count; batch += 100) {
    const rows: ReturnType<typeof queuedRow>[] = [];
    for (let i = batch; i < Math.min(count, batch + 100); i++) {
      const referral = { ...richReferral, id: randomUUID() };
      ids.push(referral.id);
      rows.push(queuedRow(referral, Date.now()));
    }
    await putRows(browser, rows);
    await tellDrain(browser);
    console.log(`  enqueued ${ids.length}/${count}`);
  }
  console.log(
    `enqueued ${ids.length} referrals in ${seconds(started)} s; draining with 30% 500s and the worker stopped at random`,
  );

  const drainStart = Date.now();
  let reported = drainStart;
  for (;;) {
    const rows = await outboxRows(browser);
    const delivered = rows.filter((row) => row.status === 'delivered').length;
    if (delivered === count) break;
    if (Date.now() - reported > 15_000) {
      reported = Date.now();
      const by = (status: string) => rows.filter((row) => row.status === status).length;
      console.log(
        `${seconds(drainStart)} s: ${delivered} delivered, ${by('queued')} queued, ${by('sending')} sending, ` +
          `${by('needs-attention')} needing attention; ${stops} worker stops`,
      );
    }
    if (Date.now() - drainStart > 15 * 60_000) throw new Error(`Gave up after 15 minutes with ${delivered} delivered.`);
    if (Math.random() < 0.3) {
      await stopServiceWorker(browser).catch(() => undefined); // it may be stopped already
      stops++;
    }
    await tellDrain(browser);
    await browser.page.waitForTimeout(500 + Math.random() * 2_000); // the soak's own pacing, not a test wait
  }

  const created = queue.created;
  const unique = new Set(created);
  const lost = ids.filter((id) => !unique.has(id));
  const posts = [...queue.posts.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    JSON.stringify(
      {
        enqueued: ids.length,
        storedAtReceiver: unique.size,
        duplicates: created.length - unique.size,
        lost: lost.length,
        postsReachingQueue: posts,
        answered500ByProxy: proxy.failed,
        workerStops: stops,
        drainSeconds: seconds(drainStart),
        totalSeconds: seconds(started),
      },
      null,
      2,
    ),
  );
  if (lost.length > 0 || created.length !== unique.size || unique.size !== count) process.exitCode = 1;
} finally {
  await browser.context.close().catch(() => undefined);
  await proxy.close();
  await queue.close();
  removeProfile(profile);
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 100) / 10;
}
