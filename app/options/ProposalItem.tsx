import { useSignal } from '@preact/signals';
import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { modelChanges } from '../../domain/model/diff';
import type { Party, Proposal } from '../../domain/service/agreement';
import type { DirectoryEntry } from '../../domain/service/directory';
import type { OptionsState } from './options-state';

const said = (party: Party) => `${party.name} (${party.role}, ${party.organisation})`;
const day = (instant: string) => nhsDate(ukDate(new Date(instant)));

/** Where a proposal stands, in words. */
function standing(proposal: Proposal, serviceName: string): string {
  switch (proposal.status) {
    case 'proposed':
      return proposal.side === 'practice'
        ? `Waiting for ${serviceName} to agree it or send it back`
        : 'Waiting for the practice: agree it or send it back';
    case 'agreed':
      return `Agreed${proposal.decidedBy ? ` by ${said(proposal.decidedBy)}` : ''}${proposal.decidedAt ? ` on ${day(proposal.decidedAt)}` : ''}`;
    case 'sent-back':
      return `Sent back${proposal.decidedBy ? ` by ${said(proposal.decidedBy)}` : ''}${proposal.comment ? `: “${proposal.comment}”` : ''}`;
  }
}

/**
 * One proposal with a service: who proposed which version when, where it stands, and while it is in flight what it
 * changes against the version in force; one the service made to the practice can be agreed or sent back here.
 */
export function ProposalItem({
  state,
  entry,
  proposal,
}: {
  state: OptionsState;
  entry: DirectoryEntry;
  proposal: Proposal;
}) {
  const comment = useSignal('');
  const commentMissing = useSignal(false);
  const changes = modelChanges(entry.agreement.model, proposal.model);
  const ours = proposal.side === 'practice';
  const answerable = !ours && proposal.status === 'proposed';
  const commentId = `send-back-${proposal.id}`;
  const sendBack = () => {
    commentMissing.value = !comment.value.trim();
    if (!commentMissing.value) void state.directory.sendBack(entry.service.id, proposal.id, comment.value.trim());
  };
  return (
    <li data-proposal={proposal.id} data-status={proposal.status}>
      <h5 class="options-proposal-heading">
        Version {proposal.version}{' '}
        <span class="options-muted">
          proposed by {said(proposal.proposedBy)} on {day(proposal.proposedAt)}
        </span>
      </h5>
      <p class="nhsuk-body options-proposal-status">{standing(proposal, entry.service.name)}</p>
      {proposal.status === 'proposed' && (
        <details>
          <summary>What it changes from version {entry.agreement.version}</summary>
          <ul>
            {(changes.length ? changes : ['Nothing: the same model.']).map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </details>
      )}
      {answerable && (
        <div class={`nhsuk-form-group${commentMissing.value ? ' nhsuk-form-group--error' : ''}`}>
          <label class="nhsuk-label" for={commentId}>
            Comment, to send it back (what the practice would change)
          </label>
          {commentMissing.value && (
            <p class="nhsuk-error-message" id={`${commentId}-error`}>
              <span class="nhsuk-u-visually-hidden">Error:</span> Say why it goes back, so the service can change it.
            </p>
          )}
          <textarea
            class="nhsuk-textarea"
            id={commentId}
            rows={3}
            value={comment.value}
            aria-invalid={commentMissing.value ? true : undefined}
            aria-describedby={commentMissing.value ? `${commentId}-error` : undefined}
            onInput={(event) => {
              comment.value = event.currentTarget.value;
            }}
          />
          <div class="options-buttons">
            <button
              type="button"
              class="nhsuk-button"
              onClick={() => void state.directory.agree(entry.service.id, proposal.id)}
            >
              Agree version {proposal.version}
            </button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={sendBack}>
              Send version {proposal.version} back
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
