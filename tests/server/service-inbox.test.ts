import { beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '../../domain/referral';
import { referralReference } from '../../domain/referral';
import { addLinkWorker } from '../../server/store/link-workers';
import { richReferral } from '../../test-support/fixtures/referrals';
import { cookieOf, csrfFrom, decide, send, signIn } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const PASSWORD = 'a long enough password';

/** The same person (one NHS number) referred to two services. */
function referralTo(serviceId: string, modelId: string, modelVersion: number, id: string): Referral {
  return { ...richReferral, id, serviceId, verdict: { ...richReferral.verdict, modelId, modelVersion } };
}
const toConnect = referralTo('kingsmead-connect', 'kingsmead-connect-55', 2, 'c0000000-0000-4000-8000-00000000000c');
const toValley = referralTo(
  'kingsmead-valley-pcn',
  'kingsmead-valley-pcn-open',
  3,
  'f0000000-0000-4000-8000-00000000000f',
);

describe('link workers of one service never see another’s referrals', () => {
  const queue = queueForTests();
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    await addLinkWorker(queue.db, {
      username: 'connie',
      displayName: 'Connie',
      password: PASSWORD,
      serviceId: 'kingsmead-connect',
    });
    await addLinkWorker(queue.db, {
      username: 'val',
      displayName: 'Val',
      password: PASSWORD,
      serviceId: 'kingsmead-valley-pcn',
    });
    for (const referral of [toConnect, toValley]) expect((await send(queue, referral)).status).toBe(200);
    for (const username of ['connie', 'val']) cookies[username] = cookieOf(await signIn(queue, PASSWORD, username));
  });

  const page = async (username: string, path: string) =>
    fetch(`${queue.url}${path}`, { headers: { Cookie: cookies[username] ?? '' } });

  it('lists only the service’s own referrals, and a search by NHS number finds only those', async () => {
    for (const [username, own, other] of [
      ['connie', toConnect, toValley],
      ['val', toValley, toConnect],
    ] as const) {
      for (const path of [
        '/inbox',
        `/inbox?q=${richReferral.patient.nhsNumber}`,
        `/inbox?q=${referralReference(other.id)}`,
      ]) {
        const text = await (await page(username, path)).text();
        expect(text, `${username} ${path}`).not.toContain(`/inbox/referrals/${other.id}`);
        if (!path.includes(referralReference(other.id)))
          expect(text, `${username} ${path}`).toContain(`/inbox/referrals/${own.id}`);
      }
    }
  });

  it('opens only the service’s own referral, and takes decisions only on those', async () => {
    expect((await page('connie', `/inbox/referrals/${toConnect.id}`)).status).toBe(200);
    expect((await page('connie', `/inbox/referrals/${toValley.id}`)).status).toBe(404);
    const csrf = await csrfFrom(queue, cookies.connie ?? '');
    const refused = await decide(queue, cookies.connie ?? '', toValley.id, { csrf, version: '1', status: 'accepted' });
    expect(refused.status).toBe(404);
    const rows = await queue.db.query<{ status: string }>('SELECT status FROM referral WHERE id = $1', [toValley.id]);
    expect(rows).toEqual([{ status: 'requested' }]);
    const accepted = await decide(queue, cookies.val ?? '', toValley.id, {
      csrf: await csrfFrom(queue, cookies.val ?? ''),
      version: '1',
      status: 'accepted',
    });
    expect(accepted.status).toBe(303);
  });

  it('an account from before services (none) still sees the whole queue', async () => {
    const cookie = cookieOf(await signIn(queue));
    const text = await (await fetch(`${queue.url}/inbox?status=any`, { headers: { Cookie: cookie } })).text();
    expect(text).toContain(referralReference(toConnect.id));
    expect(text).toContain(referralReference(toValley.id));
  });
});
