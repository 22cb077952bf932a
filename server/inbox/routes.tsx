import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DEFAULT_RESPONSE_RULE } from '../../domain/caseload/response-rule';
import { nhsDateTime } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { applyDecision, decisionSchema } from '../../domain/fhir';
import { addressBuckets, clientAddress } from '../auth/address-limit';
import {
  COOKIE_PATH,
  type InboxVariables,
  requireSession,
  SESSION_COOKIE,
  sameOriginPosts,
  secureCookies,
} from '../auth/session';
import { signIn } from '../auth/sign-in';
import type { Service } from '../context';
import { audit, auditTrail } from '../store/audit';
import { type CaseDetail, caseloadCounts, caseloadPage, responseRuleOf } from '../store/caseload';
import { COUNT_UP_TO, inboxPage } from '../store/inbox';
import { endSession } from '../store/link-workers';
import { listPractices } from '../store/practices';
import { recordDecision } from '../store/referrals';
import { detailsRemovedAt } from '../store/retention';
import { AuditPage } from './audit-page';
import { CASE_FORMS } from './case/read-case-forms';
import { assignHandler, caseEventHandler, caseOf, detailPage, savedWords, viewed } from './case-handlers';
import type { DecisionForm } from './decision-form';
import { CSS, field, html } from './html';
import { STATUS_LABELS } from './labels';
import { ListPage } from './list-page';
import { readListRequest } from './list-query';
import { LoginPage } from './login-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type InboxContext = Context<InboxVariables>;

/** The link worker's inbox: sign in, the referrals that need a decision (paged, filtered, searched), one referral, a decision. */
export function inboxRoutes(service: Service) {
  const inbox = new Hono<InboxVariables>();
  inbox.use('*', sameOriginPosts());
  inbox.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The form is too large.', 413) }));

  inbox.get('/inbox.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  inbox.get('/login', (c) => html(<LoginPage ended={c.req.query('ended') !== undefined} />));
  inbox.post('/login', signInHandler(service));

  inbox.use('*', requireSession(service));
  inbox.use('*', reportsOnlyForCommissioners());

  inbox.post('/logout', signOutHandler(service));
  inbox.get('/', listHandler(service));
  inbox.get('/referrals/:id', referralHandler(service));
  inbox.post('/referrals/:id/decision', decisionHandler(service));
  inbox.post('/referrals/:id/assign', assignHandler(service));
  for (const form of [...CASE_FORMS, 'close'] as const)
    inbox.post(`/referrals/:id/${form}`, caseEventHandler(service, form));
  inbox.get('/audit', auditHandler(service));
  return inbox;
}

/** A commissioner reads reports and nothing else: no referral, no list, no audit. Signing out stays open to them. */
function reportsOnlyForCommissioners() {
  return createMiddleware<InboxVariables>(async (c, next) => {
    if (c.get('session').role !== 'commissioner' || c.req.path === `${COOKIE_PATH}/logout`) return next();
    if (c.req.method === 'GET' && c.req.path === COOKIE_PATH) return c.redirect(`${COOKIE_PATH}/reports`, 303);
    return c.text('A commissioner reads the service’s reports only: see /inbox/reports.', 403);
  });
}

/** Sign in: a few tries per address, then a wait; a session cookie and the inbox on success. */
function signInHandler(service: Service) {
  const signIns = addressBuckets(service.addressLimits.signIns, service.now);
  return async (c: InboxContext) => {
    const address = clientAddress(c);
    const wait = signIns.take(address);
    if (wait > 0) return html(<LoginPage tooMany />, 429, { 'Retry-After': String(wait) });
    const form = await c.req.parseBody();
    const username = field(form, 'username') ?? '';
    const password = typeof form.password === 'string' ? form.password : '';
    const result = await signIn(service, { username, password, address });
    if (result.kind === 'locked') return html(<LoginPage username={username} locked />, 429);
    if (result.kind === 'refused') return html(<LoginPage username={username} failed />, 401);
    if (result.kind === 'disabled') return html(<LoginPage username={username} disabled />, 403);
    setCookie(c, SESSION_COOKIE, result.session.id, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureCookies(c),
      maxAge: Math.floor(service.sessionLifetimeMs / 1000),
    });
    return c.redirect('/inbox', 303);
  };
}

function signOutHandler(service: Service) {
  return async (c: InboxContext) => {
    const form = await c.req.parseBody();
    if (form.csrf !== c.get('session').csrfToken) return c.text('This form is out of date: reload the page.', 403);
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await endSession(service.db, id);
    const actor = c.get('session').linkWorker.username;
    await audit(service.db, { at: service.now(), actor, action: 'signed-out', address: clientAddress(c) });
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/inbox/login', 303);
  };
}

/** A link worker of a service sees only its referrals; an account with none, the whole queue. */
function serviceOf(c: InboxContext): { serviceId?: string } {
  const { serviceId } = c.get('session');
  return serviceId ? { serviceId } : {};
}

