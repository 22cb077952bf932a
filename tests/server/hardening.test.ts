import { describe, expect, it } from 'vitest';
import { type fhir4, referralToBundle } from '../../domain/fhir';
import { referralSchema } from '../../domain/referral';
import { referrals, richReferral } from '../../test-support/fixtures/referrals';
import {
  bundleBody,
  cookieOf,
  type Outcome,
  postBundle,
  readTask,
  requestFrom,
  send,
  signIn,
} from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

/** Where a FHIR JSON document has an empty array, object or string: FHIR's JSON rules allow none. */
function emptyParts(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.length === 0 ? [path] : value.flatMap((item, index) => emptyParts(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([key, item]) => emptyParts(item, `${path}.${key}`));
  }
  return value === '' ? [path] : [];
}

describe('the queue under smaller misuses', () => {
  const queue = queueForTests({
    addressLimits: { signIns: { perMinute: 0, burst: 0 }, refusedTokens: { perMinute: 60, burst: 5 } },
  });

  it('makes an address that floods made-up tokens wait (429, Retry-After) before any more are checked; another address is served', async () => {
    const task = (from: string, token: string) =>
      requestFrom(from, `${queue.url}/fhir/Task/11111111-1111-4111-8111-111111111111`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 5; i++) expect((await task('127.0.0.5', `spq_made-up-${i}`)).status).toBe(401);
    const limited = await task('127.0.0.5', 'spq_made-up-again');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect((JSON.parse(limited.text) as Outcome).issue[0]?.code).toBe('throttled');
    expect((await task('127.0.0.6', queue.tokens.L81001)).status).toBe(404);
    expect((await task('127.0.0.6', 'spq_one-mistake')).status).toBe(401);
    queue.advance(1000);
    expect((await task('127.0.0.5', 'spq_made-up-later')).status).toBe(401);
  });

  it('answers a referral id another practice holds as it answers a changed body under a taken id: 422, naming no practice, storing nothing', async () => {
    const id = 'ba5e1d00-0000-4000-8000-000000000001';
    const first = referralSchema.parse({ ...richReferral, id });
    expect((await send(queue, first)).status).toBe(200);
    const fromOther = referralSchema.parse({
      ...richReferral,
      id,
      referrer: { ...richReferral.referrer, odsCode: 'Y02345' },
      // A model version agreed with Y02345 (test-support/queue/services.ts): only the id is wrong.
      verdict: { ...richReferral.verdict, modelId: 'open', modelVersion: 1 },
    });
    const other = await send(queue, fromOther, queue.tokens.Y02345);
    const changed = referralSchema.parse({ ...first, whatMatters: 'Changed after it was sent.' });
    const sameNoKey = await postBundle(queue, bundleBody(changed), { key: null });
    expect([other.status, sameNoKey.status]).toEqual([422, 422]);
    const [otherText, changedText] = [await other.text(), await sameNoKey.text()];
    expect(otherText).toBe(changedText);
    expect(otherText).not.toMatch(/practice|L81001/i);
    expect((JSON.parse(otherText) as Outcome).issue[0]?.diagnostics).toMatch(/id is already taken/);
    const [row] = await queue.db.query<{ referral: { whatMatters?: string }; ods_code: string }>(
      'SELECT referral, ods_code FROM referral WHERE id = $1',
      [id],
    );
    expect(row).toMatchObject({ ods_code: 'L81001', referral: { whatMatters: first.whatMatters } });
    // The same referral again without a key is still the conditional create that finds it.
    expect((await postBundle(queue, bundleBody(first), { key: null })).status).toBe(200);
  });

  it('sends nosniff and HSTS on every response: FHIR, errors, redirects, pages, the stylesheet, a 304 and a preflight', async () => {
    const id = 'ba5e1d00-0000-4000-8000-000000000002';
    await send(queue, referralSchema.parse({ ...richReferral, id }));
    const cookie = cookieOf(await signIn(queue));
    const responses = [
      await fetch(`${queue.url}/fhir/metadata`),
      await readTask(queue, id, queue.tokens.L81001),
      await readTask(queue, id, 'spq_unknown'),
      await fetch(`${queue.url}/fhir/Task/${id}`, {
        headers: { Authorization: `Bearer ${queue.tokens.L81001}`, 'If-None-Match': 'W/"1"' },
      }),
      await fetch(`${queue.url}/fhir/Nothing`, { headers: { Authorization: `Bearer ${queue.tokens.L81001}` } }),
      await fetch(`${queue.url}/fhir`, {
        method: 'OPTIONS',
        headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST' },
      }),
      await fetch(`${queue.url}/`, { redirect: 'manual' }),
      await fetch(`${queue.url}/inbox/login`),
      await fetch(`${queue.url}/inbox/inbox.css`),
      await fetch(`${queue.url}/inbox/referrals/${id}`, { headers: { Cookie: cookie } }),
      await fetch(`${queue.url}/nowhere`),
    ];
    expect(responses.map((response) => response.status)).toEqual([
      200, 200, 401, 304, 404, 204, 302, 200, 200, 200, 404,
    ]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });

  it('never answers FHIR JSON with an empty array, object or string', async () => {
    const id = 'ba5e1d00-0000-4000-8000-000000000003';
    const created = await send(queue, referralSchema.parse({ ...richReferral, id }));
    const search = (query: string) =>
      fetch(`${queue.url}/fhir/Task?${query}`, { headers: { Authorization: `Bearer ${queue.tokens.L81001}` } });
    const documents: [string, unknown][] = [
      ['metadata', await (await fetch(`${queue.url}/fhir/metadata`)).json()],
      ['transaction-response', await created.json()],
      ['Task', await (await readTask(queue, id, queue.tokens.L81001)).json()],
      ['searchset with a match', await (await search(`focus=ServiceRequest/${id}`)).json()],
      ['searchset without', await (await search('focus=ServiceRequest/00000000-0000-4000-8000-000000000000')).json()],
      ['OperationOutcome', await (await readTask(queue, id, 'spq_unknown')).json()],
      ...Object.entries(referrals).map(([name, referral]): [string, unknown] => [name, referralToBundle(referral)]),
    ];
    for (const [name, document] of documents)
      expect({ name, empty: emptyParts(document) }).toEqual({ name, empty: [] });
    const none = documents[4]?.[1] as fhir4.Bundle;
    expect(none.total).toBe(0);
  });
});
