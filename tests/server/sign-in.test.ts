import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkWorker, disableLinkWorker } from '../../server/store/link-workers';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import { cookieOf, type Queue, requestFrom, signIn, startQueue } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const NO_ADDRESS_LIMIT = { signIns: { perMinute: 0, burst: 0 }, refusedTokens: { perMinute: 0, burst: 0 } };

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

async function statusAndPage(response: Response, username: string) {
  return { status: response.status, page: (await response.text()).replaceAll(username, '<name>') };
}

describe.each(['embedded database (PGlite)', 'PostgreSQL server'])('signing in to the inbox on the %s', (kind) => {
  let queue: Queue;
  beforeAll(async () => {
    queue = await startQueue(kind.startsWith('embedded') ? 'pglite' : { postgres }, {
      addressLimits: NO_ADDRESS_LIMIT,
    });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('checks at most five passwords of 100 sent at once for one account (the right one 31st), and signs nobody in while it is locked', async () => {
    const account = { username: 'parallel', displayName: 'Parallel', password: 'the right password' };
    await addLinkWorker(queue.db, account);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        signIn(queue, index === 30 ? account.password : `wrong guess ${index}`, account.username),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const checked = statuses.filter((status) => status === 401 || status === 303).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - checked);
    const refused = await queue.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE actor = $1 AND action = 'sign-in-refused'",
      [account.username],
    );
    expect(refused[0]?.n).toBe(statuses.filter((status) => status === 401).length);
    // The right password was one of the five checked and signed in, or it was refused unchecked and still is.
    if (statuses[30] !== 303) expect((await signIn(queue, account.password, account.username)).status).toBe(429);
    queue.advance(15 * 60 * 1000 + 1000);
    try {
      expect((await signIn(queue, account.password, account.username)).status).toBe(303);
    } finally {
      queue.advance(-(15 * 60 * 1000 + 1000));
    }
  });

  it('answers an unknown username exactly as a real one: the same page for a wrong password, and locked after the same five', async () => {
    await addLinkWorker(queue.db, { username: 'realname', displayName: 'Real', password: 'a real password here' });
    const real: { status: number; page: string }[] = [];
    const unknown: { status: number; page: string }[] = [];
    for (let i = 0; i < 7; i++) {
      real.push(await statusAndPage(await signIn(queue, 'a wrong guess', 'realname'), 'realname'));
      unknown.push(await statusAndPage(await signIn(queue, 'a wrong guess', 'nosuchname'), 'nosuchname'));
    }
    expect(real.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(real);
    // The unknown name is audited without what was typed (it may be a password typed in the wrong box).
    const typed = await queue.db.query("SELECT 1 FROM audit_event WHERE actor = 'nosuchname' OR detail = 'nosuchname'");
    expect(typed).toEqual([]);
  });

  it('keeps a disabled link worker out: their open session ends, and the right password no longer signs them in', async () => {
    const account = { username: 'leaver', displayName: 'Leaver', password: 'leaver password 1' };
    await addLinkWorker(queue.db, account);
    const cookie = cookieOf(await signIn(queue, account.password, account.username));
    const inbox = () => fetch(`${queue.url}/inbox`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect((await inbox()).status).toBe(200);

    expect(await disableLinkWorker(queue.db, account.username, new Date())).toBe(true);
    expect((await inbox()).status).toBe(303);
    const again = await signIn(queue, account.password, account.username);
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('This account has been disabled');
    expect(await disableLinkWorker(queue.db, account.username, new Date())).toBe(false);
  });
});

describe('sign-ins from one address', () => {
  const queue = queueForTests({
    addressLimits: { signIns: { perMinute: 10, burst: 3 }, refusedTokens: { perMinute: 0, burst: 0 } },
  });

  it('wait once past the address’s limit (429, Retry-After), while another address signs in', async () => {
    const post = (from: string, password: string) =>
      requestFrom(from, `${queue.url}/inbox/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
        body: new URLSearchParams({ username: `someone-${password.length}`, password }).toString(),
      });
    for (let i = 0; i < 3; i++) expect((await post('127.0.0.3', `guess ${'x'.repeat(i)}`)).status).toBe(401);
    const limited = await post('127.0.0.3', 'one more guess');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('6');
    expect(limited.text).toContain('Too many sign-ins from this computer');

    const other = await requestFrom('127.0.0.4', `${queue.url}/inbox/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
      body: new URLSearchParams({ username: 'rosa', password: 'correct horse battery' }).toString(),
    });
    expect(other.status).toBe(303);

    queue.advance(6000);
    expect((await post('127.0.0.3', 'after the wait')).status).toBe(401);
  });
});
