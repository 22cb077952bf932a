import type { Context } from 'hono';
import { responseRuleSchema } from '../../domain/caseload/response-rule';
import { newPassword } from '../auth/passwords';
import type { Service } from '../context';
import { AuditPage } from '../inbox/audit-page';
import { html } from '../inbox/html';
import { auditTrail } from '../store/audit';
import { responseRuleOf, setResponseRule } from '../store/caseload';
import {
  addLinkWorker,
  disableLinkWorker,
  enableLinkWorker,
  linkWorkerCredentials,
  serviceLinkWorkers,
} from '../store/link-workers';
import type { LeadVariables } from './lead';
import { type AddLinkWorkerForm, LinkWorkersPage } from './link-workers-page';
import type { Problem } from './read-forms';
import { type ResponseRuleForm, ResponseRulePage } from './response-rule-page';

type LeadContext = Context<LeadVariables>;

const USERNAME = /^[a-z0-9._-]{2,64}$/;

function typed(form: Record<string, unknown>, name: string): string {
  return typeof form[name] === 'string' ? form[name].trim() : '';
}

type Shown = Omit<Parameters<typeof LinkWorkersPage>[0], 'session' | 'workers'>;

/** The link workers page with the service's accounts as they are now. */
async function workersPage(service: Service, c: LeadContext, shown: Shown = {}) {
  const workers = await serviceLinkWorkers(service.db, c.get('led').id);
  return <LinkWorkersPage session={c.get('session')} workers={workers} {...shown} />;
}

export function linkWorkersHandler(service: Service) {
  return async (c: LeadContext) => {
    const saved = c.req.query('saved');
    const words =
      saved === 'disabled'
        ? 'Disabled: their sessions have ended, and their open cases are back in Unassigned.'
        : saved === 'enabled'
          ? 'Enabled: they can sign in again.'
          : undefined;
    return html(await workersPage(service, c, words ? { saved: words } : {}));
  };
}

/** What is wrong with a new account's name and username, each at its field. */
async function addProblems(service: Service, form: AddLinkWorkerForm): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (form.displayName === '') problems.push({ field: 'displayName', message: 'Enter the link worker’s full name.' });
  else if (form.displayName.length > 200 || /\p{Cc}/u.test(form.displayName))
    problems.push({ field: 'displayName', message: 'The name is up to 200 characters, with no control characters.' });
  if (!USERNAME.test(form.username))
    problems.push({
      field: 'username',
      message: 'A username is 2 to 64 lower-case letters, digits, dots, dashes or underscores.',
    });
  else if (await linkWorkerCredentials(service.db, form.username))
    problems.push({ field: 'username', message: 'That username is taken: choose another.' });
  return problems;
}

/** Adds a link worker of the lead's service, audited; the password is made here and shown on this page only. */
export function addLinkWorkerHandler(service: Service) {
  return async (c: LeadContext) => {
    const posted = await c.req.parseBody();
    const form = { username: typed(posted, 'username').toLowerCase(), displayName: typed(posted, 'displayName') };
    const problems = await addProblems(service, form);
    if (problems.length) return html(await workersPage(service, c, { form, problems }), 400);
    const password = newPassword();
    const session = c.get('session');
    await addLinkWorker(
      service.db,
      { ...form, password, serviceId: c.get('led').id, role: 'link-worker' },
      session.linkWorker.username,
    );
    return html(await workersPage(service, c, { added: { ...form, password } }));
  };
}

/** Disables or enables one of the service's accounts (never the lead's own), audited; another service's: 404. */
export function accountStateHandler(service: Service, action: 'disable' | 'enable') {
  return async (c: LeadContext) => {
    const username = c.req.param('username') ?? '';
    const session = c.get('session');
    const workers = await serviceLinkWorkers(service.db, c.get('led').id);
    if (!workers.some((worker) => worker.username === username))
      return c.text('No such link worker in your service.', 404);
    if (username === session.linkWorker.username) return c.text('You cannot disable your own account.', 409);
    const change = action === 'disable' ? disableLinkWorker : enableLinkWorker;
    await change(service.db, username, service.now(), session.linkWorker.username, c.get('led').id);
    return c.redirect(`/inbox/service/link-workers?saved=${action}d`, 303);
  };
}

function ruleForm(rule: Record<keyof ResponseRuleForm, number>): ResponseRuleForm {
  return {
    firstContactWorkingDays: String(rule.firstContactWorkingDays),
    decisionWorkingDays: String(rule.decisionWorkingDays),
    dueSoonWorkingDays: String(rule.dueSoonWorkingDays),
  };
}

export function responseRuleHandler(service: Service) {
  return async (c: LeadContext) =>
    html(
      <ResponseRulePage
        session={c.get('session')}
        form={ruleForm(await responseRuleOf(service.db, c.get('led').id))}
      />,
    );
}

const RULE_MESSAGES: Record<keyof ResponseRuleForm, string> = {
  decisionWorkingDays: 'A decision is due within a whole number of working days from 1 to 60.',
  firstContactWorkingDays: 'First contact is due within a whole number of working days from 1 to 60.',
  dueSoonWorkingDays: '“Due soon” is a whole number of working days from 0 to 10.',
};

/** A new rule: saved and audited when each number reads; otherwise the form with each problem, nothing changed. */
export function saveResponseRuleHandler(service: Service) {
  return async (c: LeadContext) => {
    const posted = await c.req.parseBody();
    const form: ResponseRuleForm = {
      firstContactWorkingDays: typed(posted, 'firstContactWorkingDays'),
      decisionWorkingDays: typed(posted, 'decisionWorkingDays'),
      dueSoonWorkingDays: typed(posted, 'dueSoonWorkingDays'),
    };
    const number = (text: string) => (/^\d{1,3}$/.test(text) ? Number(text) : text || undefined);
    const parsed = responseRuleSchema.safeParse({
      firstContactWorkingDays: number(form.firstContactWorkingDays),
      decisionWorkingDays: number(form.decisionWorkingDays),
      dueSoonWorkingDays: number(form.dueSoonWorkingDays),
    });
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0]) as keyof ResponseRuleForm))];
      const problems = (['decisionWorkingDays', 'firstContactWorkingDays', 'dueSoonWorkingDays'] as const)
        .filter((field) => fields.includes(field))
        .map((field) => ({ field, message: RULE_MESSAGES[field] }));
      return html(<ResponseRulePage session={c.get('session')} form={form} problems={problems} />, 400);
    }
    const session = c.get('session');
    await setResponseRule(service.db, c.get('led').id, parsed.data, session.linkWorker.username, service.now());
    return c.redirect('/inbox/service?saved=response-rule', 303);
  };
}

/** What one of the service's accounts did, newest first, a page at a time: for the lead, only their own service's. */
export function teamAuditHandler(service: Service) {
  return async (c: LeadContext) => {
    const { actor, before } = c.req.query();
    const workers = await serviceLinkWorkers(service.db, c.get('led').id);
    const worker = workers.find((w) => w.username === actor);
    if (!worker) return c.text('No such link worker in your service.', 404);
    const pageSize = 100;
    const rows = await auditTrail(service.db, {
      actor: worker.username,
      ...(before && /^\d{1,15}$/.test(before) ? { before: Number(before) } : {}),
      limit: pageSize,
    });
    return html(
      <AuditPage
        session={c.get('session')}
        rows={rows}
        pageSize={pageSize}
        query={`actor=${encodeURIComponent(worker.username)}`}
        path="/inbox/service/audit"
        heading={`What ${worker.displayName} did`}
        back={{ href: '/inbox/service/link-workers', text: 'Link workers' }}
      />,
    );
  };
}
