import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukTime } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { type Referral, referralSchema } from '../../domain/referral';
import { addLinkWorker } from '../../server/store/link-workers';
import { CHROMIUM, screenshotForDocs } from '../../test-support/browser/harness';
import { seriousViolations } from '../../test-support/browser/pad-browser';
import { minimalReferral, richReferral } from '../../test-support/fixtures/referrals';
import { cookieOf, csrfFrom, send, signIn } from '../../test-support/queue/queue';
import { queueForTests } from '../../test-support/queue/queue-for-tests';

const SERVICE = 'kingsmead-connect';
const PASSWORD = 'a link worker’s long password';
const LEAD = { username: 'sam', displayName: 'Sam Lee' };
const CONNIE = { username: 'connie', displayName: 'Connie Ward' };
const KIT = { username: 'kit', displayName: 'Kit Owen' };
const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };

/** A referral from Riverside Surgery (L81001) to Kingsmead Connect under the version agreed with it. */
function toKingsmead(base: Referral, id: string, given: string): Referral {
  return referralSchema.parse({
    ...base,
    id,
    serviceId: SERVICE,
    createdAt: new Date().toISOString(),
    patient: { ...base.patient, given },
    referrer: richReferral.referrer,
    verdict: { ...base.verdict, modelId: 'kingsmead-connect-55', modelVersion: 2 },
  });
}

const flagged = toKingsmead(richReferral, 'c1000000-0000-4000-8000-000000000001', 'Margaret');
const plain = toKingsmead(minimalReferral, 'c2000000-0000-4000-8000-000000000002', 'Jo');
const another = toKingsmead(minimalReferral, 'c3000000-0000-4000-8000-000000000003', 'Ann');

const queue = queueForTests();
const cookies: Record<string, string> = {};

beforeAll(async () => {
  for (const [account, role] of [
    [LEAD, 'service-lead'],
    [CONNIE, 'link-worker'],
    [KIT, 'link-worker'],
  ] as const)
    await addLinkWorker(queue.db, { ...account, password: PASSWORD, serviceId: SERVICE, role });
  for (const referral of [flagged, plain, another]) expect((await send(queue, referral)).status).toBe(200);
  for (const { username } of [LEAD, CONNIE, KIT]) cookies[username] = cookieOf(await signIn(queue, PASSWORD, username));
});

function get(who: string, path: string) {
  return fetch(`${queue.url}${path}`, { redirect: 'manual', headers: { Cookie: cookies[who] ?? '' } });
}

async function text(who: string, path: string): Promise<string> {
  const response = await get(who, path);
  expect(response.status, path).toBe(200);
  return response.text();
}

