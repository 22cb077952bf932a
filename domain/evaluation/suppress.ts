/** Who reads a report: the service's own lead sees every count; a commissioner's small numbers are suppressed. */
export type Audience = 'service' | 'commissioner';

/** Counts from 1 to 4 are shown to commissioners as "fewer than 5", as NHS publications do (zero is shown). */
export const SMALL_NUMBER = 5;
export const SUPPRESSED = `fewer than ${SMALL_NUMBER}`;

export function isSuppressed(n: number, audience: Audience): boolean {
  return audience === 'commissioner' && n > 0 && n < SMALL_NUMBER;
}

/** A count in words: "1,234", or "fewer than 5" for a commissioner. */
export function countText(n: number, audience: Audience): string {
  return isSuppressed(n, audience) ? SUPPRESSED : n.toLocaleString('en-GB');
}

/** "23 %" of a whole; "–" of nothing; for a commissioner, suppressed when either count is small (it could be undone). */
export function shareText(part: number, whole: number, audience: Audience): string {
  if (whole === 0) return '–';
  if (isSuppressed(part, audience) || isSuppressed(whole, audience)) return SUPPRESSED;
  return `${Math.round((100 * part) / whole)} %`;
}
