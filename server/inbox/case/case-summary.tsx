import { closingWords } from '../../../domain/caseload/closing';
import type { CaseStanding } from '../../../domain/caseload/standing';
import { nhsDate, nhsDateTime } from '../../../domain/clock/nhs-date';
import { isFinal, type LinkWorkerStatus } from '../../../domain/fhir';
import { SummaryRow } from '../../services/parts';
import type { LinkWorker, Session } from '../../store/link-workers';
import { type DueFlag, DueTag } from '../due-flag';

/** Assign to me in one press; a lead chooses anyone of the service, or nobody. */
function AssignForm(props: {
  referralId: string;
  session: Session;
  facts: CaseStanding;
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

/**
 * The case at a glance: who has it, the flag against the service's rule, attempts, and while open the next action and
 * the wait; once closed, how, by whom and when (a closed case has nothing left to do).
 */
export function CaseSummary(props: {
  referralId: string;
  status: LinkWorkerStatus['status'];
  session: Session;
  facts: CaseStanding;
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
        {facts.closed && (
          <SummaryRow term="Closed">
            {`${closingWords(facts.closed.closing)} — by ${facts.closed.byName}, ${nhsDateTime(facts.closed.at)}`}
          </SummaryRow>
        )}
        {open && facts.next && (
          <SummaryRow term="Next action">{`${facts.next.text} — by ${nhsDate(facts.next.due)}`}</SummaryRow>
        )}
        {open && facts.waiting && (
          <SummaryRow term="Waiting list">{`Expects to hear by ${nhsDate(facts.waiting.expected)}`}</SummaryRow>
        )}
      </dl>
    </section>
  );
}