async function post(who: string, path: string, form: Record<string, string | string[]>, csrf?: string) {
  const body = new URLSearchParams();
  body.set('csrf', csrf ?? (await csrfFrom(queue, cookies[who] ?? '')));
  for (const [name, value] of Object.entries(form))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  return fetch(`${queue.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookies[who] ?? '', ...SAME_ORIGIN },
    body,
  });
}

/** Text as the browser shows it: tags dropped, entities read, spaces collapsed. */
function words(page: string): string {
  return page
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

/** The error summary's items: each message and the control it links to. */
function summary(page: string): { target: string; message: string }[] {
  const box = /<div class="nhsuk-error-summary"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';
  return [...box.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(([, target, message]) => ({
    target: target ?? '',
    message: words(message ?? '').trim(),
  }));
}

/** The tabs as the link worker reads them: "New 3", "Mine 0", … */
function tabs(page: string): string[] {
  const nav = /<nav class="tabs"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
  return [...nav.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map(([, inner]) => words(inner ?? '').trim());
}

function listed(page: string): string[] {
  return [...page.matchAll(/data-referral="([^"]+)"/g)].map((match) => match[1] as string);
}

async function events(referralId: string): Promise<number> {
  const [row] = await queue.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM case_event WHERE referral_id = $1',
    [referralId],
  );
  return row?.n ?? -1;
}

/** Now, as the attempt form's date boxes and time field hold it (to the minute: maybe the minute the referral came). */
function now() {
  const at = Date.now();
  const [year, month, day] = ukDate(at).split('-');
  return {
    'attempt-when-day': String(Number(day)),
    'attempt-when-month': String(Number(month)),
    'attempt-when-year': year as string,
    'attempt-time': ukTime(at),
  };
}

/** A UK day `days` from today, as a date input's boxes named `name`. */
function dayBoxes(name: string, days: number): Record<string, string> {
  const [year, month, day] = ukDate(Date.now() + days * 86_400_000).split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year as string,
  };
}

describe('the caseload list', () => {
  it('shows the six views as tabs with counts, New by default, safety-flagged first', async () => {
    const page = await text('connie', '/inbox');
    expect(tabs(page)).toEqual(['New 3', 'Mine 0', 'Unassigned 3', 'Overdue 0', 'Waiting list 0', 'Closed 0']);
    expect(words(page)).toContain('3 referrals need a decision');
    expect(listed(page)[0]).toBe(flagged.id);
    expect(page).toMatch(/<a href="\/inbox\?view=new" aria-current="page"/);
  });

  it('assigns to me in one press, back to the same list: the referral moves from Unassigned to Mine', async () => {
    const response = await post('connie', `/inbox/referrals/${plain.id}/assign`, {
      to: 'me',
      back: '/inbox?view=unassigned&need=digital-skills',
    });
    expect([response.status, response.headers.get('location')]).toEqual([
      303,
      '/inbox?view=unassigned&need=digital-skills',
    ]);
    const unassigned = await text('connie', '/inbox?view=unassigned');
    expect(listed(unassigned)).not.toContain(plain.id);
    const mine = await text('connie', '/inbox?view=mine');
    expect(listed(mine)).toEqual([plain.id]);
    expect(words(mine)).toContain('Connie Ward');
    expect(tabs(mine)).toContain('Mine 1');
    // Only back to the inbox's own pages.
    for (const back of [
      'https://example.org/',
      '//example.org/inbox',
      '/inbox?x=1\r\nSet-Cookie: a=b',
      '/inbox/../fhir',
    ]) {
      const elsewhere = await post('kit', `/inbox/referrals/${another.id}/assign`, { to: 'me', back });
      expect(elsewhere.headers.get('location'), back).toBe(`/inbox/referrals/${another.id}?saved=assign`);
      expect((await post('kit', `/inbox/referrals/${another.id}/assign`, { to: '' })).status).toBe(303);
    }
    // Kit's Mine is Kit's own.
    expect(listed(await text('kit', '/inbox?view=mine'))).toEqual([]);
  });

  it('keeps the filters across tabs and finds a referral in every view by its reference', async () => {
    const page = await text('connie', '/inbox?view=unassigned&need=loneliness');
    expect(listed(page)).toEqual([flagged.id]);
    expect(page).toContain('href="/inbox?need=loneliness&amp;view=mine"');
    const found = await text('connie', '/inbox?q=SP-C200-0000');
    expect(listed(found)).toEqual([plain.id]);
    expect(words(found)).toContain('1 referral matches');
    // By name: the family name, or given and family, in any case, either apostrophe.
    for (const name of ['o’neill-smith', "MARGARET O'Neill-Smith", '  Margaret   O’Neill-Smith '])
      expect(listed(await text('connie', `/inbox?q=${encodeURIComponent(name)}`)), name).toEqual([flagged.id]);
    expect(listed(await text('connie', '/inbox?q=Bloggs'))).toEqual([plain.id, another.id]);
    expect(listed(await text('connie', '/inbox?q=Margaret'))).toEqual([]);
  });

  it('sends an assignment posted from another site, or with another session’s token, nowhere', async () => {
    const before = await events(another.id);
    const wrongToken = await post('kit', `/inbox/referrals/${another.id}/assign`, { to: 'me' }, 'not-the-token');
    expect(wrongToken.status).toBe(403);
    const connieToken = await csrfFrom(queue, cookies.connie ?? '');
    expect((await post('kit', `/inbox/referrals/${another.id}/assign`, { to: 'me' }, connieToken)).status).toBe(403);
    const crossSite = await fetch(`${queue.url}/inbox/referrals/${another.id}/assign`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookies.kit ?? '', 'Sec-Fetch-Site': 'cross-site' },
      body: new URLSearchParams({ csrf: await csrfFrom(queue, cookies.kit ?? ''), to: 'me' }),
    });
    expect(crossSite.status).toBe(403);
    expect(await events(another.id)).toBe(before);
  });

  it('refuses a plain link worker giving a referral to someone else, saying why', async () => {
    const response = await post('kit', `/inbox/referrals/${another.id}/assign`, { to: 'connie' });
    expect(response.status).toBe(409);
    expect(words(await response.text())).toContain('There is a problem');
    expect(listed(await text('connie', '/inbox?view=mine'))).not.toContain(another.id);
  });
});

describe('working a case on its detail page', () => {
  const path = `/inbox/referrals/${plain.id}`;

  it('records two attempts, a note, the next action and the waiting list, each on the timeline', async () => {
    const before = await events(plain.id);
    for (const outcome of ['no-answer', 'message-left'])
      expect(
        (
          await post('connie', `${path}/attempt`, {
            ...now(),
            'attempt-how': 'phone',
            'attempt-outcome': outcome,
          })
        ).status,
      ).toBe(303);
    const note = await post('connie', `${path}/note`, { 'note-text': 'Her daughter says mornings are best.' });
    expect([note.status, note.headers.get('location')]).toEqual([303, `${path}?saved=note#timeline-heading`]);
    expect(
      (await post('connie', `${path}/next-action`, { 'next-text': 'Phone again', ...dayBoxes('next-due', 2) })).status,
    ).toBe(303);
    expect((await post('connie', `${path}/waiting-list`, dayBoxes('waiting-expected', 21))).status).toBe(303);
    const html = await text('connie', `${path}?saved=waiting-list`);
    const page = words(html);
    expect(page).toContain('Saved: on the waiting list.');
    expect(page).toContain('Her daughter says mornings are best.');
    expect(page).toContain('Phone again');
    expect(page).toContain('Contact attempts 2');
    expect(await events(plain.id)).toBe(before + 5);
    const timeline = [...html.matchAll(/<li data-timeline="\d+"><strong>([^<]+)<\/strong>/g)].map((m) =>
      words(m[1] ?? ''),
    );
    // Attempts are placed at the minute typed, so an assignment in that minute may come after them.
    expect(timeline.filter((title) => !title.startsWith('Assigned')).slice(-5)).toEqual([
      'Phoned — no answer',
      'Phoned — left a message',
      'Case note',
      'Next action',
      'On the waiting list',
    ]);
    expect(listed(await text('connie', '/inbox?view=waiting-list'))).toEqual([plain.id]);
  });

  it.each([
    [
      'an attempt with no outcome at 25:00',
      'attempt',
      {
        'attempt-time': '25:00',
        'attempt-how': 'phone',
        'attempt-when-day': '1',
        'attempt-when-month': '12',
        'attempt-when-year': '2026',
      },
      [
        { target: 'attempt-time', message: 'Enter the time as hours and minutes, for example 14:30.' },
        { target: 'attempt-outcome', message: 'Choose what happened.' },
      ],
    ],
    [
      'an attempt tomorrow',
      'attempt',
      { ...dayBoxes('attempt-when', 1), 'attempt-time': '09:00', 'attempt-how': 'phone', 'attempt-outcome': 'reached' },
      [{ target: 'attempt-time', message: 'The attempt’s time is later than now.' }],
    ],
    [
      'a note with a NUL in it',
      'note',
      { 'note-text': 'Phoned\u0000 her' },
      [
        {
          target: 'note-text',
          message:
            'The note holds a character that cannot be sent (U+0000: a control character, or half of a broken one). Delete it and type the text again.',
        },
      ],
    ],
    ['an empty note', 'note', { 'note-text': '  ' }, [{ target: 'note-text', message: 'Write the note.' }]],
    [
      'a next action on 31 February',
      'next-action',
      { 'next-text': 'Phone', 'next-due-day': '31', 'next-due-month': '2', 'next-due-year': '2027' },
      [{ target: 'next-due', message: 'Date the next action is due must be a real date' }],
    ],
    [
      'a waiting list date last week',
      'waiting-list',
      dayBoxes('waiting-expected', -7),
      [{ target: 'waiting-expected', message: 'The expected date is today or later.' }],
    ],
    [
      'closing as referred elsewhere without where, with an ONS4 answer of 11',
      'close',
      { 'close-reason': 'referred-elsewhere', 'close-measure': 'ons4', 'close-start-ons4-happiness': '11' },
      [
        {
          target: 'close-start-ons4-happiness',
          message: 'Answer with a whole number from 0 to 10, or leave it blank to skip it.',
        },
        { target: 'close-elsewhere', message: 'Say where the person was referred.' },
      ],
    ],
    ['closing with no reason', 'close', {}, [{ target: 'close-reason', message: 'Choose why the case is closing.' }]],
  ])('refuses %s where it was typed, and changes nothing', async (_, form, fields, expected) => {
    const before = await events(plain.id);
    const response = await post('connie', `${path}/${form}`, fields);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(summary(page)).toEqual(expected);
    for (const { target } of expected) expect(page).toContain(`id="${target}-error"`);
    expect(await events(plain.id)).toBe(before);
  });

  it('refuses a case form with another session’s token or none (403), and stores nothing', async () => {
    const before = await events(plain.id);
    const kitToken = await csrfFrom(queue, cookies.kit ?? '');
    expect((await post('connie', `${path}/note`, { 'note-text': 'Forged' }, kitToken)).status).toBe(403);
    expect((await post('connie', `${path}/note`, { 'note-text': 'Forged' }, '')).status).toBe(403);
    expect(await events(plain.id)).toBe(before);
  });

  it('closes the case with ONS4 scores at start and end, some skipped; then only the record remains', async () => {
    const response = await post('connie', `${path}/close`, {
      'close-reason': 'completed',
      'close-connected-1-kind': 'group',
      'close-connected-1-name': 'Kingswood choir',
      'close-needs': ['digital-skills'],
      'close-measure': 'ons4',
      'close-start-ons4-lifeSatisfaction': '3',
      'close-start-ons4-anxiety': '8',
      'close-end-ons4-lifeSatisfaction': '7',
      'close-end-ons4-anxiety': '4',
      'close-summary': 'Sings weekly with the choir.',
    });
    expect(response.status).toBe(303);
    const page = await text('connie', `${path}?saved=close`);
    expect(words(page)).toContain('Closed. The referrer is told the outcome.');
    expect(words(page)).toContain('Kingswood choir');
    // The summary says how it closed, and leaves out the next action and the waiting list set while it was open.
    const caseSummary = words(page.match(/<dl class="case-summary">[\s\S]*?<\/dl>/)?.[0] ?? '');
    expect(caseSummary).toMatch(/Closed Completed — by Connie Ward, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    expect(caseSummary).not.toContain('Next action');
    expect(caseSummary).not.toContain('Waiting list');
    expect(page).not.toContain(`action="${path}/note"`);
    expect((await post('connie', `${path}/note`, { 'note-text': 'One more thing' })).status).toBe(409);
    expect(listed(await text('connie', '/inbox?view=closed'))).toEqual([plain.id]);
  });
});

