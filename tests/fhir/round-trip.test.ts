import { describe, expect, it } from 'vitest';
import { bundleToReferral, referralToBundle } from '../../domain/fhir';
import { referrals } from '../../test-support/fixtures/referrals';

/** What crosses the wire is JSON text: the round trip goes through it, as the queue service would receive it. */
function overTheWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('a referral sent as FHIR comes back unchanged', () => {
  it.each(Object.entries(referrals))('%s', (_name, referral) => {
    const result = bundleToReferral(overTheWire(referralToBundle(referral)));
    expect(result).toStrictEqual({ ok: true, referral });
  });

  it('makes the same Bundle each time for the same referral, so a retry sends the same thing', () => {
    const { richReferral } = referrals;
    expect(JSON.stringify(referralToBundle(richReferral))).toBe(JSON.stringify(referralToBundle(richReferral)));
  });

  it('keeps the order of needs, contact modes and rules', () => {
    const { richReferral } = referrals;
    const back = bundleToReferral(overTheWire(referralToBundle(richReferral)));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.referral.needs).toEqual(['loneliness', 'bereavement', 'money-debt']);
    expect(back.referral.patient.contactModes).toEqual(['phone', 'letter', 'in-person']);
    expect(back.referral.verdict.rules).toEqual(['safety.safeguarding', 'capacity.waiting-list']);
  });

  it('sends a blank contact time as no contact time (FHIR strings are never empty)', () => {
    const { minimalReferral } = referrals;
    const referral = { ...minimalReferral, patient: { ...minimalReferral.patient, contactTimes: '' } };
    const bundle = referralToBundle(referral);
    expect(JSON.stringify(bundle)).not.toContain('"valueString":""');
    expect(bundleToReferral(overTheWire(bundle))).toStrictEqual({ ok: true, referral: minimalReferral });
  });

  it('carries the service it is sent to as the ServiceRequest’s performer, and locates a performer that is not one', () => {
    const referral = { ...referrals.richReferral, serviceId: 'kingsmead-connect' };
    const bundle = overTheWire(referralToBundle(referral)) as { entry: { resource: Record<string, unknown> }[] };
    const serviceRequest = bundle.entry[1]?.resource;
    expect(serviceRequest?.performer).toEqual([{ reference: 'HealthcareService/kingsmead-connect' }]);
    expect(bundleToReferral(bundle)).toStrictEqual({ ok: true, referral });

    if (serviceRequest) serviceRequest.performer = [{ reference: 'Organization/kct01' }];
    expect(bundleToReferral(bundle)).toMatchObject({
      ok: false,
      problems: [{ path: 'entry[1].resource.performer[0].reference' }],
    });
  });
});
