import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralSchema } from '../../domain/referral';
import { addLinkWorker, disableLinkWorker } from '../../server/store/link-workers';
import { issueToken, revokeToken } from '../../server/store/practices';
import { richReferral } from '../../test-support/fixtures/referrals';
import {
  cookieOf,
  csrfFrom,
  decide,
  LINK_WORKER,
  type Queue,
  send,
  signIn,
  startQueue,
} from '../../test-support/queue/queue';

const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'an administrator password',
  administrator: true,
};
const REFERRAL = referralSchema.parse({ ...richReferral, id: 'a0d17000-0000-4000-8000-000000000001' });

/** The audit page's rows as an administrator's browser gets them: [action, who, referral link] per row, newest first. */
async function auditRows(queue: Queue, cookie: string, query = '') {
  const response = await fetch(`${queue.url}/inbox/audit${query}`, { headers: { Cookie: cookie } });
  const page = await response.text();
  const rows = [...page.matchAll(/<tr data-audit="([a-z-]+)"><td>[^<]*<\/td><td>([^<]*)<\/td>/g)];
  return { response, page, rows: rows.map((match) => [match[1], match[2]]) };
}

describe('the audit trail', () => {
  let queue: Queue;
  beforeAll(async () => {
    queue = await startQueue('pglite');
    await addLinkWorker(queue.db, ADMIN);
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('shows an administrator who signed in (and who failed), who opened which referral, decisions, token and account changes', async () => {
    await send(queue, REFERRAL);
    expect((await signIn(queue, 'not the password')).status).toBe(401);
    const cookie = cookieOf(await signIn(queue));
    const csrf = await csrfFrom(queue, cookie, `/inbox/referrals/${REFERRAL.id}`);
    expect((await decide(queue, cookie, REFERRAL.id, { csrf, version: '1', status: 'accepted' })).status).toBe(303);
    const token = await issueToken(queue.db, 'L81001', { label: 'new PC' });
    await revokeToken(queue.db, token.id, new Date());
    await addLinkWorker(queue.db, { username: 'sam', displayName: 'Sam', password: 'sam password 12' });
    await disableLinkWorker(queue.db, 'sam', new Date());

    const admin = cookieOf(await signIn(queue, ADMIN.password, ADMIN.username));
    const { response, page, rows } = await auditRows(queue, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script/i);
    expect(rows.slice(0, 9)).toEqual([
      ['signed-in', 'admin'],
      ['link-worker-disabled', 'command line'],
      ['link-worker-added', 'command line'],
      ['token-revoked', 'command line'],
      ['token-issued', 'command line'],
      ['decided', 'rosa'],
      ['viewed-referral', 'rosa'],
      ['signed-in', 'rosa'],
      ['sign-in-refused', 'rosa'],
    ]);
    expect(page).toContain(`token ${token.id} for L81001`);
    expect(page).not.toContain(token.token);

    // Who opened this referral, and what was decided on it, on their own.
    const forReferral = await auditRows(queue, admin, `?referral=${REFERRAL.id}`);
    expect(forReferral.rows).toEqual([
      ['decided', 'rosa'],
      ['viewed-referral', 'rosa'],
    ]);
  });

  it('is for administrators only, and the database refuses to change or remove a row of it', async () => {
    const cookie = cookieOf(await signIn(queue, LINK_WORKER.password));
    const refused = await fetch(`${queue.url}/inbox/audit`, { headers: { Cookie: cookie } });
    expect(refused.status).toBe(403);
    expect(await (await fetch(`${queue.url}/inbox`, { headers: { Cookie: cookie } })).text()).not.toContain(
      'href="/inbox/audit"',
    );
    const admin = cookieOf(await signIn(queue, ADMIN.password, ADMIN.username));
    expect(await (await fetch(`${queue.url}/inbox`, { headers: { Cookie: admin } })).text()).toContain(
      'href="/inbox/audit"',
    );

    await expect(queue.db.query("UPDATE audit_event SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(queue.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(queue.db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('pages back through older entries', async () => {
    for (let i = 0; i < 120; i++)
      await queue.db.query(
        "INSERT INTO audit_event (at, actor, action, referral_id) VALUES (now(), 'rosa', 'viewed-referral', $1)",
        [REFERRAL.id],
      );
    const admin = cookieOf(await signIn(queue, ADMIN.password, ADMIN.username));
    const first = await auditRows(queue, admin);
    expect(first.rows).toHaveLength(100);
    const older = /href="\/inbox\/audit\?before=(\d+)"/.exec(first.page)?.[1];
    expect(older).toBeDefined();
    const second = await auditRows(queue, admin, `?before=${older}`);
    const [all] = await queue.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(first.rows.length + second.rows.length).toBe(all?.n);
    expect(second.rows.at(-1)).toEqual(['token-issued', 'command line']);
    expect(second.page).not.toContain('before=');
  });
});
