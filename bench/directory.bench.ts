/**
 * The practice's directory of services: the pad checks each referral against every service in it at once, and the
 * extension fetches it from the queue. Both with 50 services, a large area's worth.
 */
import { loadavg } from 'node:os';
import { defaultRoute, routeReferral } from '../domain/pad/route-referral';
import type { DirectoryEntry } from '../domain/service/directory';
import { TODAY, widower } from '../test-support/fixtures/criteria';
import { riversideDirectory } from '../test-support/fixtures/services';
import { addAgreedService } from '../test-support/queue/agreed-service';
import { type Queue, startQueue } from '../test-support/queue/queue';
import { medianMicroseconds } from './measure';
import type { Metric, RecordMetric } from './run';

const SERVICES = 50;
const LOADS = 60;

/** 50 services: the Riverside directory's two, again and again, each under an id of its own. */
function fiftyServices(): DirectoryEntry[] {
  return Array.from({ length: SERVICES }, (_, i) => {
    const entry = riversideDirectory[i % riversideDirectory.length] as DirectoryEntry;
    const id = `${entry.service.id}-${i}`;
    return { service: { ...entry.service, id }, agreement: { ...entry.agreement, serviceId: id } };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** GET HealthcareService with the practice's token, as the extension's background fetches the directory. */
async function directoryFetch(queue: Queue, entries: DirectoryEntry[]): Promise<number> {
  for (const { service, agreement } of entries) {
    await addAgreedService(queue.db, {
      service,
      practice: 'L81001',
      model: agreement.model,
      champion: agreement.agreedBy.practice,
    });
  }
  const load = async () => {
    const response = await fetch(`${queue.url}/fhir/HealthcareService`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}` },
    });
    const bundle = (await response.json()) as { entry?: unknown[] };
    if (response.status !== 200 || (bundle.entry?.length ?? 0) < SERVICES)
      throw new Error(`the directory answered ${response.status} with ${bundle.entry?.length ?? 0} entries`);
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

export async function measure(record: RecordMetric): Promise<Record<string, Metric>> {
  const entries = fiftyServices();
  const draft = widower();
  if (!defaultRoute(routeReferral({ entries }, draft, TODAY))?.fits) throw new Error('no service fits the draft');
  const routing: Metric = {
    value: medianMicroseconds(() => routeReferral({ entries }, draft, TODAY), { rounds: 51, batch: 20 }) / 1000,
    unit: 'ms',
    goal: 1,
    better: 'lower',
  };
  record('directory: one referral checked against 50 services (median)', routing);

  const queue = await startQueue('pglite');
  try {
    const fetched: Metric = { value: await directoryFetch(queue, entries), unit: 'ms', goal: 50, better: 'lower' };
    record('directory: fetch of 50 services, p95 (embedded database)', fetched);
    console.log(`directory fetch p95 ${fetched.value.toFixed(1)} ms (load average ${loadavg()[0]?.toFixed(1)})`);
    return {
      'directory: one referral checked against 50 services (median)': routing,
      'directory: fetch of 50 services, p95 (embedded database)': fetched,
    };
  } finally {
    await queue.stop();
  }
}