describe('the service lead’s pages', () => {
  it('refuse a plain link worker (403) and change nothing', async () => {
    for (const page of [
      '/inbox/service/link-workers',
      '/inbox/service/response-rule',
      '/inbox/service/audit?actor=kit',
    ])
      expect((await get('kit', page)).status).toBe(403);
    expect(
      (await post('kit', '/inbox/service/link-workers', { username: 'mallory', displayName: 'Mallory' })).status,
    ).toBe(403);
    expect((await post('kit', '/inbox/service/link-workers/connie/disable', {})).status).toBe(403);
    expect(await signIn(queue, PASSWORD, 'connie').then((r) => r.status)).toBe(303);
  });

  it('adds a link worker with a password shown once, which signs in; a bad username is refused where it was typed', async () => {
    const bad = await post('sam', '/inbox/service/link-workers', { username: 'Priya Shah!', displayName: '' });
    expect(bad.status).toBe(400);
    expect(summary(await bad.text())).toEqual([
      { target: 'displayName', message: 'Enter the link worker’s full name.' },
      { target: 'username', message: 'A username is 2 to 64 lower-case letters, digits, dots, dashes or underscores.' },
    ]);
    const taken = await post('sam', '/inbox/service/link-workers', { username: 'kit', displayName: 'Kit Two' });
    expect(summary(await taken.text())).toEqual([
      { target: 'username', message: 'That username is taken: choose another.' },
    ]);
    const added = await post('sam', '/inbox/service/link-workers', { username: 'priya', displayName: 'Priya Shah' });
    expect(added.status).toBe(200);
    const password = /<code class="password">([^<]+)<\/code>/.exec(await added.text())?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await signIn(queue, password, 'priya')).status).toBe(303);
    expect(await text('sam', '/inbox/service/link-workers')).not.toContain(password);
  });

  it('disables and enables a link worker; disabled, they cannot sign in; the audit says who did it', async () => {
    expect((await post('sam', '/inbox/service/link-workers/kit/disable', {})).status).toBe(303);
    expect((await signIn(queue, PASSWORD, 'kit')).status).toBe(403);
    expect((await get('kit', '/inbox')).status).toBe(303);
    expect((await post('sam', '/inbox/service/link-workers/kit/enable', {})).status).toBe(303);
    const again = await signIn(queue, PASSWORD, 'kit');
    expect(again.status).toBe(303);
    cookies.kit = cookieOf(again);
    expect((await post('sam', '/inbox/service/link-workers/rosa/disable', {})).status).toBe(404);
    expect((await post('sam', '/inbox/service/link-workers/sam/disable', {})).status).toBe(409);
    const trail = words(await text('sam', '/inbox/service/audit?actor=sam'));
    expect(trail).toContain('Disabled a link worker');
    expect(trail).toContain('Added a link worker');
  });

  it('sets the response rule; a rule out of range is refused at each field and nothing changes', async () => {
    const bad = await post('sam', '/inbox/service/response-rule', {
      firstContactWorkingDays: '0',
      decisionWorkingDays: 'ten',
      dueSoonWorkingDays: '2',
    });
    expect(bad.status).toBe(400);
    expect(summary(await bad.text()).map((item) => item.target)).toEqual([
      'decisionWorkingDays',
      'firstContactWorkingDays',
    ]);
    const good = await post('sam', '/inbox/service/response-rule', {
      firstContactWorkingDays: '3',
      decisionWorkingDays: '7',
      dueSoonWorkingDays: '1',
    });
    expect([good.status, good.headers.get('location')]).toEqual([303, '/inbox/service?saved=response-rule']);
    expect(words(await text('sam', '/inbox/service?saved=response-rule'))).toContain(
      'A decision within 7 working days; first contact within 3',
    );
  });

  it('reassigns a referral to another link worker of the service, and takes it off them', async () => {
    expect((await post('sam', `/inbox/referrals/${another.id}/assign`, { to: 'kit' })).status).toBe(303);
    expect(listed(await text('kit', '/inbox?view=mine'))).toEqual([another.id]);
    expect((await post('sam', `/inbox/referrals/${another.id}/assign`, { to: '' })).status).toBe(303);
    expect(listed(await text('kit', '/inbox?view=mine'))).toEqual([]);
  });
});

