/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `measure(record)`), prints a table and writes
 * bench/results.json as { "metric": { "value": n, "unit": "…", "goal": n } }. Each metric is written the moment it is
 * measured, so a bench that fails or runs out of time later loses nothing already measured; the failure itself is
 * written as `{ "failed": "<reason>" }` under the bench's name, and the other benches still run.
 * Goals are read here, never asserted in tests. `npm run bench -- queue` runs only the files whose names match.
 * BENCH_TIMEOUT_MINUTES (default 15) bounds each bench file. Metrics this run does not measure keep their last figures.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Metric = { value: number; unit: string; goal: number; better: 'lower' | 'higher' };
/** Called by a bench as each metric is measured. */
export type RecordMetric = (name: string, metric: Metric) => void;
/** A bench may record as it goes, return its metrics at the end, or both. */
export type Bench = { measure: (record: RecordMetric) => Promise<{ [name: string]: Metric } | undefined> };
type Failure = { failed: string };

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, 'results.json');
/** What earlier runs wrote, kept for the metrics this run does not measure. */
const earlier: { [name: string]: unknown } = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 15) * 60_000;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

const results: { [name: string]: Metric | Failure } = {};
const record: RecordMetric = (name, metric) => {
  results[name] = metric;
  console.log(`  ${row(name, metric)}`);
  write();
};

for (const name of files) {
  console.log(`${name}`);
  try {
    const bench = (await import(pathToFileURL(join(here, name)).href)) as Bench;
    const returned = await withTimeout(bench.measure(record), timeoutMs);
    for (const [metric, value] of Object.entries(returned ?? {})) if (!(metric in results)) record(metric, value);
  } catch (error) {
    results[name] = { failed: (error as Error).message.split('\n')[0] ?? String(error) };
    console.log(`  FAILED: ${(results[name] as Failure).failed}`);
    write();
  }
}

console.log(`\n${'metric'.padEnd(60)}  value / goal`);
for (const [name, result] of Object.entries(results)) {
  console.log('failed' in result ? `${name.padEnd(60)}  FAILED: ${result.failed}` : row(name, result));
}
console.log(`\nwritten ${file}`);
// A bench that timed out may still hold a browser or a server open: the results are written, so end here.
process.exit(Object.values(results).some((result) => 'failed' in result) ? 1 : 0);

function row(name: string, metric: Metric): string {
  const met = metric.better === 'lower' ? metric.value <= metric.goal : metric.value >= metric.goal;
  const sign = metric.better === 'lower' ? '≤' : '≥';
  const value = `${round(metric.value)} ${metric.unit}`;
  return `${name.padEnd(60)}  ${value.padStart(16)}  ${sign} ${metric.goal} ${metric.unit}  ${met ? 'met' : 'NOT MET'}`;
}

function write(): void {
  const written = Object.fromEntries(
    Object.entries(results).map(([name, result]) => [
      name,
      'failed' in result ? result : { value: round(result.value), unit: result.unit, goal: result.goal },
    ]),
  );
  writeFileSync(file, `${JSON.stringify({ ...earlier, ...written }, null, 2)}\n`);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 60_000} minutes`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
