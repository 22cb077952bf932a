import type { CaseEvent } from '../../../domain/caseload/case';
import { nhsDate } from '../../../domain/clock/nhs-date';
import { isFinal, type LinkWorkerStatus } from '../../../domain/fhir';
import { SummaryRow } from '../../services/parts';
import type { LinkWorker, Session } from '../../store/link-workers';
import { type DueFlag, DueTag } from '../due-flag';

/** Where a case stands, read from its events: the last assignment, attempts so far, the latest next action and wait. */
export function caseFacts(events: readonly CaseEvent[]) {
  let assigned: { to: string; toName: string } | undefined;
  let next: { text: string; due: string } | undefined;
  let expected: string | undefined;
  let attempts = 0;
  for (const event of events) {
    if (event.kind === 'assigned') assigned = { to: event.to, toName: event.toName };
    if (event.kind === 'unassigned') assigned = undefined;
    if (event.kind === 'attempt') attempts += 1;
    if (event.kind === 'next-action') next = event.action;
    if (event.kind === 'waiting-list') expected = event.waiting.expected;
  }
  return { assigned, next, expected, attempts };
}

export type CaseFacts = ReturnType<typeof caseFacts>;

/** Assign to me in one press; a lead chooses anyone of the service, or nobody. */
function AssignForm(props: {
  referralId: string;
  session: Session;
  facts: CaseFacts;
  linkWorkers: readonly LinkWorker[];
}) {
  const { session, facts } = props;
  const mine = facts.assigned?.to === session.linkWorker.username;
  const action = `/inbox/referrals/${props.referralId}/assign`;
  return (
    <div class="assign">
      {!mine && (
        <form method="post" action={action} class="inline-form">
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <input type="hidden" name="to" value="me" />
          <button type="submit" class="button button-small">
            Assign to me
          </button>
        </form>
      )}
      {session.role === 'service-lead' && (
        <form method="post" action={action} class="inline-form">
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <label for="assign-to">Assign to</label>{' '}
          <select id="assign-to" name="to" class="nhsuk-select">
            <option value="" selected={!facts.assigned}>
              Nobody
            </option>
            {props.linkWorkers.map((worker) => (
              <option key={worker.username} value={worker.username} selected={facts.assigned?.to === worker.username}>
                {worker.displayName}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button-secondary button-small">
            Reassign
          </button>
        </form>
      )}
    </div>
  );
}

/** The case at a glance: who has it, the flag against the service's rule, attempts, the next action, the wait. */
export function CaseSummary(props: {
  referralId: string;
  status: LinkWorkerStatus['status'];
  session: Session;
  facts: CaseFacts;
  flag: DueFlag | undefined;
  linkWorkers: readonly LinkWorker[];
}) {
  const { facts } = props;
  const open = !isFinal(props.status);
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">Case</h2>
      <dl class="case-summary">
        <SummaryRow term="Link worker">
          {facts.assigned ? facts.assigned.toName : 'Nobody yet'}
          {open && (
            <AssignForm
              referralId={props.referralId}
              session={props.session}
              facts={facts}
              linkWorkers={props.linkWorkers}
            />
          )}
        </SummaryRow>
        {props.flag && (
          <SummaryRow term="Response">
            <DueTag flag={props.flag} />
          </SummaryRow>
        )}
        <SummaryRow term="Contact attempts">{String(facts.attempts)}</SummaryRow>
        {facts.next && (
          <SummaryRow term="Next action">{`${facts.next.text} — by ${nhsDate(facts.next.due)}`}</SummaryRow>
        )}
        {facts.expected && (
          <SummaryRow term="Waiting list">{`Expects to hear by ${nhsDate(facts.expected)}`}</SummaryRow>
        )}
      </dl>
    </section>
  );
}
