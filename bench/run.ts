/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `measure()` giving named metrics), prints a table and
 * writes bench/results.json as { "metric": { "value": n, "unit": "…", "goal": n } }: each metric as soon as it is
 * measured (a bench may `record` one before it finishes; the rest when it does), so a run stopped part way keeps what it
 * measured. Metrics this run does not measure keep their last figures. Goals are read here, never asserted in tests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Metric = { value: number; unit: string; goal: number; better: 'lower' | 'higher' };
export type RecordMetric = (name: string, metric: Metric) => void;
export type Bench = { measure: (record: RecordMetric) => Promise<{ [name: string]: Metric }> };

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const file = join(here, 'results.json');
const written: { [name: string]: { value: number; unit: string; goal: number } } = existsSync(file)
  ? JSON.parse(readFileSync(file, 'utf8'))
  : {};
const results: { [name: string]: Metric } = {};
const record: RecordMetric = (name, metric) => {
  results[name] = metric;
  written[name] = { value: round(metric.value), unit: metric.unit, goal: metric.goal };
  writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
};
for (const benchFile of files) {
  const bench = (await import(pathToFileURL(join(here, benchFile)).href)) as Bench;
  for (const [name, metric] of Object.entries(await bench.measure(record))) record(name, metric);
}

const rows = Object.entries(results).map(([name, metric]) => {
  const met = metric.better === 'lower' ? metric.value <= metric.goal : metric.value >= metric.goal;
  const sign = metric.better === 'lower' ? '≤' : '≥';
  return { name, value: `${round(metric.value)} ${metric.unit}`, goal: `${sign} ${metric.goal} ${metric.unit}`, met };
});
const width = (key: 'name' | 'value' | 'goal') => Math.max(key.length, ...rows.map((row) => row[key].length));
const [nw, vw, gw] = [width('name'), width('value'), width('goal')];
console.log(`${'metric'.padEnd(nw)}  ${'value'.padStart(vw)}  ${'goal'.padEnd(gw)}  met`);
for (const row of rows) {
  console.log(`${row.name.padEnd(nw)}  ${row.value.padStart(vw)}  ${row.goal.padEnd(gw)}  ${row.met ? 'yes' : 'NO'}`);
}

console.log(`\nwritten ${file}`);

function round(value: number): number {
  return Number(value.toPrecision(4));
}
