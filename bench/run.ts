/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `measure()` giving named metrics), prints a table and
 * writes bench/results.json as { "metric": { "value": n, "unit": "…", "goal": n } }.
 * Goals are read here, never asserted in tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Metric = { value: number; unit: string; goal: number; better: 'lower' | 'higher' };
export type Bench = { measure: () => Promise<Record<string, Metric>> };

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const results: Record<string, Metric> = {};
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)) as Bench;
  Object.assign(results, await bench.measure());
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

const file = join(here, 'results.json');
const written = Object.fromEntries(
  Object.entries(results).map(([name, { value, unit, goal }]) => [name, { value: round(value), unit, goal }]),
);
writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
console.log(`\nwritten ${file}`);

function round(value: number): number {
  return Number(value.toPrecision(4));
}
