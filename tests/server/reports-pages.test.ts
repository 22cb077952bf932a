import { beforeAll, describe, expect, it } from 'vitest';
import { ukDate } from '../../domain/clock/uk-date';
import type { Referral } from '../../domain/referral';
import { runCommand } from '../../server/admin/commands';
import { recordPointOfReferralCounts } from '../../server/store/point-of-referral-counts';
import { overriddenReferral, richReferral } from '../../test-support/fixtures/referrals';
import { cookieOf, csrfFrom, LINK_WORKER, send, signIn } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';
import { decoded, parseCsv, tableOf } from '../../test-support/reports/csv';

const SERVICE = 'riverside-link-workers';
const LEAD = { username: 'lena', displayName: 'Lena Lead', password: 'a lead’s long password' };
const COMMISSIONER = { username: 'cora', displayName: 'Cora Commissioner', password: 'a commissioner’s password' };
const queue = queueForTests();
let lead: string;
let commissioner: string;

function variant(id: string, rules: string[]): Referral {
  return { ...richReferral, id, verdict: { ...richReferral.verdict, rules: ['safety.safeguarding', ...rules] } };
}

const get = (cookie: string, path: string) =>
  fetch(`${queue.url}/inbox${path}`, { redirect: 'manual', headers: { Cookie: cookie } });

beforeAll(async () => {
  for (const [account, flag] of [
    [LEAD, { serviceLead: true }],
    [COMMISSIONER, { commissioner: true }],
  ] as const)
    await runCommand(queue.db, {
      command: 'add-link-worker',
      args: [account.username, account.displayName],
      password: account.password,
      service: SERVICE,
      ...flag,
    });
  const referrals = [
    variant('11111111-1111-4111-8111-111111111111', []),
    variant('22222222-2222-4222-8222-222222222222', ['scope.need']),
    { ...overriddenReferral, id: '33333333-3333-4333-8333-333333333333' },
  ];
  for (const referral of referrals)
    expect((await send(queue, referral, queue.tokens[referral.referrer.odsCode as 'L81001'])).status).toBe(200);
  const day = ukDate(new Date());
  await recordPointOfReferralCounts(queue.db, {
    counts: {
      odsCode: 'L81001',
      day,
      services: [
        {
          serviceId: SERVICE,
          modelVersion: 3,
          checked: 9,
          sentInModel: 1,
          sentWithOverride: 1,
          redirected: [
            { route: 'NHS Talking Therapies', n: 4 },
            { route: 'Crisis line', n: 1 },
          ],
          abandoned: 2,
        },
      ],
    },
    batchKey: `L81001-${day}`,
    bodyHash: 'test',
    receivedAt: new Date(),
  });
  lead = cookieOf(await signIn(queue, LEAD.password, LEAD.username));
  commissioner = cookieOf(await signIn(queue, COMMISSIONER.password, COMMISSIONER.username));
});

