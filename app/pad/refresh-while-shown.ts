/** While the pad shows Sent referrals, the link workers' statuses are asked for this often (besides on showing). */
export const STATUS_REFRESH_MS = 60_000;

type ShownTarget = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
};

/**
 * Calls `refresh` now, whenever the pad is shown again — its window takes focus (the sidebar focuses the pad's frame
 * as it opens it; the GP clicks into it) or its tab becomes visible — and every `everyMs` while visible. A GP who
 * reopens the pad later then sees the link worker's decision without waiting for the background's next poll.
 * Returns a stop function.
 */
export function refreshWhileShown(
  refresh: () => void,
  target: ShownTarget = window,
  everyMs = STATUS_REFRESH_MS,
): () => void {
  const visible = () => target.document.visibilityState === 'visible';
  const onVisibility = () => {
    if (visible()) refresh();
  };
  target.addEventListener('focus', refresh);
  target.document.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(onVisibility, everyMs);
  refresh();
  return () => {
    clearInterval(timer);
    target.removeEventListener('focus', refresh);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