describe('past the service’s rule', () => {
  it('flags a referral with no decision as overdue in the list, and counts it under Overdue', async () => {
    queue.advance(30 * 86_400_000);
    // Sessions last hours, not a month: everyone signs in again.
    for (const { username } of [LEAD, CONNIE, KIT])
      cookies[username] = cookieOf(await signIn(queue, PASSWORD, username));
    const page = await text('connie', '/inbox');
    expect(words(page)).toMatch(/Decision overdue: was due \d+ \w{3} \d{4}/);
    expect(tabs(page)).toContain('Overdue 2');
  });
});

describe('each caseload page in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedInPage(who: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const [name, value] = (cookies[who] ?? '').split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: queue.url }]);
    return context.newPage();
  }

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const connie = await signedInPage('connie');
    const pages = [
      '/inbox',
      '/inbox?view=mine',
      '/inbox?view=closed',
      `/inbox/referrals/${flagged.id}`,
      `/inbox/referrals/${plain.id}`,
    ];
    for (const path of pages) {
      await connie.goto(`${queue.url}${path}`);
      expect({ path, violations: await seriousViolations(connie) }).toEqual({ path, violations: [] });
    }
    // A form refused: the error summary and the field's error.
    await connie.goto(`${queue.url}/inbox/referrals/${flagged.id}`);
    await connie.getByRole('button', { name: 'Add the note' }).click();
    await connie.getByRole('alert').getByRole('link', { name: 'Write the note.' }).waitFor();
    expect(await seriousViolations(connie)).toEqual([]);
    const sam = await signedInPage('sam');
    for (const path of [
      '/inbox/service/link-workers',
      '/inbox/service/response-rule',
      '/inbox/service/audit?actor=sam',
    ]) {
      await sam.goto(`${queue.url}${path}`);
      expect({ path, violations: await seriousViolations(sam) }).toEqual({ path, violations: [] });
    }
  });

  it('shows the caseload and a case at 1,366 × 768 (the README’s screenshots)', async () => {
    const connie = await signedInPage('connie');
    await connie.goto(`${queue.url}/inbox?view=unassigned`);
    await screenshotForDocs(connie, 'caseload-list.png');
    await connie.goto(`${queue.url}/inbox/referrals/${plain.id}`);
    await screenshotForDocs(connie, 'caseload-case.png');
  });
});
