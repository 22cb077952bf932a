import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, pollDelay, retryDelay } from '../../lib/outbox/policy';

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
