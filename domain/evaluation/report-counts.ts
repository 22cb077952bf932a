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

/** Each list of counts split by measure once, since a report sums the same list hundreds of times. */
const byMeasure = new WeakMap<readonly ReportCount[], Map<Measure, ReportCount[]>>();

function ofMeasure(counts: readonly ReportCount[], measure: Measure): readonly ReportCount[] {
  let index = byMeasure.get(counts);
  if (!index) {
    index = new Map();
    for (const count of counts) {
      const list = index.get(count.measure) ?? [];
      list.push(count);
      index.set(count.measure, list);
    }
    byMeasure.set(counts, index);
  }
  return index.get(measure) ?? [];
}

/** The sum of a measure's counts (one key, or all), over the weeks given (or all). */
export function total(
  counts: readonly ReportCount[],
  measure: Measure,
  key?: string,
  weeks?: ReadonlySet<string>,
): number {
  let sum = 0;
  for (const count of ofMeasure(counts, measure))
    if ((key === undefined || count.key === key) && (!weeks || weeks.has(count.week))) sum += count.n;
  return sum;
}

/** A measure's counts by key, over the weeks given (or all), largest first. */
export function byKey(
  counts: readonly ReportCount[],
  measure: Measure,
  weeks?: ReadonlySet<string>,
): { key: string; n: number }[] {
  const sums = new Map<string, number>();
  for (const count of ofMeasure(counts, measure))
    if (!weeks || weeks.has(count.week)) sums.set(count.key, (sums.get(count.key) ?? 0) + count.n);
  return [...sums].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}