describe('the service’s reports', () => {
  it('show the lead every count, the shares against the model and the drift statement past the threshold', async () => {
    const response = await get(lead, '/reports');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script|style="/);
    expect(page).toContain('<svg class="chart"');
    const shares = tableOf(page, 'model-share');
    expect(shares.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['In the agreed model', '1'],
      ['Sent with an override', '1'],
      ['Out of scope by a rule, sent for review', '1'],
    ]);
    expect(tableOf(page, 'redirect-routes').slice(1)).toEqual([
      ['NHS Talking Therapies', '4', '80 %'],
      ['Crisis line', '1', '20 %'],
    ]);
    expect(tableOf(page, 'point-of-referral')[3]).toEqual(['Redirected elsewhere before sending', '5', '56 %']);
    expect(decoded(page)).toContain(
      'Over the last 8 weeks 67 % of referrals (2 of 3) were outside the agreed model; most named',
    );
  });

  it('give each table as CSV, cell for cell what the page shows', async () => {
    const page = await (await get(lead, '/reports?weeks=8')).text();
    for (const id of ['weekly', 'practices', 'model-share', 'point-of-referral', 'redirect-routes', 'drift', 'needs']) {
      const csv = await get(lead, `/reports/${id}.csv?weeks=8`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(parseCsv(await csv.text())).toEqual(tableOf(page, id));
    }
    expect((await get(lead, '/reports/nothing.csv')).status).toBe(404);
  });

  it('show a commissioner small numbers as “fewer than 5”, in the page and the CSV, and no free text', async () => {
    const page = await (await get(commissioner, '/reports')).text();
    const shares = tableOf(page, 'model-share');
    expect(shares[1]).toEqual(['In the agreed model', 'fewer than 5', 'fewer than 5']);
    expect(page).not.toContain('table-decline-reasons');
    const csv = parseCsv(await (await get(commissioner, '/reports/model-share.csv')).text());
    expect(csv).toEqual(shares);
    expect(tableOf(page, 'redirect-routes').slice(1)).toEqual([
      ['NHS Talking Therapies', 'fewer than 5', 'fewer than 5'],
      ['Crisis line', 'fewer than 5', 'fewer than 5'],
    ]);
    expect(decoded(page)).toContain('Over the last 8 weeks more than 20 % of referrals were outside the agreed model');
    expect((await get(commissioner, '/reports/decline-reasons.csv')).status).toBe(404);
  });

  it('keep a commissioner to the reports: the inbox sends them there, a referral or the service pages are refused', async () => {
    const inbox = await get(commissioner, '');
    expect([inbox.status, inbox.headers.get('location')]).toEqual([303, '/inbox/reports']);
    expect((await get(commissioner, '/referrals/11111111-1111-4111-8111-111111111111')).status).toBe(403);
    expect((await get(commissioner, '/service')).status).toBe(403);
    expect((await get(commissioner, '/audit')).status).toBe(403);
  });

  it('are given a commissioner by the command line only for a service, and never as its lead', async () => {
    const add = (options: { service?: string; serviceLead?: boolean }) =>
      runCommand(queue.db, {
        command: 'add-link-worker',
        args: ['cy', 'Cy'],
        password: 'a long password!',
        commissioner: true,
        ...options,
      });
    for (const options of [{}, { service: SERVICE, serviceLead: true }])
      await expect(add(options)).rejects.toThrow(
        '--commissioner needs --service <service id>, and is not a service lead.',
      );
    expect(await add({ service: SERVICE })).toBe(`Added commissioner cy of ${SERVICE}.`);
  });

  it('refuse a link worker (403) and send a signed-out browser to sign in', async () => {
    const plain = cookieOf(await signIn(queue));
    const refused = await get(plain, '/reports');
    expect([refused.status, await refused.text()]).toEqual([
      403,
      'Only the lead of a service and its commissioners may read its reports.',
    ]);
    expect((await get('', '/reports')).headers.get('location')).toBe('/inbox/login');
    expect(LINK_WORKER.username).toBe('rosa');
  });

  it('let the lead set the threshold, and not a commissioner; a wrong value changes nothing', async () => {
    const post = (cookie: string, form: Record<string, string>) =>
      fetch(`${queue.url}/inbox/reports/threshold`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' },
        body: new URLSearchParams(form),
      });
    const csrf = await csrfFrom(queue, lead, '/inbox/reports');
    const refused = await post(lead, { csrf, threshold: '150' });
    expect(refused.status).toBe(400);
    const again = decoded(await refused.text());
    expect(again).toContain('There is a problem');
    expect(again).toContain('Enter the threshold as a whole number of per cent, from 1 to 100.');
    expect(decoded(await (await get(lead, '/reports')).text())).toContain('67 %');
    expect(
      (await post(commissioner, { csrf: await csrfFrom(queue, commissioner, '/inbox/reports'), threshold: '80' }))
        .status,
    ).toBe(403);
    expect((await post(lead, { csrf, threshold: '70' })).status).toBe(303);
    const page = decoded(await (await get(lead, '/reports')).text());
    expect(page).not.toContain('Over the last 8 weeks');
    expect(page).toContain('within the service’s threshold of 70 %');
  });
});
