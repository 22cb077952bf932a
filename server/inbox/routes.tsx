import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { ukDate } from '../../domain/clock/uk-date';
import { applyDecision, decisionSchema, LINK_WORKER_STATUSES } from '../../domain/fhir';
import { isNeedCode } from '../../domain/referral';
import { checkDecoy, passwordMatches } from '../auth/passwords';
import {
  COOKIE_PATH,
  type InboxVariables,
  requireSession,
  SESSION_COOKIE,
  sameOriginPosts,
  secureCookies,
} from '../auth/session';
import type { Service } from '../context';
import { endSession, linkWorkerCredentials, signInFailed, signInSucceeded, startSession } from '../store/link-workers';
import { listPractices } from '../store/practices';
import { type InboxFilter, listReferrals, recordDecision, referralDetail } from '../store/referrals';
import type { DecisionForm } from './decision-form';
import { DetailPage } from './detail-page';
import { ListPage } from './list-page';
import { LoginPage } from './login-page';

/** One stylesheet (the page's CSP allows only ours): the NHS tokens and primitives the extension shares, then the inbox's. */
const CSS = ['../../ui/nhs-base.css', './inbox.css']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pages with patient details: nothing cached, nothing framed, no script at all, only our stylesheet. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** Rendered by Preact, so every value from a referral is escaped as text. */
function html(vnode: VNode, status: 200 | 400 | 401 | 404 | 409 | 429 = 200): Response {
  return new Response(`<!doctype html>${render(vnode)}`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...PAGE_HEADERS },
  });
}

function field(form: Record<string, unknown>, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Signs a link worker in: a session cookie, or the sign-in page again saying why not (a locked account waits). */
async function signIn(c: Context, service: Service): Promise<Response> {
  const form = await c.req.parseBody();
  const username = field(form, 'username') ?? '';
  const password = typeof form.password === 'string' ? form.password : '';
  const account = username ? await linkWorkerCredentials(service.db, username) : undefined;
  const now = service.now();
  if (account?.lockedUntil && account.lockedUntil > now) return html(<LoginPage username={username} locked />, 429);
  if (!account) {
    await checkDecoy(password);
    return html(<LoginPage username={username} failed />, 401);
  }
  if (!(await passwordMatches(account.passwordHash, password))) {
    await signInFailed(service.db, account.username, now);
    return html(<LoginPage username={username} failed />, 401);
  }
  await signInSucceeded(service.db, account.username);
  const session = await startSession(service.db, account.username, service.now(), service.sessionLifetimeMs);
  setCookie(c, SESSION_COOKIE, session.id, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookies(c),
    maxAge: Math.floor(service.sessionLifetimeMs / 1000),
  });
  return c.redirect('/inbox', 303);
}

/** Records the link worker's decision on a referral, or shows the page again with what stopped it. */
async function decide(c: Context<InboxVariables>, service: Service): Promise<Response> {
  const id = (c.req.param('id') ?? '').toLowerCase();
  const session = c.get('session');
  const form = await c.req.parseBody();
  if (form.csrf !== session.csrfToken) return c.text('This form is out of date: reload the page.', 403);
  const current = UUID.test(id) ? await referralDetail(service.db, id) : undefined;
  if (!current) return c.text('No such referral.', 404);
  const entered: DecisionForm = {
    ...(field(form, 'status') ? { status: field(form, 'status') } : {}),
    ...(field(form, 'reason') ? { reason: field(form, 'reason') } : {}),
    ...(field(form, 'note') ? { note: field(form, 'note') } : {}),
    ...(field(form, 'redirectTo') ? { redirectTo: field(form, 'redirectTo') } : {}),
  };
  const now = service.now();
  const at = now.toISOString();
  const today = ukDate(now);
  const parsed = decisionSchema.safeParse({ ...entered, by: session.linkWorker.displayName, at });
  const page = (problems: { field?: string; message: string }[], status: 400 | 409) =>
    html(<DetailPage session={session} referral={current} today={today} problems={problems} form={entered} />, status);
  if (!parsed.success || parsed.data.status === 'requested' || parsed.data.status === 'cancelled')
    return page(
      parsed.success
        ? [{ field: 'status', message: 'Choose a decision.' }]
        : parsed.error.issues.map((issue) => ({
            field: String(issue.path[0] ?? 'status'),
            message: issue.path[0] === 'status' ? 'Choose a decision.' : issue.message,
          })),
      400,
    );
  const decision = parsed.data;
  const seenVersion = Number(form.version);
  const result = await recordDecision(service.db, {
    id,
    seenVersion,
    decision,
    by: session.linkWorker,
    apply: (task) => ({
      ...applyDecision(task, decision),
      meta: { versionId: String(seenVersion + 1), lastUpdated: at },
    }),
  });
  if (result.kind === 'decided') return c.redirect(`/inbox/referrals/${id}?saved`, 303);
  if (result.kind === 'not-found') return c.text('No such referral.', 404);
  const fresh = (await referralDetail(service.db, id)) ?? current;
  return html(
    <DetailPage
      session={session}
      referral={fresh}
      today={today}
      problems={[
        {
          message:
            result.kind === 'stale'
              ? 'Someone else recorded a decision on this referral while you had it open. Check it below, then decide again.'
              : 'This referral already has a final decision; nothing was changed.',
        },
      ]}
      form={entered}
    />,
    409,
  );
}

/** The link worker's inbox: sign in, the referrals oldest first, one referral, a decision. */
export function inboxRoutes(service: Service) {
  const inbox = new Hono<InboxVariables>();
  inbox.use('*', sameOriginPosts());
  inbox.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The form is too large.', 413) }));

  inbox.get('/inbox.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  inbox.get('/login', (c) => html(<LoginPage ended={c.req.query('ended') !== undefined} />));

  inbox.post('/login', (c) => signIn(c, service));

  inbox.use('*', requireSession(service));

  inbox.post('/logout', async (c) => {
    const form = await c.req.parseBody();
    if (form.csrf !== c.get('session').csrfToken) return c.text('This form is out of date: reload the page.', 403);
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await endSession(service.db, id);
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/inbox/login', 303);
  });

  inbox.get('/', async (c) => {
    const query = c.req.query();
    const filter: InboxFilter = {
      ...((LINK_WORKER_STATUSES as readonly string[]).includes(query.status ?? '')
        ? { status: query.status as InboxFilter['status'] }
        : {}),
      ...(query.practice ? { odsCode: query.practice } : {}),
      ...(query.need && isNeedCode(query.need) ? { need: query.need } : {}),
    };
    const [referrals, practices] = await Promise.all([listReferrals(service.db, filter), listPractices(service.db)]);
    return html(<ListPage session={c.get('session')} referrals={referrals} filter={filter} practices={practices} />);
  });

  inbox.get('/referrals/:id', async (c) => {
    const id = c.req.param('id');
    const referral = UUID.test(id) ? await referralDetail(service.db, id.toLowerCase()) : undefined;
    if (!referral) return c.text('No such referral.', 404);
    return html(
      <DetailPage
        session={c.get('session')}
        referral={referral}
        today={ukDate(service.now())}
        saved={c.req.query('saved') !== undefined}
      />,
    );
  });

  inbox.post('/referrals/:id/decision', (c) => decide(c, service));

  return inbox;
}