/** The caseload: a view's page (or, for a search, every view's) with each view's count, filtered as asked. */
function listHandler(service: Service) {
  return async (c: InboxContext) => {
    const params = c.req.query();
    const request = readListRequest(params);
    const session = c.get('session');
    const today = ukDate(service.now());
    const who = { ...serviceOf(c), username: session.linkWorker.username, today };
    const nothing = { referrals: [], total: 0, countedUpTo: COUNT_UP_TO };
    const [page, counts, practices, rule] = await Promise.all([
      request.searchProblem
        ? nothing
        : request.view
          ? caseloadPage(service.db, { ...request.query, ...who, view: request.view })
          : inboxPage(service.db, { ...request.query, ...serviceOf(c) }),
      caseloadCounts(service.db, who),
      listPractices(service.db),
      session.serviceId ? responseRuleOf(service.db, session.serviceId) : DEFAULT_RESPONSE_RULE,
    ]);
    return html(
      <ListPage
        session={session}
        page={page}
        counts={counts}
        request={request}
        params={params}
        practices={practices}
        today={today}
        dueSoon={rule.dueSoonWorkingDays}
      />,
    );
  };
}

/** One referral, its viewing audited; or why it is not there (never was, or its details were removed). */
function referralHandler(service: Service) {
  return async (c: InboxContext) => {
    const id = (c.req.param('id') ?? '').toLowerCase();
    const detail = await caseOf(service, c);
    const removed =
      !detail && UUID.test(id) ? await detailsRemovedAt(service.db, id, c.get('session').serviceId) : undefined;
    if (removed)
      return c.text(
        `This referral was closed, and its details were removed on ${nhsDateTime(removed.toISOString())} (retention). Its trail is in the audit.`,
        404,
      );
    if (!detail) return c.text('No such referral.', 404);
    await viewed(service, c, detail.id);
    const saved = c.req.query('saved');
    const words = saved === '' ? `Saved: ${STATUS_LABELS[detail.status]}. The referrer is told.` : savedWords(saved);
    return detailPage(service, c, detail, words ? { saved: words } : {});
  };
}

/** A link worker's decision: checked, recorded against the version they saw, audited; or the page again saying why not. */
function decisionHandler(service: Service) {
  return async (c: InboxContext) => {
    const id = (c.req.param('id') ?? '').toLowerCase();
    const session = c.get('session');
    const form = await c.req.parseBody();
    if (form.csrf !== session.csrfToken) return c.text('This form is out of date: reload the page.', 403);
    const current = await caseOf(service, c);
    if (!current) return c.text('No such referral.', 404);
    const entered = enteredDecision(form);
    const at = service.now().toISOString();
    const page = (detail: CaseDetail, problems: Problem[], status: 400 | 409) =>
      detailPage(service, c, detail, { problems, form: entered }, status);
    const parsed = decisionSchema.safeParse({ ...entered, by: session.linkWorker.displayName, at });
    if (!parsed.success) return page(current, parsed.error.issues.map(decisionProblem), 400);
    const decision = parsed.data;
    if (decision.status === 'requested' || decision.status === 'cancelled')
      return page(current, [{ field: 'status', message: 'Choose a decision.' }], 400);
    const seenVersion = Number(form.version);
    const result = await recordDecision(service.db, {
      id,
      ...serviceOf(c),
      seenVersion,
      decision,
      by: session.linkWorker,
      apply: (task) => ({
        ...applyDecision(task, decision),
        meta: { versionId: String(seenVersion + 1), lastUpdated: at },
      }),
    });
    if (result.kind === 'not-found') return c.text('No such referral.', 404);
    if (result.kind !== 'decided') {
      const fresh = (await caseOf(service, c)) ?? current;
      return page(fresh, [{ message: result.kind === 'stale' ? DECIDED_MEANWHILE : ALREADY_FINAL }], 409);
    }
    const actor = session.linkWorker.username;
    const address = clientAddress(c);
    await audit(service.db, {
      at: new Date(at),
      actor,
      action: 'decided',
      referralId: id,
      detail: decision.status,
      address,
    });
    return c.redirect(`/inbox/referrals/${id}?saved`, 303);
  };
}

type Problem = { field?: string; message: string };

const DECIDED_MEANWHILE =
  'Someone else recorded a decision on this referral while you had it open. Check it below, then decide again.';
const ALREADY_FINAL = 'This referral already has a final decision; nothing was changed.';

/** What the link worker entered, blanks left out, to check and to show again. */
function enteredDecision(form: Record<string, unknown>): DecisionForm {
  return {
    ...(field(form, 'status') ? { status: field(form, 'status') } : {}),
    ...(field(form, 'reason') ? { reason: field(form, 'reason') } : {}),
    ...(field(form, 'note') ? { note: field(form, 'note') } : {}),
    ...(field(form, 'redirectTo') ? { redirectTo: field(form, 'redirectTo') } : {}),
  };
}

function decisionProblem(issue: { path: PropertyKey[]; message: string }): Problem {
  return {
    field: String(issue.path[0] ?? 'status'),
    message: issue.path[0] === 'status' ? 'Choose a decision.' : issue.message,
  };
}

/** The audit, for administrators: a page at a time, for one referral when asked. */
function auditHandler(service: Service) {
  return async (c: InboxContext) => {
    const session = c.get('session');
    if (!session.administrator) return c.text('Only an administrator may read the audit.', 403);
    const { before, referral } = c.req.query();
    const pageSize = 100;
    const rows = await auditTrail(service.db, {
      ...(before && /^\d{1,15}$/.test(before) ? { before: Number(before) } : {}),
      ...(referral && UUID.test(referral) ? { referralId: referral.toLowerCase() } : {}),
      limit: pageSize,
    });
    const query = referral && UUID.test(referral) ? `referral=${referral.toLowerCase()}` : '';
    return html(<AuditPage session={session} rows={rows} pageSize={pageSize} query={query} />);
  };
}
