import type { ResponseRule } from '../../domain/caseload/response-rule';
import { nhsDate, nhsDateTime } from '../../domain/clock/nhs-date';
import type { AgreedModel, Proposal } from '../../domain/service/agreement';
import type { Service } from '../../domain/service/service';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import { CapacityTag, partyWords, practiceWords, SummaryRow } from './parts';

type Props = {
  session: Session;
  service: Service;
  today: string;
  agreements: readonly AgreedModel[];
  proposals: readonly Proposal[];
  practices: readonly Practice[];
  rule: ResponseRule;
  saved?: string;
};

/** The service lead's page: the service as practices see it, what waits for the lead, and what is agreed with whom. */
export function ServicePage(props: Props) {
  const { service } = props;
  const waiting = props.proposals.filter((p) => p.side === 'practice' && p.status === 'proposed');
  const ours = props.proposals.filter((p) => p.side === 'service' && p.status !== 'agreed');
  return (
    <Page title={service.name} session={props.session}>
      {props.saved && (
        <div class="notice" role="status">
          {props.saved}
        </div>
      )}
      <h1>{service.name}</h1>
      <p class="quiet">{`Run by ${service.organisation.name}`}</p>

      <h2>Capacity</h2>
      <p>
        <CapacityTag capacity={service.capacity} today={props.today} />
      </p>
      <p>
        <a href="/inbox/service/capacity">Change capacity</a>
      </p>

      <h2>Link workers and response times</h2>
      <p>
        {`A decision within ${props.rule.decisionWorkingDays} working days; first contact within ${props.rule.firstContactWorkingDays}; flagged due soon ${props.rule.dueSoonWorkingDays} working days before.`}
      </p>
      <ul class="links">
        <li>
          <a href="/inbox/service/link-workers">Link workers: add, disable, and what each did</a>
        </li>
        <li>
          <a href="/inbox/service/response-rule">Change response times</a>
        </li>
      </ul>

      <h2>Details</h2>
      <dl class="summary">
        <SummaryRow term="What the service does">{service.description}</SummaryRow>
        <SummaryRow term="How it makes contact">{service.contact}</SummaryRow>
        <SummaryRow term="Hours">{service.hours}</SummaryRow>
        <SummaryRow term="Areas served">{service.areas.length ? service.areas.join(', ') : 'Anywhere'}</SummaryRow>
      </dl>
      <p>
        <a href="/inbox/service/details">Change details</a>
      </p>

      <ProposalList
        title="Proposals from practices"
        empty="No practice has proposed a change."
        proposals={waiting}
        practices={props.practices}
      />
      <ProposalList title="Your proposals" empty="None in flight." proposals={ours} practices={props.practices} />
      <p>
        <a href="/inbox/service/propose">Propose a model to a practice</a>
      </p>

      <AgreementTable agreements={props.agreements} practices={props.practices} />
    </Page>
  );
}

const PROPOSAL_STATE: Record<Proposal['status'], string> = {
  proposed: 'Waiting for the other side',
  agreed: 'Agreed',
  'sent-back': 'Sent back',
};

function ProposalList(props: {
  title: string;
  empty: string;
  proposals: readonly Proposal[];
  practices: readonly Practice[];
}) {
  return (
    <>
      <h2>{props.title}</h2>
      {props.proposals.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class="proposals">
          {props.proposals.map((proposal) => (
            <li key={proposal.id} data-proposal={proposal.id}>
              <a href={`/inbox/service/proposals/${proposal.id}`}>
                {`Version ${proposal.version} for ${practiceWords(props.practices, proposal.practice)}`}
              </a>
              {` — proposed by ${partyWords(proposal.proposedBy)}, ${nhsDateTime(proposal.proposedAt)}. `}
              <strong>{PROPOSAL_STATE[proposal.status]}</strong>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Newest first, so a version is in force when no version before it in the list is with the same practice. */
function inForce(agreements: readonly AgreedModel[], index: number): boolean {
  const practice = agreements[index]?.practice;
  return !agreements.slice(0, index).some((agreed) => agreed.practice === practice);
}

/** Every agreed version, newest first, with who agreed it on each side: immutable, so a record, not a form. */
function AgreementTable(props: { agreements: readonly AgreedModel[]; practices: readonly Practice[] }) {
  return (
    <>
      <h2>Agreed models</h2>
      {props.agreements.length === 0 ? (
        <p>No model is agreed with a practice yet.</p>
      ) : (
        <table class="table">
          <caption>Each version agreed with a practice, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Practice</th>
              <th scope="col">Version</th>
              <th scope="col">Agreed for the practice by</th>
              <th scope="col">Agreed for the service by</th>
              <th scope="col">Agreed</th>
              <th scope="col">Review by</th>
            </tr>
          </thead>
          <tbody>
            {props.agreements.map((agreed, index) => (
              <tr key={`${agreed.practice}-${agreed.version}`} data-agreement={`${agreed.practice}-${agreed.version}`}>
                <td>{practiceWords(props.practices, agreed.practice)}</td>
                <td>
                  {`${agreed.version}: ${agreed.model.name} `}
                  {inForce(props.agreements, index) && <strong class="tag tag-green">In force</strong>}
                </td>
                <td>{partyWords(agreed.agreedBy.practice)}</td>
                <td>{partyWords(agreed.agreedBy.service)}</td>
                <td>{nhsDateTime(agreed.agreedAt)}</td>
                <td>{nhsDate(agreed.reviewBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
