import { z } from 'zod';

/** What the queue's summary counts (migration 013): referrals, decisions, and the pads' checks, in a week. */
export const MEASURES = [
  'referrals',
  'verdict',
  'safety-flagged',
  'need',
  'need-outside',
  'decision',
  'decline-reason',
  'days-to-decision',
  'days-to-first-contact',
  'closure',
  'wellbeing-change',
  'check',
  'redirect-route',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How a sent referral stood against the agreed model, as the queue classes it (report_verdict in migration 013). */
export const VERDICT_CLASSES = [
  { key: 'in-model', label: 'In the agreed model' },
  { key: 'overridden', label: 'Sent with an override' },
  { key: 'out-of-scope', label: 'Out of scope by a rule, sent for review' },
  { key: 'not-known', label: 'Not known (details removed)' },
] as const;

/**
 * One summary count: a week (its Monday, UK) and practice for referrals; the week alone (practice '') for the rest.
 * Parsed as it leaves the database, so a report is built from nothing it has not checked.
 */
export const reportCountSchema = z.strictObject({
  week: z.iso.date(),
  odsCode: z.string(),
  measure: z.enum(MEASURES),
  key: z.string(),
  n: z.number().int().nonnegative(),
});
export type ReportCount = z.output<typeof reportCountSchema>;

/** Sums by measure, then key (or ANY), then week (or ANY). */
type Sums = Map<string, Map<string, Map<string, number>>>;
type Index = { byMeasure: Map<Measure, ReportCount[]>; sums: Sums };

/** Each list of counts indexed once, since a report sums the same list thousands of times. */
const indexes = new WeakMap<readonly ReportCount[], Index>();
const ANY = '';

function add(sums: Sums, count: ReportCount): void {
  const byKey = sums.get(count.measure) ?? new Map<string, Map<string, number>>();
  sums.set(count.measure, byKey);
  for (const key of count.key === ANY ? [ANY] : [count.key, ANY]) {
    const byWeek = byKey.get(key) ?? new Map<string, number>();
    byKey.set(key, byWeek);
    byWeek.set(count.week, (byWeek.get(count.week) ?? 0) + count.n);
    byWeek.set(ANY, (byWeek.get(ANY) ?? 0) + count.n);
  }
}

function indexOf(counts: readonly ReportCount[]): Index {
  const known = indexes.get(counts);
  if (known) return known;
  const index: Index = { byMeasure: new Map(), sums: new Map() };
  for (const count of counts) {
    const list = index.byMeasure.get(count.measure) ?? [];
    list.push(count);
    index.byMeasure.set(count.measure, list);
    add(index.sums, count);
  }
  indexes.set(counts, index);
  return index;
}

/** The sum of a measure's counts (one key, or all), over the weeks given (or all). */
export function total(
  counts: readonly ReportCount[],
  measure: Measure,
  key?: string,
  weeks?: ReadonlySet<string>,
): number {
  const byWeek = indexOf(counts)
    .sums.get(measure)
    ?.get(key ?? ANY);
  if (!byWeek) return 0;
  if (!weeks) return byWeek.get(ANY) ?? 0;
  let sum = 0;
  for (const week of weeks) sum += byWeek.get(week) ?? 0;
  return sum;
}

/** A measure's counts by key, over the weeks given (or all), largest first. */
export function byKey(
  counts: readonly ReportCount[],
  measure: Measure,
  weeks?: ReadonlySet<string>,
): { key: string; n: number }[] {
  const sums = new Map<string, number>();
  for (const count of indexOf(counts).byMeasure.get(measure) ?? [])
    if (!weeks || weeks.has(count.week)) sums.set(count.key, (sums.get(count.key) ?? 0) + count.n);
  return [...sums].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}
