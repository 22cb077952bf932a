import { bundleToReferral, referralToBundle } from '../domain/fhir';
import { richReferral } from '../test-support/fixtures/referrals';
import { medianMicroseconds } from './measure';
import type { Metric } from './run';

/**
 * The wire format's cost: the queue service reads every referral body with bundleToReferral, and the outbox sends the
 * Bundle as JSON, so both its reading time and its size matter. Measured on the richest referral (every field).
 */
export async function measure(): Promise<Record<string, Metric>> {
  const bundle = referralToBundle(richReferral);
  const body = JSON.stringify(bundle);
  const ok = bundleToReferral(JSON.parse(body)).ok;
  if (!ok) throw new Error('the rich referral’s Bundle does not read back');
  return {
    'fhir.referralToBundle': {
      value: medianMicroseconds(() => referralToBundle(richReferral), { rounds: 51, batch: 100 }),
      unit: 'µs',
      goal: 200,
      better: 'lower',
    },
    'fhir.bundleToReferral': {
      value: medianMicroseconds(() => bundleToReferral(JSON.parse(body)), { rounds: 51, batch: 100 }),
      unit: 'µs',
      goal: 1000,
      better: 'lower',
    },
    'fhir.bundleBytes': { value: new TextEncoder().encode(body).length, unit: 'B', goal: 16_384, better: 'lower' },
  };
}
