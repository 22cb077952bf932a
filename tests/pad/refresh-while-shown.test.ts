import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshWhileShown, STATUS_REFRESH_MS } from '../../app/pad/refresh-while-shown';

/** The pad's window as far as this needs: focus, and its document's visibility (hidden when its tab is not shown). */
function padWindow() {
  const win = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return Object.assign(win, { document });
}

describe('the Sent referrals ask for fresh statuses while shown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks when shown, when the pad is opened again (its frame takes focus) and when its tab is shown again', () => {
    const pad = padWindow();
    let asked = 0;
    const stop = refreshWhileShown(() => asked++, pad as never);
    expect(asked).toBe(1);
    pad.dispatchEvent(new Event('focus'));
    expect(asked).toBe(2);
    pad.document.visibilityState = 'hidden';
    pad.document.dispatchEvent(new Event('visibilitychange'));
    expect(asked).toBe(2);
    pad.document.visibilityState = 'visible';
    pad.document.dispatchEvent(new Event('visibilitychange'));
    expect(asked).toBe(3);
    stop();
    pad.dispatchEvent(new Event('focus'));
    expect(asked).toBe(3);
  });

  it('asks each minute while its tab is visible, not while hidden, and not after it stops', () => {
    const pad = padWindow();
    let asked = 0;
    const stop = refreshWhileShown(() => asked++, pad as never);
    vi.advanceTimersByTime(STATUS_REFRESH_MS);
    expect(asked).toBe(2);
    pad.document.visibilityState = 'hidden';
    vi.advanceTimersByTime(3 * STATUS_REFRESH_MS);
    expect(asked).toBe(2);
    pad.document.visibilityState = 'visible';
    vi.advanceTimersByTime(STATUS_REFRESH_MS);
    expect(asked).toBe(3);
    stop();
    vi.advanceTimersByTime(5 * STATUS_REFRESH_MS);
    expect(asked).toBe(3);
  });
});
