import type { Context } from 'hono';
import type { CaseEventBody } from '../../domain/caseload/case';
import { DEFAULT_RESPONSE_RULE } from '../../domain/caseload/response-rule';
import { type Arrival, timeline } from '../../domain/caseload/timeline';
import { ukDate } from '../../domain/clock/uk-date';
import { needLabel, safetyLabel } from '../../domain/referral';
import { clientAddress } from '../auth/address-limit';
import type { InboxVariables } from '../auth/session';
import type { Service } from '../context';
import type { Read } from '../services/read-forms';
import { audit } from '../store/audit';
import { addCaseEvent, assign, type CaseDetail, caseDetail, responseRuleOf } from '../store/caseload';
import { serviceLinkWorkers } from '../store/link-workers';
import type { Entered, Problem } from './case/entered';
import { enteredForm } from './case/entered';
import { type CaseForm, readAttempt, readNextAction, readNote, readWaitingList } from './case/read-case-forms';
import { readClosing } from './case/read-closing';
import type { DecisionForm } from './decision-form';
import { DetailPage, type FormAgain } from './detail-page';
import { dueFlag } from './due-flag';
import { html } from './html';
import { presentFlags } from './referral-parts';

type InboxContext = Context<InboxVariables>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The referral the path names, if it is in the signed-in link worker's caseload. */
export async function caseOf(service: Service, c: InboxContext): Promise<CaseDetail | undefined> {
  const id = (c.req.param('id') ?? '').toLowerCase();
  return UUID.test(id) ? caseDetail(service.db, id, c.get('session').serviceId) : undefined;
}

/** The detail page of a case: its flag by the service's rule, its timeline, and a lead's choice of link workers. */
export async function detailPage(
  service: Service,
  c: InboxContext,
  detail: CaseDetail,
  shown: { saved?: string; problems?: Problem[]; form?: DecisionForm; again?: FormAgain } = {},
  status: 200 | 400 | 409 = 200,
): Promise<Response> {
  const session = c.get('session');
  const now = service.now();
  const [rule, linkWorkers] = await Promise.all([
    session.serviceId ? responseRuleOf(service.db, session.serviceId) : DEFAULT_RESPONSE_RULE,
    session.role === 'service-lead' && session.serviceId ? serviceLinkWorkers(service.db, session.serviceId) : [],
  ]);
  const flag = dueFlag(detail, ukDate(now), rule.dueSoonWorkingDays);
  return html(
    <DetailPage
      session={session}
      referral={detail}
      events={detail.events}
      timeline={timeline(arrival(detail), detail.decisions, detail.events)}
      flag={flag}
      linkWorkers={linkWorkers.filter((worker) => !worker.disabled)}
      now={now}
      {...shown}
    />,
    status,
  );
}

/** The referral's arrival on the timeline: from whom, and what it asked for in a line or two. */
function arrival(detail: CaseDetail): Arrival {
  const { referral } = detail;
  return {
    receivedAt: detail.receivedAt,
    from: `${referral.referrer.name}, ${detail.practiceName}`,
    lines: [
      `Needs: ${referral.needs.map(needLabel).join(', ')}`,
      ...(presentFlags(referral).length ? [`Safety flags: ${presentFlags(referral).map(safetyLabel).join(', ')}`] : []),
    ],
  };
}

const SAVED: Record<CaseForm | 'assign', string> = {
  attempt: 'Saved: the contact attempt.',
  note: 'Saved: the note.',
  'next-action': 'Saved: the next action.',
  'waiting-list': 'Saved: on the waiting list. The referrer is told the expected date.',
  close: 'Closed. The referrer is told the outcome.',
  assign: 'Saved: who the referral is assigned to.',
};

export function savedWords(saved: string | undefined): string | undefined {
  return saved && saved in SAVED ? SAVED[saved as CaseForm] : undefined;
}

/**
 * An attempt's time the queue would refuse, said where it was typed. The form reads to the minute: an attempt in the
 * minute the referral arrived is placed at its arrival, not refused as before it.
 */
