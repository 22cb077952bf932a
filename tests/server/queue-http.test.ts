import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type fhir4, linkWorkerStatus, referralToBundle } from '../../domain/fhir';
import { referralSchema } from '../../domain/referral';
import { minimalReferral, overriddenReferral, richReferral } from '../../test-support/fixtures/referrals';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import {
  bundleBody,
  cookieOf,
  csrfFrom,
  decide,
  type Outcome,
  postBundle,
  type Queue,
  readTask,
  send,
  signIn,
  startQueue,
  storedReferrals,
} from '../../test-support/queue/queue';

/** The same referral from a practice with a token of its own (L81001), under a fresh id. */
function fresh(id: string) {
  return referralSchema.parse({ ...richReferral, id });
}

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

describe.each(['embedded database (PGlite)', 'PostgreSQL server'])('the queue service on the %s', (kind) => {
  let queue: Queue;
  beforeAll(async () => {
    queue = await startQueue(kind.startsWith('embedded') ? 'pglite' : { postgres }, { maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('says what it supports at /metadata, without a token', async () => {
    const response = await fetch(`${queue.url}/fhir/metadata`);
    expect(response.status).toBe(200);
    const statement = (await response.json()) as fhir4.CapabilityStatement;
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.rest?.[0]?.interaction).toEqual([{ code: 'transaction' }]);
    expect(statement.rest?.[0]?.resource?.find((r) => r.type === 'Task')?.interaction).toEqual([
      { code: 'read' },
      { code: 'search-type' },
    ]);
  });

  it('creates a referral: the response locates each resource, and the Task is there for the practice to read', async () => {
    const referral = fresh('11111111-1111-4111-8111-111111111111');
    const response = await send(queue, referral);
    expect(response.status).toBe(200);
    const result = (await response.json()) as fhir4.Bundle;
    expect(result.type).toBe('transaction-response');
    expect(result.entry?.map((entry) => entry.response?.status)).toEqual(['201 Created', '201 Created', '201 Created']);
    expect(result.entry?.[2]?.response?.location).toBe(`Task/${referral.id}/_history/1`);

    const task = (await (await readTask(queue, referral.id, queue.tokens.L81001)).json()) as fhir4.Task;
    expect(task.status).toBe('requested');
    expect(task.focus?.reference).toBe(`ServiceRequest/${referral.id}`);
    expect(linkWorkerStatus(task)).toMatchObject({ ok: true, status: { status: 'requested' } });
    // The status poll: unchanged since the last read costs a 304 and no body.
    const unchanged = await fetch(`${queue.url}/fhir/Task/${referral.id}`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}`, 'If-None-Match': 'W/"1"' },
    });
    expect(unchanged.status).toBe(304);

    const search = await fetch(`${queue.url}/fhir/Task?focus=ServiceRequest/${referral.id}`, {
      headers: { Authorization: `Bearer ${queue.tokens.L81001}` },
    });
    const searchset = (await search.json()) as fhir4.Bundle;
    expect(searchset.type).toBe('searchset');
    expect(searchset.entry?.map((entry) => (entry.resource as fhir4.Task).id)).toEqual([referral.id]);

    // What the link worker will see is what the referrer sent.
    const [row] = await queue.db.query<{ referral: unknown }>('SELECT referral FROM referral WHERE id = $1', [
      referral.id,
    ]);
    expect(referralSchema.parse(row?.referral)).toEqual(referral);
  });

  it('answers a repeat with the same key and body with the first response, and stores nothing twice', async () => {
    const referral = fresh('22222222-2222-4222-8222-222222222222');
    const first = await (await send(queue, referral)).text();
    const before = await storedReferrals(queue);
    const repeat = await send(queue, referral);
    expect(repeat.status).toBe(200);
    expect(await repeat.text()).toBe(first);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('keeps answering with the Task and the response a row stored before they were made from the row', async () => {
    const referral = fresh(randomUUID());
    const first = (await (await send(queue, referral)).json()) as fhir4.Bundle;
    const task = (await (await readTask(queue, referral.id, queue.tokens.L81001)).json()) as fhir4.Task;
    // A row as migration 003 left it: its Task and first response in columns of their own.
    const storedTask = { ...task, note: [{ text: 'stored before migration 004' }] };
    const storedResponse = { ...first, id: 'stored-before-004' };
    await queue.db.query('UPDATE referral SET task = $2, response = $3, patient_created = NULL WHERE id = $1', [
      referral.id,
      JSON.stringify(storedTask),
      JSON.stringify(storedResponse),
    ]);
    expect(await (await send(queue, referral)).json()).toEqual(storedResponse);
    expect(await (await readTask(queue, referral.id, queue.tokens.L81001)).json()).toEqual(storedTask);
  });

  it('refuses the same key with a different body (422), keeping the first referral as it was', async () => {
    const referral = fresh('33333333-3333-4333-8333-333333333333');
    await send(queue, referral);
    const changed = referralSchema.parse({ ...referral, whatMatters: 'Something else entirely.' });
    const response = await postBundle(queue, bundleBody(changed), { key: referral.id });
    expect(response.status).toBe(422);
    const outcome = (await response.json()) as Outcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.code).toBe('conflict');
    expect(outcome.issue[0]?.diagnostics).toMatch(/Idempotency-Key was already used with a different body/);
    const [row] = await queue.db.query<{ referral: { whatMatters: string } }>(
      'SELECT referral FROM referral WHERE id = $1',
      [referral.id],
    );
    expect(row?.referral.whatMatters).toBe(referral.whatMatters);
  });

  it('treats the same referral sent without a key as a conditional create that finds it (200 OK, nothing new)', async () => {
    const referral = fresh('44444444-4444-4444-8444-444444444444');
    await send(queue, referral);
    const before = await storedReferrals(queue);
    const response = await postBundle(queue, bundleBody(referral), { key: null });
    const result = (await response.json()) as fhir4.Bundle;
    expect(result.entry?.map((entry) => entry.response?.status)).toEqual(['200 OK', '200 OK', '200 OK']);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('finds the practice’s Patient already there for a second referral of the same person', async () => {
    const first = await (await send(queue, fresh('55555555-5555-4555-8555-555555555555'))).json();
    const second = (await (await send(queue, fresh('55555555-5555-4555-8555-555555555556'))).json()) as fhir4.Bundle;
    expect(second.entry?.[0]?.response?.status).toBe('200 OK');
    expect(second.entry?.[0]?.response?.location).toBe((first as fhir4.Bundle).entry?.[0]?.response?.location);
    expect(second.entry?.[1]?.response?.status).toBe('201 Created');
  });

  it('does not let one practice read another’s Task, find it by search, or send in its name', async () => {
    const referral = fresh('66666666-6666-4666-8666-666666666666');
    await send(queue, referral);
    const other = await readTask(queue, referral.id, queue.tokens.Y02345);
    expect(other.status).toBe(404);
    expect(((await other.json()) as Outcome).issue[0]?.code).toBe('not-found');
    const search = await fetch(`${queue.url}/fhir/Task?focus=ServiceRequest/${referral.id}`, {
      headers: { Authorization: `Bearer ${queue.tokens.Y02345}` },
    });
    expect(((await search.json()) as fhir4.Bundle).total).toBe(0);

    const before = await storedReferrals(queue);
    const impostor = await send(queue, fresh('66666666-6666-4666-8666-666666666667'), queue.tokens.Y02345);
    expect(impostor.status).toBe(403);
    expect(((await impostor.json()) as Outcome).issue[0]?.diagnostics).toMatch(/practice Y02345.*practice L81001/);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('refuses requests without a token, with an unknown, revoked or expired token, or with only a session cookie', async () => {
    const id = '77777777-7777-4777-8777-777777777777';
    const refused = async (response: Response) => {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const outcome = (await response.json()) as Outcome;
      expect(outcome.issue[0]?.code).toBe('login');
      return outcome.issue[0]?.diagnostics;
    };
    const before = await storedReferrals(queue);
    expect(await refused(await postBundle(queue, bundleBody(fresh(id)), { token: null }))).toMatch(/token is needed/);
    expect(await refused(await postBundle(queue, bundleBody(fresh(id)), { token: 'spq_not-a-real-token' }))).toMatch(
      /not known/,
    );
    const { issueToken, revokeToken } = await import('../../server/store/practices');
    const revoked = await issueToken(queue.db, 'L81001');
    await revokeToken(queue.db, revoked.id, new Date());
    await refused(await postBundle(queue, bundleBody(fresh(id)), { token: revoked.token }));
    const expired = await issueToken(queue.db, 'L81001', { expiresAt: new Date(Date.now() - 1000) });
    await refused(await readTask(queue, id, expired.token));

    const cookie = cookieOf(await signIn(queue));
    await refused(await fetch(`${queue.url}/fhir/Task/${id}`, { headers: { Cookie: cookie } }));
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('refuses oversized, non-JSON, wrongly typed and malformed bodies with a located OperationOutcome, storing nothing', async () => {
    const before = await storedReferrals(queue);
    const big = JSON.stringify({
      ...referralToBundle(fresh('88888888-8888-4888-8888-888888888888')),
      pad: 'x'.repeat(70_000),
    });
    const oversized = await postBundle(queue, big);
    expect(oversized.status).toBe(413);
    expect(((await oversized.json()) as Outcome).issue[0]?.code).toBe('too-long');

    // The same body streamed without a Content-Length (chunked) is counted as it arrives.
    const streamed = await fetch(`${queue.url}/fhir`, {
      method: 'POST',
      body: new Blob([big]).stream(),
      duplex: 'half',
      headers: { Authorization: `Bearer ${queue.tokens.L81001}`, 'Content-Type': 'application/fhir+json' },
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as Outcome).issue[0]?.code).toBe('too-long');

    const notJson = await postBundle(queue, '{"resourceType": "Bundle",');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Outcome).issue[0]?.diagnostics).toMatch(/^The body is not JSON/);

    const wrongType = await postBundle(queue, bundleBody(minimalReferral), { contentType: 'text/plain' });
    expect(wrongType.status).toBe(415);

    const bundle = referralToBundle(fresh('88888888-8888-4888-8888-888888888889'));
    const patient = bundle.entry?.[0]?.resource as fhir4.Patient;
    patient.identifier = [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765918' }];
    (bundle.entry?.[0]?.request as fhir4.BundleEntryRequest).ifNoneExist =
      'identifier=https://fhir.nhs.uk/Id/nhs-number|9434765918';
    const malformed = await postBundle(queue, JSON.stringify(bundle));
    expect(malformed.status).toBe(400);
    const outcome = (await malformed.json()) as Outcome;
    expect(outcome.issue.some((issue) => issue.expression?.[0]?.startsWith('entry[0].resource.identifier'))).toBe(true);
    expect(outcome.issue.some((issue) => /check digit/.test(issue.diagnostics ?? ''))).toBe(true);
    expect(JSON.stringify(outcome)).not.toMatch(/at .*\.ts:\d+/);
    expect(await storedReferrals(queue)).toBe(before);
  });

  it('stores one referral from 200 concurrent posts of it, and answers every post with the same result', async () => {
    const referral = fresh('99999999-9999-4999-8999-999999999999');
    const before = await storedReferrals(queue);
    const body = bundleBody(referral);
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => postBundle(queue, body, { key: referral.id })),
    );
    const texts = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200]));
    expect(new Set(texts).size).toBe(1);
    expect(await storedReferrals(queue)).toBe(before + 1);
  });

  it('stores one of two different bodies raced under one key, and refuses every copy of the other', async () => {
    const key = 'abababab-abab-4bab-8bab-abababababab';
    const first = bundleBody(fresh(key));
    const second = bundleBody(referralSchema.parse({ ...fresh(key), whatMatters: 'A different note.' }));
    const before = await storedReferrals(queue);
    const bodies = Array.from({ length: 40 }, (_, index) => (index % 2 ? second : first));
    const responses = await Promise.all(bodies.map((body) => postBundle(queue, body, { key })));
    expect(await storedReferrals(queue)).toBe(before + 1);
    const [row] = await queue.db.query<{ referral: { whatMatters: string } }>(
      'SELECT referral FROM referral WHERE id = $1',
      [key],
    );
    const winner = row?.referral.whatMatters === 'A different note.' ? second : first;
    bodies.forEach((body, index) => {
      expect(responses[index]?.status).toBe(body === winner ? 200 : 422);
    });
  });

  it('keeps the inbox to signed-in link workers: no session, a bearer token or a wrong password get nothing', async () => {
    const anonymous = await fetch(`${queue.url}/inbox`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/inbox/login');
    const bearer = await fetch(`${queue.url}/inbox`, {
      redirect: 'manual',
      headers: { Authorization: `Bearer ${queue.tokens.L81001}` },
    });
    expect(bearer.status).toBe(303);
    const wrong = await signIn(queue, 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('The username or password is wrong.');
  });

  it('makes an account wait after five wrong passwords in a row, even with the right one, until the lock ends', async () => {
    const { addLinkWorker } = await import('../../server/store/link-workers');
    const account = { username: `guessed-${kind.length}`, displayName: 'Guessed', password: 'the right password' };
    await addLinkWorker(queue.db, account);
    const attempt = (password: string) =>
      fetch(`${queue.url}/inbox/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
        body: new URLSearchParams({ username: account.username, password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt('a wrong guess')).status).toBe(401);
    const locked = await attempt(account.password);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many wrong passwords');
    queue.advance(15 * 60 * 1000 + 1000);
    try {
      expect((await attempt(account.password)).status).toBe(303);
    } finally {
      queue.advance(-(15 * 60 * 1000 + 1000));
    }
  });

  it('signs a link worker in with an HttpOnly, SameSite=Strict cookie and ends the session when it expires', async () => {
    const response = await signIn(queue);
    expect(response.status).toBe(303);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = cookieOf(response);
    const page = await fetch(`${queue.url}/inbox`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const csrf = await csrfFrom(queue, cookie);

    queue.advance(8 * 60 * 60 * 1000 + 1000);
    try {
      const later = await fetch(`${queue.url}/inbox`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(later.status).toBe(303);
      const post = await decide(queue, cookie, '11111111-1111-4111-8111-111111111111', {
        csrf,
        version: '1',
        status: 'accepted',
      });
      expect(post.status).toBe(401);
    } finally {
      queue.advance(-(8 * 60 * 60 * 1000 + 1000));
    }
  });

  it('records a decline with its reason, audited, and the practice reads it from the Task', async () => {
    const referral = referralSchema.parse({ ...overriddenReferral, id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' });
    await send(queue, referral, queue.tokens.M85001);
    const cookie = cookieOf(await signIn(queue));
    const csrf = await csrfFrom(queue, cookie, `/inbox/referrals/${referral.id}`);

    const noReason = await decide(queue, cookie, referral.id, { csrf, version: '1', status: 'declined' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Say why the referral is declined');

    const forged = await decide(queue, cookie, referral.id, { csrf: 'guess', version: '1', status: 'accepted' });
    expect(forged.status).toBe(403);
    const crossSite = await decide(
      queue,
      cookie,
      referral.id,
      { csrf, version: '1', status: 'accepted' },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);

    const reason = 'Needs the community mental health team first.';
    const declined = await decide(queue, cookie, referral.id, {
      csrf,
      version: '1',
      status: 'declined',
      reason,
      note: 'Phoned the surgery.',
    });
    expect(declined.status).toBe(303);

    const task = (await (await readTask(queue, referral.id, queue.tokens.M85001)).json()) as fhir4.Task;
    expect(task.status).toBe('rejected');
    expect(linkWorkerStatus(task)).toMatchObject({
      ok: true,
      status: { status: 'declined', reason, note: 'Phoned the surgery.' },
    });
    expect(task.meta?.versionId).toBe('2');

    const listed = async (query: string) =>
      (await (await fetch(`${queue.url}/inbox?${query}`, { headers: { Cookie: cookie } })).text()).includes(
        `data-referral="${referral.id}"`,
      );
    expect([await listed('status=declined'), await listed('status=requested')]).toEqual([true, false]);
    // Decided, it has left the default view (what needs a decision) for the others.
    expect(await listed('')).toBe(false);
    expect([await listed('status=any&practice=M85001'), await listed('status=any&practice=L81001')]).toEqual([
      true,
      false,
    ]);
    expect([await listed('status=any&need=work-learning'), await listed('status=any&need=housing')]).toEqual([
      true,
      false,
    ]);

    const stale = await decide(queue, cookie, referral.id, { csrf, version: '1', status: 'accepted' });
    expect(stale.status).toBe(409);
    const audit = await queue.db.query<{ status: string; reason: string; by_username: string }>(
      'SELECT status, reason, by_username FROM decision WHERE referral_id = $1',
      [referral.id],
    );
    expect(audit).toEqual([{ status: 'declined', reason, by_username: 'rosa' }]);
  });

  it('answers the extension’s CORS preflight for the FHIR routes, and only for extension origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${queue.url}/fhir`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });
    const allowed = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the extension read a delivery’s answer and its headers, and no other web page', async () => {
    const deliver = (origin: string) =>
      fetch(`${queue.url}/fhir`, {
        method: 'POST',
        body: bundleBody(fresh(randomUUID())),
        headers: {
          Origin: origin,
          Authorization: `Bearer ${queue.tokens.L81001}`,
          'Content-Type': 'application/fhir+json',
        },
      });
    const extension = await deliver('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.status).toBe(200);
    expect(extension.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(extension.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(extension.headers.get('vary')).toBe('Origin');
    const page = await deliver('https://evil.example');
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(page.headers.get('vary')).toBe('Origin');
  });
});
