import { afterEach, describe, expect, it, vi } from 'vitest';
import { referralToBundle } from '../../domain/fhir';
import { readDelivery } from '../../server/fhir/read-delivery';
import { startReaders } from '../../server/fhir/readers';
import { referrals } from '../../test-support/fixtures/referrals';

/** When every delivery here arrives: after the fixtures were written. */
const AT = Date.parse('2026-12-01T09:00:00Z');

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('reading deliveries on reader threads', () => {
  it('reads each referral, and refuses each malformed body, exactly as the request thread would', async () => {
    const readers = startReaders(2);
    close = readers.close;
    const bodies = [
      ...Object.values(referrals).map((referral) => JSON.stringify(referralToBundle(referral))),
      '{"resourceType":"Bundle"',
      JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }),
      JSON.stringify({ ...referralToBundle(referrals.richReferral), type: 'batch' }),
    ];
    const fellBack = vi.spyOn(console, 'error');
    const read = await Promise.all(bodies.map((body) => readers.read(body, AT)));
    expect(read).toEqual(bodies.map((body) => readDelivery(body, AT)));
    expect(read.map((delivery) => delivery.ok)).toEqual([true, true, true, true, false, false, false]);
    // Read by the threads themselves, not by the request thread after they failed to start.
    expect(fellBack).not.toHaveBeenCalled();
    fellBack.mockRestore();
  });

  it('fails the deliveries a stopped reader held, then reads on a fresh one', async () => {
    const readers = startReaders(1, 32);
    close = readers.close;
    const body = JSON.stringify(referralToBundle(referrals.minimalReferral));
    expect((await readers.read(body, AT)).ok).toBe(true);
    // A body the reader cannot survive: more than its heap can hold.
    const held = readers.read(`[${'{},'.repeat(2 ** 22)}{}]`, AT);
    await expect(held).rejects.toThrow(/memory limit/);
    expect(await readers.read(body, AT)).toEqual(readDelivery(body, AT));
  });

  it('reads here when a reader thread cannot even start, and says so once', async () => {
    const errors: string[] = [];
    const log = console.error;
    console.error = (...parts: unknown[]) => errors.push(parts.join(' '));
    try {
      // Too little heap to load the reader at all.
      const readers = startReaders(2, 1);
      close = readers.close;
      const bodies = Object.values(referrals).map((referral) => JSON.stringify(referralToBundle(referral)));
      const read = await Promise.all(bodies.map((body) => readers.read(body, AT)));
      expect(read).toEqual(bodies.map((body) => readDelivery(body, AT)));
      expect(await readers.read(bodies[0] as string, AT)).toEqual(readDelivery(bodies[0] as string, AT));
      await expect.poll(() => errors.length).toBe(1);
      expect(errors[0]).toMatch(/reader threads could not start/);
    } finally {
      console.error = log;
    }
  });
});
