import { afterEach, describe, expect, it } from 'vitest';
import { referralToBundle } from '../../lib/fhir';
import { readDelivery } from '../../server/fhir/read-delivery';
import { startReaders } from '../../server/fhir/readers';
import { referrals } from '../fhir/referrals';

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
    const read = await Promise.all(bodies.map((body) => readers.read(body)));
    expect(read).toEqual(bodies.map((body) => readDelivery(body)));
    expect(read.map((delivery) => delivery.ok)).toEqual([true, true, true, true, false, false, false]);
  });

  it('fails the deliveries a stopped reader held, then reads on a fresh one', async () => {
    const readers = startReaders(1, 32);
    close = readers.close;
    const body = JSON.stringify(referralToBundle(referrals.minimalReferral));
    expect((await readers.read(body)).ok).toBe(true);
    // A body the reader cannot survive: more than its heap can hold.
    const held = readers.read(`[${'{},'.repeat(2 ** 22)}{}]`);
    await expect(held).rejects.toThrow(/memory limit/);
    expect(await readers.read(body)).toEqual(readDelivery(body));
  });
});