function attemptAt(body: CaseEventBody, detail: CaseDetail, now: Date): { body: CaseEventBody; problems: Problem[] } {
  if (body.kind !== 'attempt') return { body, problems: [] };
  const at = new Date(body.attempt.at).getTime();
  const arrived = new Date(detail.receivedAt).getTime();
  if (at > now.getTime())
    return { body, problems: [{ field: 'attempt-time', message: 'The attempt’s time is later than now.' }] };
  if (at + 60_000 <= arrived)
    return {
      body,
      problems: [{ field: 'attempt-when', message: 'The attempt is dated before the referral arrived.' }],
    };
  const placed = new Date(Math.max(at, arrived)).toISOString();
  return { body: { ...body, attempt: { ...body.attempt, at: placed } }, problems: [] };
}

const READERS: Record<CaseForm, (entered: Entered, today: string) => Read<CaseEventBody>> = {
  attempt: readAttempt,
  note: readNote,
  'next-action': readNextAction,
  'waiting-list': readWaitingList,
  close: readClosing,
};

/**
 * A case form posted: read at the boundary, refused with each problem where it was typed (nothing stored), or added
 * to the case with the Task and the audit (the store does both in one transaction), then the page again.
 */
export function caseEventHandler(service: Service, form: CaseForm) {
  return async (c: InboxContext) => {
    const session = c.get('session');
    const posted = await c.req.parseBody({ all: true });
    if (posted.csrf !== session.csrfToken) return c.text('This form is out of date: reload the page.', 403);
    const detail = await caseOf(service, c);
    if (!detail) return c.text('No such referral.', 404);
    const entered = enteredForm(posted);
    const now = service.now();
    const read = READERS[form](entered, ukDate(now));
    const checked = read.ok ? attemptAt(read.value, detail, now) : { problems: read.problems };
    if (!('body' in checked) || checked.problems.length)
      return detailPage(service, c, detail, { problems: checked.problems, again: { form, entered } }, 400);
    const added = await addCaseEvent(service.db, { referralId: detail.id, body: checked.body, by: session, at: now });
    if (added.kind === 'not-found') return c.text('No such referral.', 404);
    if (added.kind === 'refused') {
      const fresh = (await caseOf(service, c)) ?? detail;
      return detailPage(service, c, fresh, { problems: [{ message: added.reason }], again: { form, entered } }, 409);
    }
    return c.redirect(`/inbox/referrals/${detail.id}?saved=${form}#timeline-heading`, 303);
  };
}

/** Only back to the inbox's own pages: never a link off this site. */
function backTo(posted: Record<string, unknown>, id: string): string {
  const back = typeof posted.back === 'string' ? posted.back : '';
  // A query as the list's own links write it (URL-encoded): no other path, host, fragment or line break.
  return /^\/inbox(\?[\w%&=+.*~-]*)?$/.test(back) ? back : `/inbox/referrals/${id}?saved=assign`;
}

/** Assign to me (`to` = me), or a lead's choice of link worker or nobody (`to` = ''); audited by the store. */
export function assignHandler(service: Service) {
  return async (c: InboxContext) => {
    const session = c.get('session');
    const posted = await c.req.parseBody();
    if (posted.csrf !== session.csrfToken) return c.text('This form is out of date: reload the page.', 403);
    const detail = await caseOf(service, c);
    if (!detail) return c.text('No such referral.', 404);
    const asked = typeof posted.to === 'string' ? posted.to.trim() : '';
    const to = asked === 'me' ? session.linkWorker.username : asked === '' ? null : asked;
    const result = await assign(service.db, { referralId: detail.id, to, by: session, at: service.now() });
    if (result.kind === 'not-found') return c.text('No such referral.', 404);
    if (result.kind === 'refused') {
      const fresh = (await caseOf(service, c)) ?? detail;
      return detailPage(service, c, fresh, { problems: [{ message: result.reason }] }, 409);
    }
    return c.redirect(backTo(posted, detail.id), 303);
  };
}

/** One referral, its viewing audited. */
export async function viewed(service: Service, c: InboxContext, referralId: string): Promise<void> {
  await audit(service.db, {
    at: service.now(),
    actor: c.get('session').linkWorker.username,
    action: 'viewed-referral',
    referralId,
    address: clientAddress(c),
  });
}
