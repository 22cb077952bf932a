import { needLabel } from '../referral/needs';
import { byKey, type ReportCount, total } from './report-counts';
import { type Audience, countText, isSuppressed } from './suppress';
import { lastWeeks } from './weeks';

/** The window the drift monitor compares: the last 8 weeks (this one included) against the 8 before. */
export const DRIFT_WEEKS = 8;
/** The out-of-model share (per cent) past which the monitor speaks, when the service has set none. */
export const DEFAULT_DRIFT_THRESHOLD = 20;

/** Outside the agreed model: sent with an override, or out of scope by a rule. */
function outside(counts: readonly ReportCount[], weeks: ReadonlySet<string>): number {
  return total(counts, 'verdict', 'overridden', weeks) + total(counts, 'verdict', 'out-of-scope', weeks);
}

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

/**
 * The drift monitor's plain statement, when the share of referrals outside the agreed model over the last 8 weeks is
 * past the service's threshold: how it moved from the 8 weeks before, the need most of them named, and what to do.
 * Undefined below the threshold or with no referrals. For a commissioner, small counts are not given.
 */
export function driftStatement(
  counts: readonly ReportCount[],
  options: { today: string; thresholdPercent: number; audience: Audience },
): string | undefined {
  const weeks = lastWeeks(options.today, 2 * DRIFT_WEEKS);
  const recent = new Set(weeks.slice(DRIFT_WEEKS));
  const before = new Set(weeks.slice(0, DRIFT_WEEKS));
  const referrals = total(counts, 'referrals', undefined, recent);
  const out = outside(counts, recent);
  if (referrals === 0 || percent(out, referrals) <= options.thresholdPercent) return undefined;
  // A share of a small count would give the count away: a commissioner then reads only that it is past the threshold.
  if (isSuppressed(out, options.audience) || isSuppressed(referrals, options.audience))
    return `Over the last ${DRIFT_WEEKS} weeks more than ${options.thresholdPercent} % of referrals were outside the agreed model — review the agreement with your practices.`;
  const share = percent(out, referrals);
  const earlier = total(counts, 'referrals', undefined, before);
  const earlierShare = earlier > 0 ? percent(outside(counts, before), earlier) : undefined;
  const change =
    earlierShare === undefined
      ? ''
      : earlierShare < share
        ? `, up from ${earlierShare} %`
        : earlierShare > share
          ? `, down from ${earlierShare} %`
          : `, as in the 8 weeks before`;
  const need = byKey(counts, 'need-outside', recent)[0];
  const most =
    need && !isSuppressed(need.n, options.audience) ? `; most named ${needLabel(need.key).toLowerCase()}` : '';
  const of = `${countText(out, options.audience)} of ${countText(referrals, options.audience)}`;
  return (
    `Over the last ${DRIFT_WEEKS} weeks ${share} % of referrals (${of}) were outside the agreed model${change}${most}` +
    ` — review the agreement with your practices.`
  );
}
