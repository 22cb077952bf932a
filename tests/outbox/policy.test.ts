import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, nextAttemptDelay, pollDelay, retryAfterMs, retryDelay } from '../../domain/outbox/policy';

describe('retry timing', () => {
  it('waits a random time up to a ceiling that doubles per attempt (full jitter), capped at about 15 minutes', () => {
    const highest = () => 0.999_999;
    expect(retryDelay(1, () => 0, DEFAULT_POLICY)).toBe(0);
    expect(retryDelay(1, highest, DEFAULT_POLICY)).toBe(1_999);
    expect(retryDelay(2, highest, DEFAULT_POLICY)).toBe(3_999);
    expect(retryDelay(5, () => 0.5, DEFAULT_POLICY)).toBe(16_000);
    expect(retryDelay(30, highest, DEFAULT_POLICY)).toBe(899_999);
  });

  it('polls a link worker’s status after 30 s, then less often, at most every 15 minutes', () => {
    expect([1, 2, 3, 10].map((polls) => pollDelay(polls, DEFAULT_POLICY))).toEqual([30_000, 60_000, 120_000, 900_000]);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('reads delay-seconds and all three HTTP-date formats, as milliseconds from now', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Tue, 01 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(retryAfterMs('Tuesday, 01-Dec-26 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Tue Dec  1 12:05:00 2026', now)).toBe(300_000);
  });

  it('gives nothing for an absent or unreadable header, and no wait for a date already past', () => {
    for (const header of [null, '', 'soon', '1.5', '-3', '2026-12-01T12:05:00Z']) {
      expect(retryAfterMs(header, now)).toBeUndefined();
    }
    expect(retryAfterMs('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('never retries before the service asked, nor waits past the backoff cap for it', () => {
    const highest = () => 0.999_999;
    expect(nextAttemptDelay(1, () => 0, DEFAULT_POLICY, 120_000)).toBe(120_000);
    expect(nextAttemptDelay(8, highest, DEFAULT_POLICY, 1_000)).toBe(retryDelay(8, highest, DEFAULT_POLICY));
    expect(nextAttemptDelay(1, () => 0, DEFAULT_POLICY, 24 * 60 * 60_000)).toBe(15 * 60_000);
    expect(nextAttemptDelay(3, () => 0.5, DEFAULT_POLICY)).toBe(retryDelay(3, () => 0.5, DEFAULT_POLICY));
  });
});
