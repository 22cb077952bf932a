/**
 * Working days counted as a histogram (key: whole working days, as text; the queue caps it at 60), so a median and a
 * 90th percentile can be read without the rows: the smallest number of days by which at least that share had been
 * reached (nearest rank). Undefined when nothing was counted.
 */
export function percentile(histogram: readonly { key: string; n: number }[], share: number): number | undefined {
  const days = histogram.map(({ key, n }) => ({ days: Number(key), n })).sort((a, b) => a.days - b.days);
  const all = days.reduce((sum, bar) => sum + bar.n, 0);
  if (all === 0) return undefined;
  const rank = Math.max(1, Math.ceil(share * all));
  let seen = 0;
  for (const bar of days) {
    seen += bar.n;
    if (seen >= rank) return bar.days;
  }
  return days[days.length - 1]?.days;
}

/** How many were within `limit` working days. */
export function within(histogram: readonly { key: string; n: number }[], limit: number): number {
  return histogram.filter(({ key }) => Number(key) <= limit).reduce((sum, bar) => sum + bar.n, 0);
}
