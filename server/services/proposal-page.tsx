import { nhsDateTime } from '../../domain/clock/nhs-date';
import { modelChanges } from '../../domain/model/diff';
import type { ServiceModel } from '../../domain/model/model';
import type { AgreedModel, Proposal } from '../../domain/service/agreement';
import { Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import { BackLink, errorsFor, Problems, partyWords, practiceWords, SummaryRow } from './parts';
import type { Problem } from './read-forms';

const COMMENT_HINT = 'The practice sees this comment.';

type Props = {
  session: Session;
  proposal: Proposal;
  /** The version agreed with this practice that is in force now, if any: what the diff is against. */
  inForce: AgreedModel | undefined;
  practices: readonly Practice[];
  /** Who agreeing records for the service's side. */
  lead: { name: string; role: string; organisation: string };
  problems?: readonly Problem[];
  comment?: string;
};

/**
 * Who agreed, on what day and the review date are written into the model by the queue when both sides agree, so a
 * proposal's own are no change to read: the diff takes them from the version in force. Its summary is kept.
 */
function withAgreementOf(inForce: ServiceModel, proposed: ServiceModel): ServiceModel {
  const { agreedBy, agreedOn, reviewBy } = inForce.agreement;
  return { ...proposed, agreement: { ...proposed.agreement, agreedBy, agreedOn, reviewBy } };
}

/** A proposal: what it changes against the version in force, and (when it is the service's turn) Agree or Send back. */
export function ProposalPage(props: Props) {
  const { proposal, inForce } = props;
  const practice = practiceWords(props.practices, proposal.practice);
  const title = `Version ${proposal.version} for ${practice}`;
  const changes = modelChanges(
    inForce?.model,
    inForce ? withAgreementOf(inForce.model, proposal.model) : proposal.model,
  );
  return (
    <Page title={title} session={props.session}>
      <BackLink />
      <Problems problems={props.problems ?? []} />
      <h1>{title}</h1>
      <dl class="summary">
        <SummaryRow term="Model">{proposal.model.name}</SummaryRow>
        <SummaryRow term="Proposed by">{`${partyWords(proposal.proposedBy)}, ${nhsDateTime(proposal.proposedAt)}`}</SummaryRow>
        <SummaryRow term="In force now">
          {inForce ? `Version ${inForce.version}, agreed ${nhsDateTime(inForce.agreedAt)}` : 'No version is agreed yet'}
        </SummaryRow>
        <SummaryRow term="State">
          <ProposalState proposal={proposal} />
        </SummaryRow>
      </dl>
      <h2>{inForce ? `What changes from version ${inForce.version}` : 'What it says'}</h2>
      <p class="quiet">Who agreed it, when, and its review date are recorded when both sides agree.</p>
      {!inForce && <p class="inset">{proposal.model.agreement.summary}</p>}
      {changes.length === 0 ? (
        <p>Nothing changes: it is the same as the version in force.</p>
      ) : (
        <ul class="changes">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
      {proposal.status === 'proposed' && proposal.side === 'practice' ? (
        <Decide {...props} />
      ) : proposal.status === 'proposed' ? (
        <p class="inset">Waiting for the practice to agree it or send it back.</p>
      ) : null}
    </Page>
  );
}

function ProposalState({ proposal }: { proposal: Proposal }) {
  const by =
    proposal.decidedBy && proposal.decidedAt
      ? ` by ${partyWords(proposal.decidedBy)}, ${nhsDateTime(proposal.decidedAt)}`
      : '';
  if (proposal.status === 'agreed') return <>{`Agreed${by}`}</>;
  if (proposal.status === 'sent-back')
    return (
      <>
        {`Sent back${by}`}
        <p class="inset comment">{proposal.comment}</p>
      </>
    );
  return <>{proposal.side === 'practice' ? 'Waiting for you' : 'Waiting for the practice'}</>;
}

/** Agree (recorded with the lead's name, role and organisation) or send back with a comment, which is required. */
function Decide(props: Props) {
  const { at, described } = errorsFor(props.problems ?? []);
  const base = `/inbox/service/proposals/${props.proposal.id}`;
  return (
    <>
      <h2>Agree it</h2>
      <form method="post" action={`${base}/agree`} class="form">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <p>{`Agreeing records ${partyWords(props.lead)} as agreeing for the service. The practice can then refer under it.`}</p>
        <button type="submit" class="nhsuk-button">
          Agree this version
        </button>
      </form>
      <h2>Or send it back</h2>
      <form method="post" action={`${base}/send-back`} class="form">
        <input type="hidden" name="csrf" value={props.session.csrfToken} />
        <Field id="comment" label="What needs to change" hint={COMMENT_HINT} errors={at('comment')}>
          <textarea
            class="nhsuk-textarea"
            id="comment"
            name="comment"
            rows={4}
            maxLength={2000}
            {...described('comment', COMMENT_HINT)}
          >
            {props.comment ?? ''}
          </textarea>
        </Field>
        <button type="submit" class="nhsuk-button nhsuk-button--secondary">
          Send back
        </button>
      </form>
    </>
  );
}
