import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Referral, referralReference, referralSchema } from '../../domain/referral';
import { minimalReferral, richReferral } from '../../test-support/fixtures/referrals';
import { storeManyReferrals } from '../../test-support/queue/many-referrals';
import { type PostgresServer, startPostgres } from '../../test-support/queue/postgres-server';
import { cookieOf, type Queue, send, signIn, startQueue } from '../../test-support/queue/queue';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

type Listed = { ids: string[]; text: string; next?: string };

/** One page of the inbox as a browser gets it: the rows' referral ids in order, the page's text, its Next page link. */
async function list(queue: Queue, cookie: string, path: string): Promise<Listed> {
  const response = await fetch(`${queue.url}${path}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const next = /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  return {
    ids: [...html.matchAll(/data-referral="([^"]+)"/g)].map((match) => match[1] as string),
    text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    ...(next ? { next } : {}),
  };
}

/** Every page from `path` on, following Next page: each page's ids, in order. */
async function walk(queue: Queue, cookie: string, path: string): Promise<string[][]> {
  const pages: string[][] = [];
  let at: string | undefined = path;
  while (at) {
    const page = await list(queue, cookie, at);
    pages.push(page.ids);
    at = page.next;
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

/** The GP practice's L81001 referral just sent, under `id`, with or without a safety flag. */
function sent(id: string, flagged: boolean): Referral {
  // Version 2 of "open" is the one agreed with L81001 in the tests' seeded services (test-support/queue/services.ts).
  const unflagged = {
    ...minimalReferral,
    referrer: richReferral.referrer,
    verdict: { ...minimalReferral.verdict, modelVersion: 2 },
  };
  const base = flagged ? richReferral : unflagged;
  return referralSchema.parse({ ...base, id, createdAt: new Date().toISOString() });
}

describe.each(['embedded database (PGlite)', 'PostgreSQL server'])('the inbox with 510 referrals on the %s', (kind) => {
  let queue: Queue;
  let cookie: string;
  const newest = sent('fe000000-0000-4000-8000-000000000510', false);
  const newestFlagged = sent('fd000000-0000-4000-8000-000000000511', true);
  beforeAll(async () => {
    queue = await startQueue(kind.startsWith('embedded') ? 'pglite' : { postgres });
    // 509 referrals received in the minutes before now, every one still new (needing a decision), one in ten flagged.
    await storeManyReferrals(queue.db, 509, { odsCode: 'L81001', newEvery: 1 });
    expect((await send(queue, newest)).status).toBe(200);
    cookie = cookieOf(await signIn(queue));
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('shows what needs a decision by default, counted, paged so that walking every page visits all 510 exactly once', async () => {
    const first = await list(queue, cookie, '/inbox');
    expect(first.text).toContain('More than 100 referrals need a decision');
    expect(first.ids).toHaveLength(50);
    const pages = await walk(queue, cookie, '/inbox');
    const all = pages.flat();
    expect(pages).toHaveLength(11);
    expect(all).toHaveLength(510);
    expect(new Set(all).size).toBe(510);
    // The newest, unflagged, waits its turn at the end: oldest first, so nobody waits longest by accident.
    expect(all.at(-1)).toBe(newest.id);
  });

  it('puts the newest safety-flagged referral first on the first page, then the other flagged ones newest first', async () => {
    expect((await send(queue, newestFlagged)).status).toBe(200);
    const first = await list(queue, cookie, '/inbox');
    expect(first.text).toContain('More than 100 referrals need a decision');
    expect(first.ids[0]).toBe(newestFlagged.id);
    const rows = await queue.db.query<{ id: string; flagged: boolean; received_at: Date }>(
      `SELECT id, cardinality(safety_flags) > 0 AS flagged, received_at FROM referral WHERE status = 'requested'`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const order = (await walk(queue, cookie, '/inbox')).flat().map((id) => byId.get(id));
    const flagged = order.filter((row) => row?.flagged);
    expect(order.slice(0, flagged.length)).toEqual(flagged);
    const times = (part: typeof order) => part.map((row) => new Date(row?.received_at ?? 0).getTime());
    expect(times(flagged)).toEqual(times(flagged).toSorted((a, b) => b - a));
    const rest = order.slice(flagged.length);
    expect(times(rest)).toEqual(times(rest).toSorted((a, b) => a - b));
  });

  it('finds the newest by the reference the GP’s pad shows, and by NHS number, in any status', async () => {
    const reference = referralReference(newest.id);
    expect(reference).toBe('SP-FE00-0000');
    const byReference = await list(queue, cookie, `/inbox?q=${encodeURIComponent(reference.toLowerCase())}`);
    expect(byReference.ids).toEqual([newest.id]);
    expect(byReference.text).toContain('1 referral matches');
    const byNhsNumber = await list(queue, cookie, '/inbox?q=943+476+5927');
    expect(byNhsNumber.ids).toEqual([newest.id]);
    const nonsense = await list(queue, cookie, '/inbox?q=12345');
    expect(nonsense.ids).toEqual([]);
    expect(nonsense.text).toContain('Search by a referral’s reference (for example SP-1A2B-3C4D), an NHS number');
  });

  it('filters by status, practice and the day received, and pages every status', async () => {
    await queue.db.query(`UPDATE referral SET status = 'accepted' WHERE id = $1`, [newest.id]);
    expect((await list(queue, cookie, '/inbox?status=accepted')).ids).toEqual([newest.id]);
    expect((await list(queue, cookie, '/inbox')).text).toContain('More than 100 referrals need a decision');
    const any = (await walk(queue, cookie, '/inbox?status=any')).flat();
    expect(new Set(any).size).toBe(511);
    expect((await list(queue, cookie, '/inbox?practice=Y02345')).ids).toEqual([]);
    const tomorrow = new Date(Date.now() + 36 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect((await list(queue, cookie, `/inbox?status=any&from=${tomorrow}`)).ids).toEqual([]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect((await list(queue, cookie, `/inbox?status=accepted&from=${today}&to=${today}`)).ids).toEqual([newest.id]);
    // As the form sends it: each date in its day, month and year boxes.
    const [year, month, day] = today.split('-').map(Number);
    const boxes = `from-day=${day}&from-month=${month}&from-year=${year}&to-day=${day}&to-month=${month}&to-year=${year}`;
    const typed = await list(queue, cookie, `/inbox?status=accepted&${boxes}`);
    expect(typed.ids).toEqual([newest.id]);
    expect(typed.text).not.toContain('must');
    const wrong = await list(queue, cookie, '/inbox?status=accepted&from-day=31&from-month=6&from-year=2026');
    expect(wrong.text).toContain('Error: Received from must be a real date');
  });
});
