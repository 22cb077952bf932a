import { describe, expect, it } from 'vitest';
import type { Referral } from '../../domain/referral';
import { minimalReferral, richReferral } from '../../test-support/fixtures/referrals';
import { type Outcome, send, storedReferrals } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

let counter = 0;
/** The rich referral (practice L81001) under a new id, sent to a service under a model version. */
function referral(serviceId: string | undefined, modelId: string, modelVersion: number): Referral {
  const id = `5e5e0000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const { serviceId: _none, ...rest } = richReferral;
  return {
    ...rest,
    id,
    ...(serviceId ? { serviceId } : {}),
    verdict: { ...richReferral.verdict, modelId, modelVersion },
  };
}

async function refusal(response: Response): Promise<string> {
  expect(response.status).toBe(422);
  const body = (await response.json()) as Outcome;
  return body.issue[0]?.diagnostics ?? '';
}

describe('a referral goes to a service only under a version agreed with its practice', () => {
  const queue = queueForTests();

  it('stores a referral under an agreed version, in that service', async () => {
    const sent = referral('kingsmead-connect', 'kingsmead-connect-55', 2);
    expect((await send(queue, sent)).status).toBe(200);
    const rows = await queue.db.query<{ service_id: string }>('SELECT service_id FROM referral WHERE id = $1', [
      sent.id,
    ]);
    expect(rows).toEqual([{ service_id: 'kingsmead-connect' }]);
  });

  it('refuses a version the service never agreed with this practice (422), naming those it did', async () => {
    const before = await storedReferrals(queue);
    const message = await refusal(await send(queue, referral('kingsmead-connect', 'kingsmead-connect-55', 7)));
    expect(message).toBe(
      'Version 7 of Kingsmead Connect 55+’s model is not agreed with practice L81001 (agreed: 1, 2); nothing was stored. Refresh the practice’s directory and check the referral again.',
    );
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('refuses another practice’s agreed version (422)', async () => {
    // Version 1 of riverside-link-workers was agreed with Y02345, not with L81001.
    const message = await refusal(await send(queue, referral('riverside-link-workers', 'open', 1)));
    expect(message).toContain('Version 1 of Riverside link workers’s model is not agreed with practice L81001');
    // The same version from its own practice goes in.
    const own = { ...minimalReferral, id: '5e5e0000-0000-4000-8000-0000000000ff', serviceId: 'riverside-link-workers' };
    expect((await send(queue, own, queue.tokens.Y02345)).status).toBe(200);
  });

  it('refuses a service the practice has no agreement with, and a service that is not there (422)', async () => {
    const fromHillside = { ...referral('kingsmead-connect', 'kingsmead-connect-55', 2) };
    fromHillside.referrer = { ...fromHillside.referrer, odsCode: 'Y02345' };
    expect(await refusal(await send(queue, fromHillside, queue.tokens.Y02345))).toBe(
      'Practice Y02345 has no agreed model with Kingsmead Connect 55+: nothing was stored. The service and the practice agree a model first.',
    );
    const unknown = await refusal(await send(queue, referral('no-such-service', 'open', 2)));
    expect(unknown).toBe(
      'There is no service “no-such-service” on this queue. Refresh the practice’s directory and check the referral again.',
    );
  });

  it('takes a referral that names no service only under a model version agreed with its practice', async () => {
    // The open example is at version 4 (model format 2): the seeded Valley PCN agreed up to it with L81001.
    expect((await send(queue, referral(undefined, 'kingsmead-valley-pcn-open', 4))).status).toBe(200);
    const message = await refusal(await send(queue, referral(undefined, 'kingsmead-valley-pcn-open', 5)));
    expect(message).toBe(
      'Model “kingsmead-valley-pcn-open” version 5 is not a version any service on this queue agreed with practice L81001, and the referral names no service; nothing was stored.',
    );
  });
});
